/** Officers (执法人员): accounts and the two-officer rule. */
export const officersEn = {
  'officers.twoNeeded': 'needs at least two distinct officers',
  'officers.unknown': 'unknown officers: {ids}',
  'officers.inactive': 'deactivated officers: {ids}',
  'officers.callerMissing': 'must include the officer recording it',
  'officers.passwordTooShort': 'must be at least 12 characters',
} as const;
