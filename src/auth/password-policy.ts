import { applyDecorators } from '@nestjs/common';
import { Field } from '@nestjs/graphql';
import { IsString, MaxLength, MinLength } from 'class-validator';
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

/** Longest password accepted (Argon2id hashes anything; this only bounds the request). */
export const PASSWORD_MAX_LENGTH = 200;

/**
 * The input validation of a new password, the same wherever one is set (createOfficer,
 * changePassword, resetOfficerPassword): a string of PASSWORD_MIN_LENGTH to PASSWORD_MAX_LENGTH
 * characters. The rest of the policy (`passwordProblem`) needs the officer and runs in the service.
 */
export function NewPasswordField(description: string): PropertyDecorator {
  return applyDecorators(
    Field({ description }),
    IsString(),
    MinLength(PASSWORD_MIN_LENGTH, { message: 'officers.passwordTooShort' }),
    MaxLength(PASSWORD_MAX_LENGTH),
  );
}

/** The description of `newPassword` in the schema. */
export const NEW_PASSWORD_DESCRIPTION =
  'At least 12 characters, not containing the certificate number, not a common password.';
