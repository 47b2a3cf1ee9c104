import { randomUUID } from 'node:crypto';
import { createPremises, createSweep } from '../factories/field-work';
import { FieldWorld, startFieldWorld } from '../helpers/field-world';
import { draw, drawingBureau, input, Plan, PLAN, PLANS } from '../helpers/selection-world';
import { TestApp } from '../helpers/test-app';
import { countStatements } from '../helpers/statements';

describe('random dual selection (双随机、一公开)', () => {
  let app: TestApp;
  let world: FieldWorld;
  beforeAll(async () => ({ app, world } = await startFieldWorld()));
  afterAll(() => app.close());

  describe('following a plan', () => {
    it('marks a visit done once an inspection of it is logged after the draw', async () => {
      const tokens = new Map(
        [world.inspectorA, world.inspectorA2, world.supervisorA].map((officer) => [
          officer.id,
          officer.token,
        ]),
      );
      const pharmacy = await createPremises(app, { bureauId: world.bureauA1.id, kind: 'PHARMACY' });
      const plan = await draw(
        app,
        world,
        input(world, world.bureauA.id, { sampling: [{ riskClass: 'B', count: 1 }] }),
        world.supervisorA.token,
      );
      const [visit] = plan.visits;
      expect([world.pharmacyA.id, pharmacy.id]).toContain(visit.premises.id);

      const before = await app.gql(PLAN, { id: plan.id }, { token: world.inspectorA.token });
      expect(before.data!.inspectionPlan.visits[0]).toMatchObject({
        done: false,
        inspection: null,
      });

      const officerIds = visit.officers.map((officer) => officer.id);
      const logged = await app.gql(
        'LogInspection',
        {
          input: {
            idempotencyKey: randomUUID(),
            sweepId: world.sweep.id,
            categoryId: world.sweep.categoryIds.get('PHARMACIST_CERTIFICATES'),
            premisesId: visit.premises.id,
            officerIds,
            inspectedAt: '2019-03-26T02:00:00Z',
            outcome: 'COMPLIANT',
            checklist: [{ itemCode: 'PC-01', result: 'PASS' }],
            findings: [],
          },
        },
        { token: tokens.get(officerIds[0]) },
      );
      expect(logged.errors).toBeUndefined();
      const inspectionId = logged.data!.logInspection.inspection.id as string;

      const after = await app.gql(PLAN, { id: plan.id }, { token: world.inspectorA.token });
      expect(after.errors).toBeUndefined();
      expect(after.data!.inspectionPlan).toMatchObject({
        seed: plan.seed,
        algorithm: plan.algorithm,
        bureau: { id: world.bureauA.id },
        sweep: { id: world.sweep.id },
        drawnBy: { id: world.supervisorA.id },
      });
      expect(after.data!.inspectionPlan.visits[0]).toMatchObject({
        done: true,
        inspection: { id: inspectionId },
        suggestedResult: 'NO_PROBLEM_FOUND',
        result: null,
      });

      // An inspection recorded under a bureau outside the reader's jurisdiction (the premises
      // changed hands) is NOT_FOUND through the visit too: the field is null with the error.
      await app.query(`UPDATE inspections SET bureau_id = $2 WHERE id = $1`, [
        inspectionId,
        world.bureauB.id,
      ]);
      const hidden = await app.gql(PLAN, { id: plan.id }, { token: world.inspectorA.token });
      expect(hidden.data!.inspectionPlan.visits[0]).toMatchObject({ done: true, inspection: null });
      expect(hidden.errors).toEqual([
        expect.objectContaining({
          path: ['inspectionPlan', 'visits', 0, 'inspection'],
          extensions: expect.objectContaining({ code: 'NOT_FOUND', entity: 'Inspection' }),
        }),
      ]);
      const city = await app.gql(PLAN, { id: plan.id }, { token: world.manager.token });
      expect(city.errors).toBeUndefined();
      expect(city.data!.inspectionPlan.visits[0].inspection).toEqual({ id: inspectionId });
    });

    it('lists a sweep’s plans with the same number of SQL statements for one plan as for many', async () => {
      const sweep = await createSweep(app, { leadBureauId: world.city.id });
      const { bureau } = await drawingBureau(
        app,
        3,
        Array.from({ length: 6 }, () => ({ riskLevel: 'B' })),
      );
      const statements = async () => {
        const { result, count } = await countStatements(app, () =>
          app.gql(PLANS, { sweepId: sweep.id }, { token: world.manager.token }),
        );
        expect(result.errors).toBeUndefined();
        return { count, plans: result.data!.inspectionPlans as Plan[] };
      };
      await draw(app, world, {
        ...input(world, bureau.id, { sampling: [{ riskClass: 'B', count: 2 }] }),
        sweepId: sweep.id,
      });
      const one = await statements();
      expect(one.plans).toHaveLength(1);
      for (let index = 0; index < 4; index++)
        await draw(app, world, {
          ...input(world, bureau.id, { redrawReason: `第${index + 1}次重新抽取` }),
          sweepId: sweep.id,
        });
      const five = await statements();
      expect(five.plans).toHaveLength(5);
      expect(five.plans[0].visits).toHaveLength(6);
      expect(five.count).toBe(one.count);
    });
  });
});
