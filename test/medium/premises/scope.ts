import { randomUUID } from 'node:crypto';
import type { CurrentOfficer } from '../../../src/auth/current-officer';
import { subtreeOf } from '../../../src/bureaus/bureau-tree';
import { Scope } from '../../../src/common/scope';
import type { Queryable } from '../../factories/people';

/** The scope of an inspector of `bureauId`: the bureau and its descendants, as at log-in. */
export async function inspectorScope(db: Queryable, bureauId: string): Promise<Scope> {
  const rows = await db.query<{ id: string }>(
    `SELECT id FROM bureaus WHERE id IN ${subtreeOf('$1')}`,
    [bureauId],
  );
  const officer: CurrentOfficer = {
    id: randomUUID(),
    name: '测试执法员',
    bureauId,
    roles: ['INSPECTOR'],
    jurisdiction: rows.map((row) => row.id),
    seesEverything: false,
  };
  return Scope.of(officer);
}

/** A premises written directly, in `bureauId`. */
export async function insertPremises(
  db: Queryable,
  bureauId: string,
  fields: {
    name?: string;
    address?: string;
    kind?: string;
    creditCode?: string | null;
    pharmacistRegistrations?: string[];
  } = {},
): Promise<{ id: string; name: string }> {
  const name = fields.name ?? `测试食品店${randomUUID().slice(0, 8)}`;
  const [row] = await db.query<{ id: string }>(
    `INSERT INTO premises (name, kind, bureau_id, address, credit_code, pharmacist_registrations)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [
      name,
      fields.kind ?? 'FOOD_RETAILER',
      bureauId,
      fields.address ?? `兴庆区解放街${randomUUID().slice(0, 8)}`,
      fields.creditCode ?? null,
      fields.pharmacistRegistrations ?? [],
    ],
  );
  return { id: row.id, name };
}
