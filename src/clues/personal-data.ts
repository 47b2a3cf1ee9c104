import type { CurrentOfficer } from '../auth/current-officer';
import type { Clue } from './clue.entity';

/**
 * The complainant's or reporter's personal data (个人信息): 市场监督管理投诉举报处理暂行办法 第五十条
 * forbids disclosing it. Only officers of the handling bureau read it (not the city bureau's
 * managers unless the city bureau handles the clue); audit events store a marker instead, and no
 * export or log carries it.
 */
export const PERSONAL_FIELDS = [
  'personName',
  'personPhone',
  'personIdNumber',
  'personAddress',
] as const;
export type PersonalField = (typeof PERSONAL_FIELDS)[number];

/** What audit events store instead of a personal value that was there. */
export const REDACTED = '[REDACTED]';

/** Whether the officer may read the clue's personal data: an officer of the handling bureau. */
export function seesPersonalData(officer: CurrentOfficer, clue: Pick<Clue, 'bureauId'>): boolean {
  return officer.bureauId === clue.bureauId;
}

/** The clue as audit events store it: each personal value present replaced by the marker. */
export function redacted<T extends Partial<Record<PersonalField, string | null>>>(clue: T): T {
  const copy = { ...clue };
  for (const field of PERSONAL_FIELDS) {
    if (copy[field] != null) copy[field] = REDACTED;
  }
  return copy;
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/**
 * Whether a resident identity card number (居民身份证号码, GB 11643-1999) is well formed: 17 digits
 * (address code, birth day YYYYMMDD that exists, sequence) and the ISO 7064 MOD 11-2 check
 * character (0–9 or X).
 */
export function isResidentIdNumber(value: string): boolean {
  if (!/^\d{17}[\dX]$/.test(value)) return false;
  const birth = value.slice(6, 14);
  const day = new Date(`${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}T00:00:00Z`);
  if (
    Number.isNaN(day.getTime()) ||
    day.toISOString().slice(0, 10).replaceAll('-', '') !== birth ||
    birth < '18000101'
  )
    return false;
  const sum = ID_WEIGHTS.reduce((total, weight, index) => total + weight * Number(value[index]), 0);
  return ID_CHECK[sum % 11] === value[17];
}

/** A phone number as a clerk writes one: mobile (1 and 10 digits) or fixed line with area code. */
export function isPhoneNumber(value: string): boolean {
  return /^(1\d{10}|0\d{2,3}-?\d{7,8}(-\d{1,6})?|12315|\d{7,8})$/.test(value);
}
