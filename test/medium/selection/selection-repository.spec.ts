import { randomUUID } from 'node:crypto';
import { Scope } from '../../../src/common/scope';
import { shanghaiDay } from '../../../src/common/time/shanghai';
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
        id: randomUUID(),
        sweepId,
        bureauId: bureauA.id,
        categoryId,
        premisesCount: 1,
        seed: 'medium',
        drawnById: officerIds[0],
        inputsFingerprint: 'f'.repeat(64),
        algorithm: DRAW_ALGORITHM,
        supersedesId: null,
        redrawReason: null,
        frozenInputs: null,
        classFigures: null,
        loadCap: null,
      },
      [
        {
          position: 1,
          premisesId: premisesOf.get(bureauA.id)!,
          riskClass: 'B',
          officerIds,
          unassignedReason: null,
        },
      ],
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
    categoryCode: 'PHARMACIST_CERTIFICATES',
    premisesKinds: ['PHARMACY'],
    drawDay: shanghaiDay(new Date()),
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

  it('knows who inspected which premises in the rotation window, within the scope', async () => {
    const history = await plans.rotationHistory(db.manager, scopeA, drawOf(bureauA.id), officerIds);
    expect(history.map((row) => [row.premisesId, row.officerId])).toEqual(
      [...officerIds].sort().map((officerId) => [premisesOf.get(bureauA.id), officerId]),
    );
    expect(await plans.rotationHistory(db.manager, scopeB, drawOf(bureauA.id), officerIds)).toEqual(
      [],
    );
  });

  it('reads the declarations in force on the draw day and a declaration only within its officer’s scope', async () => {
    const premisesId = premisesOf.get(bureauA1.id)!;
    const declaration = await plans.insertDeclaration(db.manager, {
      officerId: officerIds[0],
      premisesId,
      reason: 'KINSHIP',
      reasonText: null,
      inForceFrom: '2019-01-01',
      declaredById: officerIds[0],
    });
    const inForce = (day: string) =>
      plans.declarationsInForce(
        db.manager,
        scopeA,
        { ...drawOf(bureauA.id), drawDay: day },
        officerIds,
      );
    expect(await inForce('2019-03-25')).toEqual([{ officerId: officerIds[0], premisesId }]);
    expect(await inForce('2018-12-31')).toEqual([]);
    await plans.withdrawDeclaration(db.manager, declaration.id, '2019-03-25', officerIds[1]);
    expect(await inForce('2019-03-24')).toHaveLength(1);
    expect(await inForce('2019-03-25')).toEqual([]);
    expect(await plans.declarationById(db.manager, scopeA, declaration.id)).not.toBeNull();
    expect(await plans.declarationById(db.manager, scopeB, declaration.id)).toBeNull();
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
