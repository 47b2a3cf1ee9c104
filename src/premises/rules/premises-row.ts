import { PREMISES_KINDS } from '../../reference/target-category.entity';
import type { PremisesKind } from '../../reference/target-category.entity';
import { LICENCE_KINDS, RISK_LEVELS } from '../premises.entity';
import type { Licence, RiskLevel } from '../premises.entity';
import { message, type Message } from '../../common/messages/message';
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

/** A rejected row's reason is a message by key, said in the clerk's language where it is shown. */
export type RowCheck = { ok: true; row: CheckedRow } | { ok: false; reason: Message };

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
  const reject = (reason: Message): RowCheck => ({ ok: false, reason });
  const name = tidy(row.name ?? '');
  const address = tidy(row.address ?? '');
  if (!name) return reject(message('premises.import.nameMissing'));
  if (name.length > NAME_MAX)
    return reject(message('premises.import.nameTooLong', { max: NAME_MAX }));
  if (!address) return reject(message('premises.import.addressMissing'));
  if (address.length > ADDRESS_MAX)
    return reject(message('premises.import.addressTooLong', { max: ADDRESS_MAX }));

  // GraphQL enums check these already; rows from a CSV file arrive as free text
  if (!(PREMISES_KINDS as readonly string[]).includes(row.kind))
    return reject(
      message('premises.import.unknownKind', { kind: String(row.kind), kinds: PREMISES_KINDS }),
    );
  if (row.riskLevel && !(RISK_LEVELS as readonly string[]).includes(row.riskLevel))
    return reject(
      message('premises.import.unknownRiskLevel', { riskLevel: String(row.riskLevel) }),
    );

  const bureauCode = (row.bureauCode ?? '').trim();
  const bureauId = bureauIdOf(bureauCode);
  if (!bureauId)
    return reject(
      bureauCode
        ? message('premises.import.unknownBureau', { code: bureauCode })
        : message('premises.import.bureauMissing'),
    );

  const checked: CheckedRow = { name, kind: row.kind, bureauId, address };

  const creditCode = row.creditCode?.trim().toUpperCase();
  if (creditCode) {
    const problem = creditCodeProblem(creditCode);
    if (problem) return reject(problem);
    checked.creditCode = creditCode;
  }

  if (row.licences) {
    const licences: Licence[] = [];
    for (const licence of row.licences) {
      if (!(LICENCE_KINDS as readonly string[]).includes(licence.kind))
        return reject(
          message('premises.import.unknownLicenceKind', {
            kind: String(licence.kind),
            kinds: LICENCE_KINDS,
          }),
        );
      const number = (licence.number ?? '').trim().toUpperCase();
      if (!number)
        return reject(message('premises.import.licenceNumberMissing', { kind: licence.kind }));
      if (licence.validUntil && !isCalendarDay(licence.validUntil))
        return reject(
          message('premises.import.licenceValidity', { number, validUntil: licence.validUntil }),
        );
      if (licence.kind === 'FOOD_PRODUCTION' && !isValidFoodProductionLicenceNumber(number))
        return reject(message('premises.import.foodProductionNumber', { number }));
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
      return reject(message('premises.import.pharmacistsNotPharmacy', { kind: row.kind }));
    checked.pharmacistRegistrations = registrations;
  }

  const hasLatitude = row.latitude !== undefined && row.latitude !== null;
  const hasLongitude = row.longitude !== undefined && row.longitude !== null;
  if (hasLatitude !== hasLongitude) return reject(message('premises.import.coordinatesBoth'));
  if (hasLatitude && hasLongitude) {
    const latitude = row.latitude as number;
    const longitude = row.longitude as number;
    if (Number.isNaN(latitude) || Number.isNaN(longitude))
      return reject(message('premises.import.coordinatesNotNumbers'));
    if (!Number.isFinite(latitude) || latitude < -90 || latitude > 90)
      return reject(message('premises.import.latitudeRange', { latitude }));
    if (!Number.isFinite(longitude) || longitude < -180 || longitude > 180)
      return reject(message('premises.import.longitudeRange', { longitude }));
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
