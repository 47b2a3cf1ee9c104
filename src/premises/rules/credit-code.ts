import { message, type Message } from '../../common/messages/message';

/**
 * 统一社会信用代码 (unified social credit code), GB 32100-2015: 18 characters from an alphabet
 * without I, O, S, V, Z; positions 9–17 are a GB 11714 organisation code with its own check
 * character, and the last one is a check character over the first 17.
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

/** GB 11714 weights of the organisation code's first 8 characters. */
const ORGANISATION_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/**
 * The check character (9th) of a GB 11714 organisation code (组织机构代码) over its first 8
 * characters: 11 − (Σ value·weight mod 11), digits their value, letters A–Z 10–35; 10 is written
 * X and 11 is 0. Null when one of the 8 is not a digit or capital letter.
 */
export function organisationCodeCheckCharacter(first8: string): string | null {
  if (first8.length !== 8) return null;
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const value = parseInt(first8[i], 36);
    if (Number.isNaN(value) || first8[i] !== first8[i].toUpperCase()) return null;
    sum += value * ORGANISATION_WEIGHTS[i];
  }
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

/**
 * Why a credit code is not valid, in words a clerk understands (the message names the code and
 * the part that is wrong); null when it is valid. The parts of GB 32100-2015 in order: 18
 * characters of the alphabet, the division code (positions 3–8, digits), the organisation code
 * (positions 9–17, GB 11714, with its own check character), the check character (18).
 */
export function creditCodeProblem(code: string): Message | null {
  if (code.length !== 18)
    return message('premises.import.creditCodeLength', { length: code.length, code });
  const bad = [...code].find((character) => !CREDIT_CODE_ALPHABET.includes(character));
  if (bad !== undefined)
    return message('premises.import.creditCodeCharacter', { character: bad, code });
  const division = code.slice(2, 8);
  if (!/^\d{6}$/.test(division))
    return message('premises.import.creditCodeDivision', { division, code });
  const organisation = code.slice(8, 17);
  const organisationCheck = organisationCodeCheckCharacter(organisation.slice(0, 8));
  if (organisationCheck !== organisation[8])
    return message('premises.import.creditCodeOrganisation', {
      organisation,
      expected: organisationCheck ?? '',
      code,
    });
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
