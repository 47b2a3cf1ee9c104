/** Officers (执法人员): accounts and the two-officer rule. */
export const officersEn = {
  'officers.twoNeeded': 'needs at least two distinct officers',
  'officers.notEligible':
    'cannot be named on this visit (must be active inspectors or supervisors of the premises’ bureau or a bureau above it): {ids}',
  'officers.callerMissing': 'must include the officer recording it',
  'officers.passwordTooShort': 'must be at least 12 characters',
  'officers.passwordIsCertificate': 'must not contain the certificate number',
  'officers.passwordTooCommon': 'is a common password; choose another',
  'officers.currentPasswordWrong': 'is not the current password',
  'officers.lastAdmin': 'the last active ADMIN cannot be deactivated or lose the ADMIN role',
} as const;
