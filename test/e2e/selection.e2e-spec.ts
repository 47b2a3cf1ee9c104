import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { DrawCandidate, drawPlan } from '../../src/selection/draw';
import { createInspection, createPremises, createSweep } from '../factories/field-work';
import { createBureau, createOfficer, OfficerRecord } from '../factories/people';
import { createFieldWorld, FieldWorld, refusal } from '../helpers/field-world';
import { startTestApp, TestApp } from '../helpers/test-app';

const DRAW = `mutation Draw($input: DrawInspectionPlanInput!) {
  drawInspectionPlan(input: $input) {
    id seed algorithm inputsFingerprint drawnAt premisesCount
    category { code }
    visits { position unassigned done premises { id riskLevel } officers { id } }
  }
}`;

const PLAN = `query Plan($id: ID!) {
  inspectionPlan(id: $id) {
    id seed algorithm drawnAt
    bureau { id }
    sweep { id }
    drawnBy { id }
    visits { position done unassigned premises { id } officers { id } inspection { id } }
  }
}`;

const PLANS = `query Plans($sweepId: ID!) {
  inspectionPlans(sweepId: $sweepId) {
    id
    visits { position done premises { id name } officers { id name } inspection { id } }
  }
}`;

interface Visit {
  position: number;
  unassigned: boolean;
  done: boolean;
  premises: { id: string; riskLevel?: string | null };
  officers: { id: string }[];
}

interface Plan {
  id: string;
  seed: string;
  algorithm: string;
  inputsFingerprint: string;
  visits: Visit[];
}

/** A bureau of its own with `officers` active inspectors and `pharmacies` pharmacies. */
async function drawingBureau(
  app: TestApp,
  officers: number,
  pharmacies: { riskLevel: string | null }[],
) {
  const bureau = await createBureau(app);
  const team: OfficerRecord[] = [];
  for (let index = 0; index < officers; index++)
    team.push(await createOfficer(app, bureau.id, ['INSPECTOR']));
  const premises: { id: string }[] = [];
  for (const { riskLevel } of pharmacies)
    premises.push(await createPremises(app, { bureauId: bureau.id, kind: 'PHARMACY', riskLevel }));
  return { bureau, team, premises };
}

function pairKey(visit: Visit): string {
  return visit.officers
    .map((officer) => officer.id)
    .sort()
    .join();
}

