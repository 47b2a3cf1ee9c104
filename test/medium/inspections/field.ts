import { randomBytes } from 'node:crypto';
import type { CurrentOfficer } from '../../../src/auth/current-officer';
import { Scope } from '../../../src/common/scope';
import { createPremises, createSweep, type SweepRecord } from '../../factories/field-work';
import { cityBureau, createBureau, type BureauRecord } from '../../factories/people';
import type { TestApp } from '../../helpers/test-app';
import type { MediumDatabase } from '../medium';

/**
 * The field work of the medium tests of inspections and findings: bureau A with a child A1 and a
 * sibling B, a premises in each, two officers of A and of B, and the active 2019 sweep.
 */
export interface MediumField {
  city: BureauRecord;
  bureauA: BureauRecord;
  bureauA1: BureauRecord;
  bureauB: BureauRecord;
  shopA: string;
  shopA1: string;
  shopB: string;
  officersA: [string, string];
  officersB: [string, string];
  sweep: SweepRecord;
  categoryId: string;
}

/** The factories of test/factories write with `query` only, which a medium database has too. */
export function asApp(db: MediumDatabase): TestApp {
  return db as unknown as TestApp;
}

async function officer(db: MediumDatabase, bureauId: string): Promise<string> {
  const [row] = await db.query<{ id: string }>(
    `INSERT INTO officers (name, certificate_number, bureau_id, roles, password_hash)
     VALUES ('测试执法员', $1, $2, '{INSPECTOR}', 'not-a-hash') RETURNING id`,
    [`M${randomBytes(4).toString('hex')}`, bureauId],
  );
  return row.id;
}

export async function mediumField(db: MediumDatabase): Promise<MediumField> {
  const app = asApp(db);
  const city = await cityBureau(db);
  const bureauA = await createBureau(db, { name: '兴庆区分局' });
  const bureauA1 = await createBureau(db, { name: '解放街所', parentId: bureauA.id });
  const bureauB = await createBureau(db, { name: '金凤区分局' });
  const sweep = await createSweep(app, { leadBureauId: city.id });
  return {
    city,
    bureauA,
    bureauA1,
    bureauB,
    shopA: (await createPremises(app, { bureauId: bureauA.id })).id,
    shopA1: (await createPremises(app, { bureauId: bureauA1.id })).id,
    shopB: (await createPremises(app, { bureauId: bureauB.id })).id,
    officersA: [await officer(db, bureauA.id), await officer(db, bureauA.id)],
    officersB: [await officer(db, bureauB.id), await officer(db, bureauB.id)],
    sweep,
    categoryId: sweep.categoryIds.get('SEASONED_FLOUR_PRODUCTS')!,
  };
}

/** An inspector of `bureauId` whose jurisdiction is `jurisdiction`. */
export function inspectorOf(
  id: string,
  bureauId: string,
  jurisdiction: string[],
  roles: CurrentOfficer['roles'] = ['INSPECTOR'],
): CurrentOfficer {
  return { id, name: '测试执法员', bureauId, roles, jurisdiction, seesEverything: false };
}

/** The scope of an inspector of bureau A (A and its child A1). */
export function scopeOfA(field: MediumField): Scope {
  return Scope.of(
    inspectorOf(field.officersA[0], field.bureauA.id, [field.bureauA.id, field.bureauA1.id]),
  );
}

/** The scope of an inspector of bureau B. */
export function scopeOfB(field: MediumField): Scope {
  return Scope.of(inspectorOf(field.officersB[0], field.bureauB.id, [field.bureauB.id]));
}
