import { message, type Message } from '../../common/messages/message';

/**
 * 统一社会信用代码 (unified social credit code), GB 32100-2015: 18 characters from an alphabet
 * without I, O, S, V, Z; the last one is a check character over the first 17.
 */
export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** Weight of position i (0–16) is 3^i mod 31. */
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character for the first 17 characters, or null if one of them is not allowed. */
export function creditCodeCheckCharacter(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const index = CREDIT_CODE_ALPHABET.indexOf(first17[i]);
    if (index < 0) return null;
    sum += index * WEIGHTS[i];
  }
  return CREDIT_CODE_ALPHABET[(31 - (sum % 31)) % 31];
}

/**
 * Why a credit code is not valid, in words a clerk understands (the message names the code);
 * null when it is valid.
 */
export function creditCodeProblem(code: string): Message | null {
  if (code.length !== 18)
    return message('premises.import.creditCodeLength', { length: code.length, code });
  const bad = [...code].find((character) => !CREDIT_CODE_ALPHABET.includes(character));
  if (bad !== undefined)
    return message('premises.import.creditCodeCharacter', { character: bad, code });
  const expected = creditCodeCheckCharacter(code.slice(0, 17));
  if (expected !== code[17])
    return message('premises.import.creditCodeCheck', { expected: expected ?? '', code });
  return null;
}

export function isValidCreditCode(code: string): boolean {
  return creditCodeProblem(code) === null;
}

/** 食品生产许可证编号: SC followed by 14 digits. */
export function isValidFoodProductionLicenceNumber(number: string): boolean {
  return /^SC\d{14}$/.test(number);
}
