import { commonEn } from './common';
import { auditEn } from './audit';
import { authEn } from './auth';
import { bureausEn } from './bureaus';
import { exposuresEn } from './exposures';
import { evidenceEn } from './evidence';
import { findingsEn } from './findings';
import { inspectionsEn } from './inspections';
import { officersEn } from './officers';
import { progressEn } from './progress';
import { premisesEn } from './premises';
import { followUpsEn } from './follow-ups';
import { casesEn } from './cases';
import { compulsoryMeasuresEn } from './compulsory-measures';
import { cluesEn } from './clues';
import { selectionEn } from './selection';
import { samplesEn } from './samples';
import { sweepsEn } from './sweeps';

/**
 * The English catalogue: every message key of the service. Each area keeps its messages in a file
 * of its own here (and the same file under ../zh), merged below.
 */
export const en = {
  ...commonEn,
  ...officersEn,
  ...progressEn,
  ...evidenceEn,
  ...premisesEn,
  ...auditEn,
  ...authEn,
  ...bureausEn,
  ...exposuresEn,
  ...inspectionsEn,
  ...findingsEn,
  ...sweepsEn,
  ...selectionEn,
  ...followUpsEn,
  ...casesEn,
  ...compulsoryMeasuresEn,
  ...cluesEn,
  ...samplesEn,
} as const;

export type MessageKey = keyof typeof en;
