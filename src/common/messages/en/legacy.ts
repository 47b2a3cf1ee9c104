/**
 * TRANSITIONAL: finished English text thrown before its area moved to keys. Removed once every
 * area throws keys; nothing may use it then.
 */
export const legacyEn = {
  'legacy.text': '{text}',
} as const;
