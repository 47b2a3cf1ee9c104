/** Logging in and access tokens. */
export const authEn = {
  'auth.loginFailed': 'Wrong certificate number or password, or the officer is deactivated',
  'auth.tokenExpired': 'The access token is invalid or has expired; log in again',
  'auth.tokenInvalid': 'The access token is invalid',
  'auth.officerInactive': 'The officer is unknown or deactivated',
} as const;
