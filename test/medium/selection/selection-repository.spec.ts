import { Scope } from '../../../src/common/scope';
import { Loaders } from '../../../src/graphql/loaders';
import { DRAW_ALGORITHM } from '../../../src/selection/draw';
import type { InspectionPlan } from '../../../src/selection/inspection-plan.entity';
import { SelectionRepository, type DrawScope } from '../../../src/selection/selection.repository';
import { createInspection, createPremises, createSweep } from '../../factories/field-work';
import { cityBureau, createBureau, type BureauRecord } from '../../factories/people';
import { mediumDatabase, type MediumDatabase } from '../medium';
import { asApp, insertOfficer, officerOf } from '../sweeps/field';

describe('SelectionRepository', () => {
  let db: MediumDatabase;
  const plans = new SelectionRepository();
  let bureauA: BureauRecord;
  let bureauA1: BureauRecord;
  let bureauB: BureauRecord;
  let scopeA: Scope;
  let scopeA1: Scope;
  let scopeB: Scope;
  let sweepId: string;
  let categoryId: string;
  let officerIds: string[];
  const premisesOf = new Map<string, string>();
  let plan: InspectionPlan;
  let inspectionId: string;

  beforeAll(async () => {
    db = await mediumDatabase();
    const city = await cityBureau(db);
    bureauA = await createBureau(db, { kind: 'COUNTY' });
    bureauA1 = await createBureau(db, { parentId: bureauA.id });
    bureauB = await createBureau(db);
    officerIds = [await insertOfficer(db, bureauA.id), await insertOfficer(db, bureauA.id)];
    const b = await insertOfficer(db, bureauB.id);
    scopeA = Scope.of(officerOf(officerIds[0], bureauA.id, [bureauA.id, bureauA1.id]));
    scopeA1 = Scope.of(officerOf(officerIds[1], bureauA1.id, [bureauA1.id]));
    scopeB = Scope.of(officerOf(b, bureauB.id, [bureauB.id]));
    const sweep = await createSweep(asApp(db), {
      leadBureauId: city.id,
      categoryCodes: ['PHARMACIST_CERTIFICATES'],
    });
    sweepId = sweep.id;
    categoryId = sweep.categoryIds.get('PHARMACIST_CERTIFICATES')!;
    for (const bureau of [bureauA, bureauA1, bureauB])
      premisesOf.set(
        bureau.id,
        (await createPremises(asApp(db), { bureauId: bureau.id, kind: 'PHARMACY' })).id,
      );
    await createPremises(asApp(db), { bureauId: bureauA.id, kind: 'FOOD_RETAILER' });
    plan = await plans.insertPlan(
      db.manager,
      {
        sweepId,
        bureauId: bureauA.id,
        categoryId,
        premisesCount: 1,
        seed: 'medium',
        drawnById: officerIds[0],
        inputsFingerprint: 'f'.repeat(64),
        algorithm: DRAW_ALGORITHM,
      },
      [{ position: 1, premisesId: premisesOf.get(bureauA.id)!, officerIds }],
    );
    inspectionId = (
      await createInspection(asApp(db), {
        sweepId,
        categoryId,
        premisesId: premisesOf.get(bureauA.id)!,
        officerIds,
        inspectedAt: new Date(),
      })
    ).id;
  });
  afterAll(() => db.close());

  const drawOf = (bureauId: string): DrawScope => ({
    sweepId,
    bureauId,
    categoryId,
    premisesKinds: ['PHARMACY'],
  });

  it('draws from the bureau’s subtree, of the category’s kinds, and never outside the scope', async () => {
    const ids = async (scope: Scope, bureauId: string) =>
      (await plans.candidates(db.manager, scope, drawOf(bureauId))).map((row) => row.id).sort();
    expect(await ids(scopeA, bureauA.id)).toEqual(
      [premisesOf.get(bureauA.id)!, premisesOf.get(bureauA1.id)!].sort(),
    );
    expect(await ids(scopeA1, bureauA.id)).toEqual([premisesOf.get(bureauA1.id)!]);
    expect(await ids(Scope.system(), bureauA1.id)).toEqual([premisesOf.get(bureauA1.id)!]);
    expect(await ids(scopeB, bureauA.id)).toEqual([]);
    const inspected = await plans.candidates(db.manager, scopeA, drawOf(bureauA.id));
    expect(inspected.find((row) => row.id === premisesOf.get(bureauA.id))?.inspected).toBe(true);
    expect(inspected.find((row) => row.id === premisesOf.get(bureauA1.id))?.inspected).toBe(false);
  });

  it('knows who inspected which premises lately, within the scope', async () => {
    const recent = await plans.recentInspectors(db.manager, scopeA, drawOf(bureauA.id), officerIds);
    expect(recent.get(premisesOf.get(bureauA.id)!)).toEqual(new Set(officerIds));
    expect(
      (await plans.recentInspectors(db.manager, scopeB, drawOf(bureauA.id), officerIds)).size,
    ).toBe(0);
  });

  it('reads a plan, the plans of a sweep and their visits only within the scope', async () => {
    expect(await plans.planById(db.manager, scopeA, plan.id)).toMatchObject({ id: plan.id });
    expect(await plans.planById(db.manager, Scope.system(), plan.id)).toMatchObject({
      id: plan.id,
    });
    expect(await plans.planById(db.manager, scopeB, plan.id)).toBeNull();
    expect(await plans.planById(db.manager, scopeA1, plan.id)).toBeNull();
    expect(await plans.existsInScope(db.manager, scopeA, plan.id)).toBe(true);
    expect(await plans.existsInScope(db.manager, scopeB, plan.id)).toBe(false);
    expect(await plans.existsInScope(db.manager, Scope.system(), plan.id)).toBe(true);
    expect((await plans.plansOfSweep(db.manager, scopeA, sweepId)).map((row) => row.id)).toEqual([
      plan.id,
    ]);
    expect(await plans.plansOfSweep(db.manager, scopeB, sweepId)).toEqual([]);

    const visitsA = await plans.visitsLoader(new Loaders(db.database), scopeA).load(plan.id);
    expect(visitsA).toEqual([
      expect.objectContaining({
        position: 1,
        premisesId: premisesOf.get(bureauA.id),
        done: true,
        inspectionId,
      }),
    ]);
    expect(await plans.visitsLoader(new Loaders(db.database), scopeB).load(plan.id)).toEqual([]);
  });
});
