/** Officers (执法人员): accounts and the two-officer rule. */
export const officersEn = {
  'officers.twoNeeded': 'needs at least two distinct officers',
  'officers.unknown': 'unknown officers: {ids}',
  'officers.inactive': 'deactivated officers: {ids}',
  'officers.callerMissing': 'must include the officer recording it',
  'officers.passwordTooShort': 'must be at least 12 characters',
  'officers.passwordIsCertificate': 'must not contain the certificate number',
  'officers.passwordTooCommon': 'is a common password; choose another',
  'officers.currentPasswordWrong': 'is not the current password',
  'officers.lastAdmin': 'the last active ADMIN cannot be deactivated or lose the ADMIN role',
} as const;
