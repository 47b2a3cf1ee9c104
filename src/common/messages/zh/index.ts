import type { MessageKey } from '../en';
import { commonZh } from './common';
import { legacyZh } from './legacy';
import { evidenceZh } from './evidence';
import { officersZh } from './officers';
import { progressZh } from './progress';
import { premisesZh } from './premises';

/** The Chinese catalogue (the default language): the same keys as ../en, each area in its file. */
export const zh: Record<MessageKey, string> = {
  ...commonZh,
  ...legacyZh,
  ...officersZh,
  ...progressZh,
  ...evidenceZh,
  ...premisesZh,
};
