import { PREMISES_KINDS } from '../../reference/target-category.entity';
import type { PremisesKind } from '../../reference/target-category.entity';
import { LICENCE_KINDS, RISK_LEVELS } from '../premises.entity';
import type { Licence, RiskLevel } from '../premises.entity';
import { creditCodeProblem, isValidFoodProductionLicenceNumber } from './credit-code';

/** A row of the premises registry as a clerk sends it (the GraphQL input or a CSV line). */
export interface PremisesRow {
  name: string;
  kind: PremisesKind;
  bureauCode: string;
  address: string;
  creditCode?: string | null;
  licences?: { kind: Licence['kind']; number: string; validUntil?: string | null }[] | null;
  riskLevel?: RiskLevel | null;
  pharmacistRegistrations?: string[] | null;
  latitude?: number | null;
  longitude?: number | null;
}

/** A row that passed the checks, normalised and with its bureau resolved. */
export interface CheckedRow {
  name: string;
  kind: PremisesKind;
  bureauId: string;
  address: string;
  /** Omitted optional fields are undefined: an update keeps what is on record. */
  creditCode?: string;
  licences?: Licence[];
  riskLevel?: RiskLevel;
  pharmacistRegistrations?: string[];
  latitude?: number;
  longitude?: number;
}

export type RowCheck = { ok: true; row: CheckedRow } | { ok: false; reason: string };

const NAME_MAX = 200;
const ADDRESS_MAX = 300;

/** Collapses runs of white space so that the same name typed twice matches. */
export function tidy(text: string): string {
  return text.trim().replace(/\s+/g, ' ');
}

/**
 * Checks one registry row (市场主体名录) and normalises it. Reasons are written for the clerk
 * who fixes the spreadsheet; the first problem found is reported.
 */
export function checkPremisesRow(
  row: PremisesRow,
  bureauIdOf: (code: string) => string | undefined,
): RowCheck {
  const reject = (reason: string): RowCheck => ({ ok: false, reason });
  const name = tidy(row.name ?? '');
  const address = tidy(row.address ?? '');
  if (!name) return reject('name (名称) is missing');
  if (name.length > NAME_MAX) return reject(`name (名称) is longer than ${NAME_MAX} characters`);
  if (!address) return reject('address (地址) is missing');
  if (address.length > ADDRESS_MAX)
    return reject(`address (地址) is longer than ${ADDRESS_MAX} characters`);

  // GraphQL enums check these already; rows from a CSV file arrive as free text
  if (!(PREMISES_KINDS as readonly string[]).includes(row.kind))
    return reject(`unknown kind "${row.kind}" (one of ${PREMISES_KINDS.join(', ')})`);
  if (row.riskLevel && !(RISK_LEVELS as readonly string[]).includes(row.riskLevel))
    return reject(`unknown risk level "${row.riskLevel}" (A, B, C or D)`);

  const bureauCode = (row.bureauCode ?? '').trim();
  const bureauId = bureauIdOf(bureauCode);
  if (!bureauId)
    return reject(bureauCode ? `unknown bureau code "${bureauCode}"` : 'bureau code is missing');

  const checked: CheckedRow = { name, kind: row.kind, bureauId, address };

  const creditCode = row.creditCode?.trim().toUpperCase();
  if (creditCode) {
    const problem = creditCodeProblem(creditCode);
    if (problem) return reject(`${problem}: "${creditCode}"`);
    checked.creditCode = creditCode;
  }

  if (row.licences) {
    const licences: Licence[] = [];
    for (const licence of row.licences) {
      if (!(LICENCE_KINDS as readonly string[]).includes(licence.kind))
        return reject(
          `unknown licence kind "${licence.kind}" (one of ${LICENCE_KINDS.join(', ')})`,
        );
      const number = (licence.number ?? '').trim().toUpperCase();
      if (!number) return reject(`a ${licence.kind} licence has no number`);
      if (licence.validUntil && !isCalendarDay(licence.validUntil))
        return reject(
          `licence ${number}: validity "${licence.validUntil}" is not a day YYYY-MM-DD`,
        );
      if (licence.kind === 'FOOD_PRODUCTION' && !isValidFoodProductionLicenceNumber(number))
        return reject(
          `food production licence number (食品生产许可证) "${number}" must be SC followed by 14 digits`,
        );
      licences.push({ kind: licence.kind, number, validUntil: licence.validUntil ?? null });
    }
    checked.licences = licences;
  }

  if (row.riskLevel) checked.riskLevel = row.riskLevel;

  if (row.pharmacistRegistrations) {
    const registrations = [
      ...new Set(row.pharmacistRegistrations.map((r) => r.trim()).filter(Boolean)),
    ];
    if (registrations.length > 0 && row.kind !== 'PHARMACY')
      return reject(
        `pharmacist registrations (执业药师注册证) are only for a PHARMACY, not a ${row.kind}`,
      );
    checked.pharmacistRegistrations = registrations;
  }

  const hasLatitude = row.latitude !== undefined && row.latitude !== null;
  const hasLongitude = row.longitude !== undefined && row.longitude !== null;
  if (hasLatitude !== hasLongitude)
    return reject('coordinates need both latitude and longitude, or neither');
  if (hasLatitude && hasLongitude) {
    const latitude = row.latitude as number;
    const longitude = row.longitude as number;
    if (Number.isNaN(latitude) || Number.isNaN(longitude))
      return reject('latitude and longitude must be numbers in degrees, e.g. 38.4872 and 106.2309');
    if (!Number.isFinite(latitude) || latitude < -90 || latitude > 90)
      return reject(`latitude ${latitude} is not between -90 and 90`);
    if (!Number.isFinite(longitude) || longitude < -180 || longitude > 180)
      return reject(`longitude ${longitude} is not between -180 and 180`);
    checked.latitude = latitude;
    checked.longitude = longitude;
  }
  return { ok: true, row: checked };
}

function isCalendarDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const day = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === text;
}
