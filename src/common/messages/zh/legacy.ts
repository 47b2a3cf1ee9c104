import type { legacyEn } from '../en/legacy';

/** TRANSITIONAL: see ../en/legacy.ts. */
export const legacyZh: Record<keyof typeof legacyEn, string> = {
  'legacy.text': '{text}',
};