describe('random dual selection (双随机、一公开)', () => {
  let app: TestApp;
  let world: FieldWorld;

  beforeAll(async () => {
    app = await startTestApp();
    world = await createFieldWorld(app);
  });
  afterAll(() => app.close());

  function input(bureauId: string, overrides: Record<string, unknown> = {}) {
    return {
      sweepId: world.sweep.id,
      bureauId,
      categoryCode: 'PHARMACIST_CERTIFICATES',
      premisesCount: 3,
      seed: '2019-03-25 福彩3D 527',
      ...overrides,
    };
  }

  async function draw(variables: Record<string, unknown>, token = world.manager.token) {
    const result = await app.gql<{ drawInspectionPlan: Plan }>(
      DRAW,
      { input: variables },
      { token },
    );
    if (!result.data?.drawInspectionPlan) throw new Error(JSON.stringify(result.errors));
    return result.data.drawInspectionPlan;
  }

  describe('drawInspectionPlan', () => {
    it('draws the asked number of pharmacies of the jurisdiction, each with two of the bureau’s officers', async () => {
      const { bureau, team, premises } = await drawingBureau(app, 3, [
        { riskLevel: 'A' },
        { riskLevel: 'B' },
        { riskLevel: 'C' },
        { riskLevel: 'D' },
        { riskLevel: null },
      ]);
      const child = await createBureau(app, { parentId: bureau.id });
      const childPharmacy = await createPremises(app, { bureauId: child.id, kind: 'PHARMACY' });
      await createPremises(app, { bureauId: bureau.id, kind: 'FOOD_RETAILER' });
      await createPremises(app, { bureauId: world.bureauB.id, kind: 'PHARMACY' });

      const plan = await draw(input(bureau.id, { premisesCount: 4 }));

      expect(plan.visits.map((visit) => visit.position)).toEqual([1, 2, 3, 4]);
      const allowed = new Set([...premises, childPharmacy].map((row) => row.id));
      const teamIds = new Set(team.map((officer) => officer.id));
      for (const visit of plan.visits) {
        expect(allowed.has(visit.premises.id)).toBe(true);
        expect(visit.unassigned).toBe(false);
        expect(visit.done).toBe(false);
        expect(new Set(visit.officers.map((officer) => officer.id)).size).toBe(2);
        for (const officer of visit.officers) expect(teamIds.has(officer.id)).toBe(true);
      }
      expect(new Set(plan.visits.map((visit) => visit.premises.id)).size).toBe(4);
      expect(plan.seed).toBe('2019-03-25 福彩3D 527');
      expect(plan.algorithm).toMatch(/^dual-random-v1/);
      expect(plan.inputsFingerprint).toMatch(/^[0-9a-f]{64}$/);

      const stored = await app.query<{ position: number }>(
        `SELECT position FROM inspection_plan_visits WHERE plan_id = $1 ORDER BY position`,
        [plan.id],
      );
      expect(stored).toHaveLength(4);
      const audit = await app.query<{ action: string; actor_id: string }>(
        `SELECT action, actor_id FROM audit_events WHERE entity_type = 'InspectionPlan' AND entity_id = $1`,
        [plan.id],
      );
      expect(audit).toEqual([{ action: 'DRAW', actor_id: world.manager.id }]);
      await expect(
        app.query(`UPDATE inspection_plans SET seed = 'rigged' WHERE id = $1`, [plan.id]),
      ).rejects.toThrow(/never changed after the draw/);
      await expect(
        app.query(`UPDATE inspection_plan_visits SET officer_ids = '{}' WHERE plan_id = $1`, [
          plan.id,
        ]),
      ).rejects.toThrow(/never changed after the draw/);
    });

    it('returns fewer visits than asked when the jurisdiction has fewer premises', async () => {
      const { bureau } = await drawingBureau(app, 2, [{ riskLevel: 'A' }, { riskLevel: 'D' }]);
      const plan = await draw(input(bureau.id, { premisesCount: 50 }));
      expect(plan.visits).toHaveLength(2);
      const [row] = await app.query<{ premises_count: number }>(
        `SELECT premises_count FROM inspection_plans WHERE id = $1`,
        [plan.id],
      );
      expect(row.premises_count).toBe(50);
    });

    it('draws premises not yet inspected in the sweep before inspected ones, even of lower risk', async () => {
      const { bureau, premises } = await drawingBureau(app, 3, [
        { riskLevel: 'D' },
        { riskLevel: 'D' },
        { riskLevel: 'D' },
        { riskLevel: 'A' },
        { riskLevel: 'A' },
      ]);
      const category = world.sweep.categoryIds.get('PHARMACIST_CERTIFICATES')!;
      for (const inspected of premises.slice(0, 3)) {
        await createInspection(app, {
          sweepId: world.sweep.id,
          categoryId: category,
          premisesId: inspected.id,
          officerIds: [world.inspectorB.id, world.supervisorB.id],
        });
      }
      // a voided inspection does not count as inspected
      await createInspection(app, {
        sweepId: world.sweep.id,
        categoryId: category,
        premisesId: premises[3].id,
        officerIds: [world.inspectorB.id, world.supervisorB.id],
        voided: true,
      });
      const plan = await draw(input(bureau.id, { premisesCount: 4 }));
      const drawn = plan.visits.map((visit) => visit.premises.id);
      expect(drawn.slice(0, 2).sort()).toEqual([premises[3].id, premises[4].id].sort());
      expect(premises.slice(0, 3).map((row) => row.id)).toContain(drawn[2]);
    });

    it('never sends an officer to a premises they inspected in the 12 months before the draw', async () => {
      const { bureau, team, premises } = await drawingBureau(
        app,
        4,
        Array.from({ length: 8 }, () => ({ riskLevel: 'C' })),
      );
      const category = world.sweep.categoryIds.get('PHARMACIST_CERTIFICATES')!;
      const recently = new Date(Date.now() - 30 * 24 * 3600 * 1000);
      const [first, second, third] = team;
      await createInspection(app, {
        sweepId: world.sweep.id,
        categoryId: category,
        premisesId: premises[0].id,
        officerIds: [first.id, second.id],
        inspectedAt: recently,
      });
      await createInspection(app, {
        sweepId: world.sweep.id,
        categoryId: category,
        premisesId: premises[1].id,
        officerIds: [first.id, second.id, third.id],
        inspectedAt: recently,
      });
      // thirteen months ago: outside the rotation window, no longer a conflict
      await createInspection(app, {
        sweepId: world.sweep.id,
        categoryId: category,
        premisesId: premises[2].id,
        officerIds: [first.id, second.id, third.id],
        inspectedAt: new Date(Date.now() - 400 * 24 * 3600 * 1000),
      });
      const plan = await draw(input(bureau.id, { premisesCount: 8 }));
      expect(plan.visits).toHaveLength(8);
      const visitOf = (id: string) => plan.visits.find((visit) => visit.premises.id === id)!;

      const onFirst = visitOf(premises[0].id);
      if (!onFirst.unassigned) {
        expect(pairKey(onFirst)).toBe([team[2].id, team[3].id].sort().join());
      }
      const onSecond = visitOf(premises[1].id);
      expect(onSecond.unassigned).toBe(true);
      expect(onSecond.officers).toEqual([]);
      const onThird = visitOf(premises[2].id);
      expect(onThird.unassigned).toBe(false);

      const conflicts = await app.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM inspection_plan_visits v
          JOIN inspections i ON i.premises_id = v.premises_id AND NOT i.voided
           AND i.inspected_at > now() - interval '12 months'
         WHERE v.plan_id = $1 AND v.officer_ids && i.officer_ids`,
        [plan.id],
      );
      expect(conflicts[0].n).toBe(0);
    });

    it('never gives two consecutive visits the same pair of officers', async () => {
      const { bureau } = await drawingBureau(
        app,
        3,
        Array.from({ length: 10 }, (_, index) => ({ riskLevel: 'ABCD'[index % 4] })),
      );
      const plan = await draw(input(bureau.id, { premisesCount: 10 }));
      expect(plan.visits).toHaveLength(10);
      for (let index = 1; index < plan.visits.length; index++) {
        expect(plan.visits[index].unassigned).toBe(false);
        expect(pairKey(plan.visits[index])).not.toBe(pairKey(plan.visits[index - 1]));
      }
    });
  });

  describe('replaying a published draw (一公开)', () => {
    it('gives the same visits from the stored seed and inputs, by the pure draw and by drawing again', async () => {
      const { bureau } = await drawingBureau(
        app,
        4,
        Array.from({ length: 12 }, (_, index) => ({
          riskLevel: [null, 'A', 'B', 'C', 'D'][index % 5],
        })),
      );
      const plan = await draw(input(bureau.id, { premisesCount: 6, seed: '第2019075期 双色球' }));

      const [stored] = await app.query<{
        sweep_id: string;
        bureau_id: string;
        code: string;
        premises_count: number;
        seed: string;
        kinds: string[];
        category_id: string;
      }>(
        `SELECT p.sweep_id, p.bureau_id, c.code, p.premises_count, p.seed, c.premises_kinds AS kinds,
                c.id AS category_id
           FROM inspection_plans p JOIN target_categories c ON c.id = p.category_id WHERE p.id = $1`,
        [plan.id],
      );
      const candidates = await app.query<{
        id: string;
        risk_level: string | null;
        inspected: boolean;
      }>(
        `WITH RECURSIVE subtree AS (
           SELECT id FROM bureaus WHERE id = $1
           UNION ALL SELECT b.id FROM bureaus b JOIN subtree s ON b.parent_id = s.id)
         SELECT p.id, p.risk_level, EXISTS (SELECT 1 FROM inspections i WHERE i.premises_id = p.id
                  AND i.sweep_id = $3 AND i.category_id = $4 AND NOT i.voided) AS inspected
           FROM premises p WHERE p.bureau_id IN (SELECT id FROM subtree) AND p.kind = ANY($2)
          ORDER BY p.id`,
        [stored.bureau_id, stored.kinds, stored.sweep_id, stored.category_id],
      );
      const officers = await app.query<{ id: string }>(
        `SELECT id FROM officers WHERE bureau_id = $1 AND active
            AND roles && ARRAY['INSPECTOR','SUPERVISOR']::varchar[] ORDER BY id`,
        [stored.bureau_id],
      );
      const replayed = drawPlan(
        {
          sweepId: stored.sweep_id,
          bureauId: stored.bureau_id,
          categoryCode: stored.code,
          premisesCount: stored.premises_count,
          seed: stored.seed,
        },
        {
          candidates: candidates.map((row): DrawCandidate => ({
            id: row.id,
            riskLevel: row.risk_level as DrawCandidate['riskLevel'],
            inspected: row.inspected,
          })),
          officerIds: officers.map((row) => row.id),
          recentOfficers: new Map(),
        },
      );
      const visits = await app.query<{
        position: number;
        premises_id: string;
        officer_ids: string[];
      }>(
        `SELECT position, premises_id, officer_ids FROM inspection_plan_visits WHERE plan_id = $1 ORDER BY position`,
        [plan.id],
      );
      expect(
        replayed.map((visit) => ({
          position: visit.position,
          premises_id: visit.premisesId,
          officer_ids: visit.officerIds,
        })),
      ).toEqual(visits);

      const again = await draw(input(bureau.id, { premisesCount: 6, seed: '第2019075期 双色球' }));
      expect(again.id).not.toBe(plan.id);
      expect(again.inputsFingerprint).toBe(plan.inputsFingerprint);
      expect(again.visits).toEqual(plan.visits);

      const otherSeed = await draw(
        input(bureau.id, { premisesCount: 6, seed: '第2019076期 双色球' }),
      );
      expect(otherSeed.visits).not.toEqual(plan.visits);
    });
  });

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
        input(world.bureauA.id, { premisesCount: 1 }),
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
        const spy = jest.spyOn(Client.prototype, 'query');
        try {
          const result = await app.gql(
            PLANS,
            { sweepId: sweep.id },
            { token: world.manager.token },
          );
          expect(result.errors).toBeUndefined();
          return { count: spy.mock.calls.length, plans: result.data!.inspectionPlans as Plan[] };
        } finally {
          spy.mockRestore();
        }
      };
      await draw({ ...input(bureau.id, { premisesCount: 2 }), sweepId: sweep.id });
      const one = await statements();
      expect(one.plans).toHaveLength(1);
      for (let index = 0; index < 4; index++)
        await draw({
          ...input(bureau.id, { premisesCount: 6, seed: `s${index}` }),
          sweepId: sweep.id,
        });
      const five = await statements();
      expect(five.plans).toHaveLength(5);
      expect(five.plans[0].visits).toHaveLength(6);
      expect(five.count).toBe(one.count);
    });
  });

  describe('roles, scope and refusals', () => {
    it('refuses an inspector with FORBIDDEN', async () => {
      const result = await app.gql(
        DRAW,
        { input: input(world.bureauA.id) },
        { token: world.inspectorA.token },
      );
      expect(refusal(result).code).toBe('FORBIDDEN');
    });

    it('answers NOT_FOUND to a supervisor drawing for a bureau outside their jurisdiction', async () => {
      const result = await app.gql(
        DRAW,
        { input: input(world.bureauB.id) },
        { token: world.supervisorA.token },
      );
      expect(refusal(result).code).toBe('NOT_FOUND');
      const unknown = await app.gql(
        DRAW,
        { input: input(randomUUID()) },
        { token: world.manager.token },
      );
      expect(refusal(unknown).code).toBe('NOT_FOUND');
    });

    it('refuses a bureau with fewer than two officers on input.bureauId', async () => {
      const result = await app.gql(
        DRAW,
        { input: input(world.bureauA1.id) },
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
          { input: { ...input(world.bureauA.id, { categoryCode }), sweepId: sweep.id } },
          { token: world.manager.token },
        );
        expect(refusal(result)).toEqual({ code: 'BAD_USER_INPUT', paths: ['input.categoryCode'] });
      }
    });

    it('refuses a count outside 1..500, an empty seed and a malformed sweep id, naming the fields', async () => {
      const result = await app.gql(
        DRAW,
        { input: input(world.bureauA.id, { premisesCount: 501, seed: '', sweepId: 'nope' }) },
        { token: world.manager.token },
      );
      expect(refusal(result).code).toBe('BAD_USER_INPUT');
      expect(refusal(result).paths.sort()).toEqual([
        'input.premisesCount',
        'input.seed',
        'input.sweepId',
      ]);
    });

    it('refuses a closed sweep with INVALID_STATE and writes nothing', async () => {
      const sweep = await createSweep(app, { leadBureauId: world.city.id, status: 'CLOSED' });
      const [before] = await app.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM inspection_plans`,
      );
      const result = await app.gql(
        DRAW,
        { input: { ...input(world.bureauA.id), sweepId: sweep.id } },
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
      const plan = await draw(input(world.bureauA.id, { premisesCount: 1, seed: 'scope' }));
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
