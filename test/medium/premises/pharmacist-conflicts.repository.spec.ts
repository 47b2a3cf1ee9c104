import { Scope } from '../../../src/common/scope';
import { PharmacistConflictsRepository } from '../../../src/premises/pharmacist-conflicts.repository';
import { createBureau, type BureauRecord } from '../../factories/people';
import { mediumDatabase, type MediumDatabase } from '../medium';
import { inspectorScope, insertPremises } from './scope';

describe('PharmacistConflictsRepository', () => {
  let db: MediumDatabase;
  const conflicts = new PharmacistConflictsRepository();
  let a: BureauRecord;
  let b: BureauRecord;
  let aScope: Scope;
  let bScope: Scope;
  let inA: { id: string };
  let inB: { id: string };
  let alsoInB: { id: string };

  beforeAll(async () => {
    db = await mediumDatabase();
    a = await createBureau(db);
    b = await createBureau(db);
    aScope = await inspectorScope(db, a.id);
    bScope = await inspectorScope(db, b.id);
    const pharmacy = (bureauId: string, numbers: string[]) =>
      insertPremises(db, bureauId, { kind: 'PHARMACY', pharmacistRegistrations: numbers });
    // R1 at a pharmacy of a and one of b; R2 at two pharmacies of b; R3 at one pharmacy only;
    // R4 at a food shop and a pharmacy, which is no conflict (pharmacies only).
    inA = await pharmacy(a.id, ['R1', 'R3']);
    inB = await pharmacy(b.id, ['R1', 'R2']);
    alsoInB = await pharmacy(b.id, ['R2', 'R4']);
    await insertPremises(db, a.id, { pharmacistRegistrations: ['R4'] });
  });
  afterAll(() => db.close());

  it('pages the conflicts seen from a scope, naming only the pharmacies inside it', async () => {
    const fromA = await conflicts.page(db.manager, aScope, null, 10);
    expect(fromA).toEqual([{ number: 'R1', pharmacy_count: 2, visible_ids: [inA.id], total: 1 }]);
    const fromB = await conflicts.page(db.manager, bScope, null, 10);
    expect(fromB.map((row) => [row.number, row.visible_ids?.length, row.total])).toEqual([
      ['R1', 1, 2],
      ['R2', 2, 2],
    ]);
    const city = await conflicts.page(db.manager, Scope.system(), 'R1', 10);
    expect(city).toEqual([
      {
        number: 'R2',
        pharmacy_count: 2,
        visible_ids: [inB.id, alsoInB.id].sort(),
        total: 2,
      },
    ]);
  });

  it('counts the conflicts of a scope, and of a set of bureaus for the progress figures', async () => {
    expect(await conflicts.count(db.manager, aScope)).toBe(1);
    expect(await conflicts.count(db.manager, bScope)).toBe(2);
    expect(await conflicts.count(db.manager, Scope.system())).toBe(2);
    expect(await conflicts.countInBureaus(db.manager, null)).toBe(2);
    expect(await conflicts.countInBureaus(db.manager, [a.id])).toBe(1);
    expect(await conflicts.countInBureaus(db.manager, [])).toBe(0);
  });

  it("gives a pharmacy's conflicts with the pharmacies of the scope only", async () => {
    const rows = await conflicts.forPremises(db.manager, aScope, [inA.id, inB.id]);
    expect(rows).toEqual(
      expect.arrayContaining([
        { premises_id: inA.id, number: 'R1', pharmacy_count: 2, visible_ids: [inA.id] },
        { premises_id: inB.id, number: 'R1', pharmacy_count: 2, visible_ids: [inA.id] },
        { premises_id: inB.id, number: 'R2', pharmacy_count: 2, visible_ids: null },
      ]),
    );
    expect(rows).toHaveLength(3);
  });
});
