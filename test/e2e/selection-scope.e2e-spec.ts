import { randomUUID } from 'node:crypto';
import { createSweep } from '../factories/field-work';
import { FieldWorld, refusal, startFieldWorld } from '../helpers/field-world';
import { DRAW, draw, drawingBureau, input, Plan, PLAN, PLANS } from '../helpers/selection-world';
import { TestApp } from '../helpers/test-app';

describe('random dual selection (双随机、一公开)', () => {
  let app: TestApp;
  let world: FieldWorld;
  beforeAll(async () => ({ app, world } = await startFieldWorld()));
  afterAll(() => app.close());

  describe('roles, scope and refusals', () => {
    it('refuses an inspector with FORBIDDEN', async () => {
      const result = await app.gql(
        DRAW,
        { input: input(world, world.bureauA.id) },
        { token: world.inspectorA.token },
      );
      expect(refusal(result).code).toBe('FORBIDDEN');
    });

    it('answers NOT_FOUND to a supervisor drawing for a bureau outside their jurisdiction', async () => {
      const result = await app.gql(
        DRAW,
        { input: input(world, world.bureauB.id) },
        { token: world.supervisorA.token },
      );
      expect(refusal(result).code).toBe('NOT_FOUND');
      const unknown = await app.gql(
        DRAW,
        { input: input(world, randomUUID()) },
        { token: world.manager.token },
      );
      expect(refusal(unknown).code).toBe('NOT_FOUND');
    });

    it('refuses a bureau with fewer than two officers on input.bureauId', async () => {
      const result = await app.gql(
        DRAW,
        { input: input(world, world.bureauA1.id) },
        { token: world.supervisorA.token },
      );
      expect(refusal(result)).toEqual({ code: 'BAD_USER_INPUT', paths: ['input.bureauId'] });
    });

    it('refuses a category the sweep does not cover on input.categoryCode', async () => {
      const sweep = await createSweep(app, {
        leadBureauId: world.city.id,
        categoryCodes: ['CAMPUS_FOOD'],
      });
      for (const categoryCode of ['PHARMACIST_CERTIFICATES', 'NO_SUCH_CATEGORY']) {
        const result = await app.gql(
          DRAW,
          { input: { ...input(world, world.bureauA.id, { categoryCode }), sweepId: sweep.id } },
          { token: world.manager.token },
        );
        expect(refusal(result)).toEqual({ code: 'BAD_USER_INPUT', paths: ['input.categoryCode'] });
      }
    });

    it('refuses a ratio above 1, a count above 500, a blank reason and a malformed sweep id, naming the fields', async () => {
      const result = await app.gql(
        DRAW,
        {
          input: input(world, world.bureauA.id, {
            sampling: [
              { riskClass: 'A', ratio: '1.5' },
              { riskClass: 'B', count: 501 },
            ],
            redrawReason: '   ',
            sweepId: 'nope',
          }),
        },
        { token: world.manager.token },
      );
      expect(refusal(result).code).toBe('BAD_USER_INPUT');
      expect(refusal(result).paths.sort()).toEqual([
        'input.redrawReason',
        'input.sampling[0].ratio',
        'input.sampling[1].count',
        'input.sweepId',
      ]);
    });

    it('refuses a class given twice, and an entry with both or neither of ratio and count', async () => {
      const result = await app.gql(
        DRAW,
        {
          input: input(world, world.bureauA.id, {
            sampling: [{ riskClass: 'A', ratio: '0.1', count: 2 }, { riskClass: 'A' }],
          }),
        },
        { token: world.manager.token, headers: { 'accept-language': 'en' } },
      );
      expect(refusal(result)).toEqual({
        code: 'BAD_USER_INPUT',
        paths: ['input.sampling[0]', 'input.sampling[1]', 'input.sampling[1].riskClass'],
      });
      expect(result.errors?.[0].extensions?.fields).toContainEqual({
        path: 'input.sampling[1].riskClass',
        message: 'each risk class may be given once',
      });
    });

    it('refuses a sampling that draws more than 500 premises on input.sampling, writing nothing', async () => {
      const { bureau } = await drawingBureau(app, 2, []);
      await app.query(
        `INSERT INTO premises (name, kind, bureau_id, address, risk_level)
         SELECT '药店' || n, 'PHARMACY', $1, '地址' || n, 'C' FROM generate_series(1, 501) n`,
        [bureau.id],
      );
      const result = await app.gql(
        DRAW,
        { input: input(world, bureau.id) },
        { token: world.manager.token, headers: { 'accept-language': 'en' } },
      );
      expect(refusal(result)).toEqual({ code: 'BAD_USER_INPUT', paths: ['input.sampling'] });
      expect(result.errors![0].extensions!.fields).toEqual([
        {
          path: 'input.sampling',
          message:
            'this sampling draws 501 premises, more than the 500 one plan may hold: lower a ratio or a count',
        },
      ]);
      expect(
        await app.query(`SELECT id FROM inspection_plans WHERE bureau_id = $1`, [bureau.id]),
      ).toEqual([]);
    });

    it('refuses a sampling that draws nothing on input.sampling', async () => {
      const result = await app.gql(
        DRAW,
        {
          input: input(world, world.bureauA.id, {
            sampling: ['A', 'B', 'C', 'D', 'UNGRADED'].map((riskClass) => ({
              riskClass,
              count: 0,
            })),
          }),
        },
        { token: world.manager.token },
      );
      expect(refusal(result)).toEqual({ code: 'BAD_USER_INPUT', paths: ['input.sampling'] });
    });

    it('refuses a closed sweep with INVALID_STATE and writes nothing', async () => {
      const sweep = await createSweep(app, { leadBureauId: world.city.id, status: 'CLOSED' });
      const [before] = await app.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM inspection_plans`,
      );
      const result = await app.gql(
        DRAW,
        { input: { ...input(world, world.bureauA.id), sweepId: sweep.id } },
        { token: world.manager.token },
      );
      expect(result.errors?.[0].extensions).toMatchObject({
        code: 'INVALID_STATE',
        from: 'CLOSED',
        action: 'DRAW_PLAN',
      });
      expect(result.errors?.[0].message).toBe(
        '当前状态（已结束）下不能抽取检查计划：只能为草拟或进行中的专项整治行动抽取',
      );
      const [after] = await app.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM inspection_plans`,
      );
      expect(after.n).toBe(before.n);
    });

    it('shows plans only within the reader’s jurisdiction', async () => {
      const plan = await draw(app, world, input(world, world.bureauA.id));
      const outside = await app.gql(PLAN, { id: plan.id }, { token: world.inspectorB.token });
      expect(refusal(outside).code).toBe('NOT_FOUND');
      expect(outside.data?.inspectionPlan ?? null).toBeNull();
      const inside = await app.gql(PLAN, { id: plan.id }, { token: world.inspectorA.token });
      expect(inside.data!.inspectionPlan.id).toBe(plan.id);

      const listB = await app.gql(
        PLANS,
        { sweepId: world.sweep.id },
        { token: world.inspectorB.token },
      );
      expect((listB.data!.inspectionPlans as Plan[]).map((row) => row.id)).not.toContain(plan.id);
      const listA = await app.gql(
        PLANS,
        { sweepId: world.sweep.id },
        { token: world.inspectorA.token },
      );
      expect((listA.data!.inspectionPlans as Plan[]).map((row) => row.id)).toContain(plan.id);

      const trail = await app.gql(
        `query($id: ID!) { auditTrail(entityType: "InspectionPlan", entityId: $id) { action } }`,
        { id: plan.id },
        { token: world.supervisorA.token },
      );
      expect(trail.data!.auditTrail).toEqual([{ action: 'DRAW' }]);
      const trailB = await app.gql(
        `query($id: ID!) { auditTrail(entityType: "InspectionPlan", entityId: $id) { action } }`,
        { id: plan.id },
        { token: world.supervisorB.token },
      );
      expect(refusal(trailB).code).toBe('NOT_FOUND');
    });
  });
});
