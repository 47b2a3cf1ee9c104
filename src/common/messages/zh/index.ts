import type { MessageKey } from '../en';
import { commonZh } from './common';
import { legacyZh } from './legacy';
import { followUpsZh } from './follow-ups';
import { officersZh } from './officers';
import { selectionZh } from './selection';
import { sweepsZh } from './sweeps';

/** The Chinese catalogue (the default language): the same keys as ../en, each area in its file. */
export const zh: Record<MessageKey, string> = {
  ...commonZh,
  ...legacyZh,
  ...officersZh,
  ...sweepsZh,
  ...selectionZh,
  ...followUpsZh,
};
