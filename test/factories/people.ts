import { randomBytes } from 'node:crypto';
import { hashPassword } from '../../src/auth/password';
import type { TestApp } from '../helpers/test-app';

/** Password of every officer the factories make. */
export const OFFICER_PASSWORD = 'officer-password-123';

/** What the factories that write rows directly need: a TestApp or a medium-tier database. */
export interface Queryable {
  query<T = any>(sql: string, parameters?: unknown[]): Promise<T[]>;
}

let passwordHash: Promise<string> | undefined;

function unique(prefix: string): string {
  return `${prefix}${randomBytes(4).toString('hex').toUpperCase()}`;
}

export interface BureauRecord {
  id: string;
  code: string;
  name: string;
}

export async function cityBureau(app: Queryable): Promise<BureauRecord> {
  const [city] = await app.query<BureauRecord>(
    `SELECT id, code, name FROM bureaus WHERE code = 'CITY'`,
  );
  return city;
}

/** A bureau under `parentId` (the city bureau when omitted), written directly. */
export async function createBureau(
  app: Queryable,
  overrides: {
    code?: string;
    name?: string;
    kind?: 'SUB_BUREAU' | 'COUNTY';
    divisionCode?: string;
    parentId?: string;
  } = {},
): Promise<BureauRecord> {
  const parentId = overrides.parentId ?? (await cityBureau(app)).id;
  const code = overrides.code ?? unique('B');
  const [bureau] = await app.query<BureauRecord>(
    `INSERT INTO bureaus (code, name, kind, division_code, parent_id) VALUES ($1, $2, $3, $4, $5) RETURNING id, code, name`,
    [
      code,
      overrides.name ?? `${code}分局`,
      overrides.kind ?? 'SUB_BUREAU',
      overrides.divisionCode ?? '640104',
      parentId,
    ],
  );
  return bureau;
}

export interface OfficerRecord {
  id: string;
  certificateNumber: string;
  bureauId: string;
  token: string;
}

/** An active officer of `bureauId` with the given roles, logged in. */
export async function createOfficer(
  app: TestApp,
  bureauId: string,
  roles: ('INSPECTOR' | 'SUPERVISOR' | 'MANAGER' | 'ADMIN')[],
  overrides: { name?: string; certificateNumber?: string } = {},
): Promise<OfficerRecord> {
  passwordHash ??= hashPassword(OFFICER_PASSWORD);
  const certificateNumber = overrides.certificateNumber ?? unique('C');
  const [officer] = await app.query<{ id: string }>(
    `INSERT INTO officers (name, certificate_number, bureau_id, roles, password_hash) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [overrides.name ?? '测试执法员', certificateNumber, bureauId, roles, await passwordHash],
  );
  const token = await app.login(certificateNumber, OFFICER_PASSWORD);
  return { id: officer.id, certificateNumber, bureauId, token };
}
