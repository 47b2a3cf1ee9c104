/** Exposures (曝光事件) and their exposed products. */
export const exposuresEn = {
  'exposures.unknownCategory': 'unknown target category {code}',
} as const;
