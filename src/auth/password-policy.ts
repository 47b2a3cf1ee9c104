import { message, type Message } from '../common/messages/message';
import { normalizeCertificate } from './client-address';
import { isCommonPassword } from './common-passwords';

export const PASSWORD_MIN_LENGTH = 12;

/**
 * Why a new password is refused, or null: at least 12 characters, not the officer's certificate
 * number (执法证号, printed on their card), not a common password from the list shipped with the
 * service.
 */
export function passwordProblem(password: string, certificateNumber: string): Message | null {
  if (password.length < PASSWORD_MIN_LENGTH) return message('officers.passwordTooShort');
  const lowered = password.trim().toLowerCase();
  const certificate = normalizeCertificate(certificateNumber);
  if (certificate.length > 0 && lowered.includes(certificate))
    return message('officers.passwordIsCertificate');
  if (isCommonPassword(password.trim())) return message('officers.passwordTooCommon');
  return null;
}
