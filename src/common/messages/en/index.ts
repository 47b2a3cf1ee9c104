import { commonEn } from './common';
import { legacyEn } from './legacy';
import { findingsEn } from './findings';
import { inspectionsEn } from './inspections';
import { officersEn } from './officers';

/**
 * The English catalogue: every message key of the service. Each area keeps its messages in a file
 * of its own here (and the same file under ../zh), merged below.
 */
export const en = {
  ...commonEn,
  ...legacyEn,
  ...officersEn,
  ...inspectionsEn,
  ...findingsEn,
} as const;

export type MessageKey = keyof typeof en;
