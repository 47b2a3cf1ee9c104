import type { MessageKey } from '../en';
import { commonZh } from './common';
import { auditZh } from './audit';
import { authZh } from './auth';
import { bureausZh } from './bureaus';
import { exposuresZh } from './exposures';
import { evidenceZh } from './evidence';
import { findingsZh } from './findings';
import { inspectionsZh } from './inspections';
import { officersZh } from './officers';
import { progressZh } from './progress';
import { premisesZh } from './premises';
import { followUpsZh } from './follow-ups';
import { casesZh } from './cases';
import { compulsoryMeasuresZh } from './compulsory-measures';
import { cluesZh } from './clues';
import { selectionZh } from './selection';
import { samplesZh } from './samples';
import { sweepsZh } from './sweeps';

/** The Chinese catalogue (the default language): the same keys as ../en, each area in its file. */
export const zh: Record<MessageKey, string> = {
  ...commonZh,
  ...officersZh,
  ...progressZh,
  ...evidenceZh,
  ...premisesZh,
  ...auditZh,
  ...authZh,
  ...bureausZh,
  ...exposuresZh,
  ...inspectionsZh,
  ...findingsZh,
  ...sweepsZh,
  ...selectionZh,
  ...followUpsZh,
  ...casesZh,
  ...compulsoryMeasuresZh,
  ...cluesZh,
  ...samplesZh,
};
