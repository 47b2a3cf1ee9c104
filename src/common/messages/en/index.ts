import { commonEn } from './common';
import { legacyEn } from './legacy';
import { followUpsEn } from './follow-ups';
import { officersEn } from './officers';
import { selectionEn } from './selection';
import { sweepsEn } from './sweeps';

/**
 * The English catalogue: every message key of the service. Each area keeps its messages in a file
 * of its own here (and the same file under ../zh), merged below.
 */
export const en = {
  ...commonEn,
  ...legacyEn,
  ...officersEn,
  ...sweepsEn,
  ...selectionEn,
  ...followUpsEn,
} as const;

export type MessageKey = keyof typeof en;
