import { randomBytes } from 'node:crypto';
import type { CurrentOfficer } from '../../../src/auth/current-officer';
import type { Role } from '../../../src/officers/officer.entity';
import type { TestApp } from '../../helpers/test-app';
import type { MediumDatabase } from '../medium';

/**
 * What the medium tests of sweeps, selection and follow-ups share: officers written with SQL (the
 * people factory logs them in, which needs HTTP), the caller an officer would be, and the medium
 * database where the field-work factories want a TestApp (they only run `query`).
 */
export function asApp(db: MediumDatabase): TestApp {
  return db as unknown as TestApp;
}

export async function insertOfficer(
  db: MediumDatabase,
  bureauId: string,
  roles: Role[] = ['INSPECTOR'],
): Promise<string> {
  const [row] = await db.query<{ id: string }>(
    `INSERT INTO officers (name, certificate_number, bureau_id, roles, password_hash)
     VALUES ('测试执法员', $1, $2, $3, 'not-a-hash') RETURNING id`,
    [`C${randomBytes(4).toString('hex').toUpperCase()}`, bureauId, roles],
  );
  return row.id;
}

/** The caller an officer of `bureauId` would be, with the jurisdiction `jurisdiction`. */
export function officerOf(
  id: string,
  bureauId: string,
  jurisdiction: string[],
  roles: Role[] = ['INSPECTOR'],
): CurrentOfficer {
  return {
    id,
    name: '测试执法员',
    bureauId,
    roles,
    jurisdiction,
    seesEverything: roles.includes('MANAGER') || roles.includes('ADMIN'),
  };
}
