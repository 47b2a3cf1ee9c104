import { createInspection, createPremises } from '../factories/field-work';
import { createBureau } from '../factories/people';
import { proposedOp } from '../helpers/contract';
import { FieldWorld, refusal, startFieldWorld } from '../helpers/field-world';
import { DRAW, draw, drawingBureau, input, Plan } from '../helpers/selection-world';
import { TestApp } from '../helpers/test-app';

describe('random dual selection (双随机、一公开): drawing', () => {
  let app: TestApp;
  let world: FieldWorld;
  beforeAll(async () => ({ app, world } = await startFieldWorld()));
  afterAll(() => app.close());

  const categoryId = () => world.sweep.categoryIds.get('PHARMACIST_CERTIFICATES')!;

  describe('drawInspectionPlan', () => {
    it('draws the pharmacies of the jurisdiction, each with two of the bureau’s officers, from frozen inputs and a server seed', async () => {
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

      const plan = await draw(app, world, input(world, bureau.id));

      expect(plan.status).toBe('BINDING');
      expect(plan.visits.map((visit) => visit.position)).toEqual([1, 2, 3, 4, 5, 6]);
      expect(new Set(plan.visits.map((visit) => visit.premises.id))).toEqual(
        new Set([...premises, childPharmacy].map((row) => row.id)),
      );
      const teamIds = new Set(team.map((officer) => officer.id));
      // With no conflicts and no rotation every visit gets two officers of the team, whatever
      // the seed: the load cap never leaves a drawn premises unvisited.
      for (const visit of plan.visits) {
        expect(visit).toMatchObject({ unassigned: false, unassignedReason: null, done: false });
        expect(visit.riskClass).toBe(visit.premises.riskLevel ?? 'UNGRADED');
        expect(new Set(visit.officers.map((officer) => officer.id)).size).toBe(2);
        for (const officer of visit.officers) expect(teamIds.has(officer.id)).toBe(true);
      }
      expect(plan.seed).toMatch(/^[0-9a-f]{64}$/);
      expect(plan.algorithm).toMatch(/^dual-random-v3/);
      expect(plan.inputsFingerprint).toMatch(/^[0-9a-f]{64}$/);
      expect(plan.loadCap).toBe(Math.ceil((2 * 6) / 3) + 1);

      const [stored] = await app.query<{
        frozen_inputs: {
          candidates: { id: string }[];
          officers: { id: string; name: string; certificateNumber: string }[];
        };
      }>(`SELECT frozen_inputs FROM inspection_plans WHERE id = $1`, [plan.id]);
      expect(stored.frozen_inputs.candidates.map((row) => row.id)).toEqual(
        [...premises, childPharmacy].map((row) => row.id).sort(),
      );
      expect(Object.keys(stored.frozen_inputs.officers[0]).sort()).toEqual([
        'certificateNumber',
        'id',
        'name',
      ]);
      const audit = await app.query<{ action: string; actor_id: string }>(
        `SELECT action, actor_id FROM audit_events WHERE entity_type = 'InspectionPlan' AND entity_id = $1`,
        [plan.id],
      );
      expect(audit).toEqual([{ action: 'DRAW', actor_id: world.manager.id }]);
      await expect(
        app.query(`UPDATE inspection_plans SET seed = 'rigged' WHERE id = $1`, [plan.id]),
      ).rejects.toThrow(/never changed after the draw/);
      await expect(
        app.query(
          `UPDATE inspection_plans SET status = 'SUPERSEDED', superseded_by_id = id, seed = 'x' WHERE id = $1`,
          [plan.id],
        ),
      ).rejects.toThrow(/never changed after the draw/);
      await expect(
        app.query(`UPDATE inspection_plan_visits SET officer_ids = '{}' WHERE plan_id = $1`, [
          plan.id,
        ]),
      ).rejects.toThrow(/never changed after the draw/);
    });

    it('draws round-half-up(ratio × class size) or the count of each risk class and shows the figures', async () => {
      const { bureau } = await drawingBureau(app, 4, [
        ...Array.from({ length: 10 }, () => ({ riskLevel: 'A' })),
        ...Array.from({ length: 4 }, () => ({ riskLevel: 'D' })),
        ...Array.from({ length: 3 }, () => ({ riskLevel: null })),
      ]);
      const plan = await draw(
        app,
        world,
        input(world, bureau.id, {
          sampling: [
            { riskClass: 'A', ratio: '0.25' },
            { riskClass: 'D', count: 2 },
            { riskClass: 'UNGRADED', ratio: '0' },
          ],
        }),
      );
      expect(plan.classFigures).toEqual([
        { riskClass: 'A', candidates: 10, ratio: '0.2500', count: null, drawn: 3 },
        { riskClass: 'B', candidates: 0, ratio: '0.1000', count: null, drawn: 0 },
        { riskClass: 'C', candidates: 0, ratio: '0.2000', count: null, drawn: 0 },
        { riskClass: 'D', candidates: 4, ratio: null, count: 2, drawn: 2 },
        { riskClass: 'UNGRADED', candidates: 3, ratio: '0.0000', count: null, drawn: 0 },
      ]);
      expect(plan.premisesCount).toBe(5);
      const classes = plan.visits.map((visit) => visit.premises.riskLevel ?? 'UNGRADED');
      expect(classes.sort()).toEqual(['A', 'A', 'A', 'D', 'D']);
    });

    it('draws premises not yet inspected in the sweep before inspected ones of the same class', async () => {
      const { bureau, team, premises } = await drawingBureau(
        app,
        3,
        Array.from({ length: 4 }, () => ({ riskLevel: 'C' })),
      );
      for (const inspected of premises.slice(0, 2))
        await createInspection(app, {
          sweepId: world.sweep.id,
          categoryId: categoryId(),
          premisesId: inspected.id,
          officerIds: [team[0].id, team[1].id],
          inspectedAt: new Date('2019-03-20T02:00:00Z'),
        });
      // a voided inspection does not count as inspected
      await createInspection(app, {
        sweepId: world.sweep.id,
        categoryId: categoryId(),
        premisesId: premises[2].id,
        officerIds: [team[0].id, team[1].id],
        voided: true,
      });
      const plan = await draw(
        app,
        world,
        input(world, bureau.id, { sampling: [{ riskClass: 'C', ratio: '0.5' }] }),
      );
      expect(plan.visits.map((visit) => visit.premises.id).sort()).toEqual(
        [premises[2].id, premises[3].id].sort(),
      );
    });

    it('never sends an officer to a premises they inspected in the 12 months before the draw (轮换)', async () => {
      const { bureau, team, premises } = await drawingBureau(
        app,
        4,
        Array.from({ length: 6 }, () => ({ riskLevel: 'C' })),
      );
      const recently = new Date(Date.now() - 30 * 24 * 3600 * 1000);
      const [first, second, third] = team;
      await createInspection(app, {
        sweepId: world.sweep.id,
        categoryId: categoryId(),
        premisesId: premises[0].id,
        officerIds: [first.id, second.id],
        inspectedAt: recently,
      });
      await createInspection(app, {
        sweepId: world.sweep.id,
        categoryId: categoryId(),
        premisesId: premises[1].id,
        officerIds: [first.id, second.id, third.id],
        inspectedAt: recently,
      });
      // thirteen months ago: outside the rotation window
      await createInspection(app, {
        sweepId: world.sweep.id,
        categoryId: categoryId(),
        premisesId: premises[2].id,
        officerIds: [first.id, second.id, third.id],
        inspectedAt: new Date(Date.now() - 400 * 24 * 3600 * 1000),
      });
      const plan = await draw(app, world, input(world, bureau.id));
      const visitOf = (id: string) => plan.visits.find((visit) => visit.premises.id === id)!;

      // Only the two who did not inspect it may go, past the load cap if need be.
      const onFirst = visitOf(premises[0].id);
      expect(onFirst.officers.map((officer) => officer.id).sort()).toEqual(
        [team[2].id, team[3].id].sort(),
      );
      const onSecond = visitOf(premises[1].id);
      expect(onSecond).toMatchObject({
        unassigned: true,
        unassignedReason: 'ROTATION',
        officers: [],
      });
      // thirteen months back is outside the window: never unassigned for ROTATION
      expect(visitOf(premises[2].id).unassignedReason).not.toBe('ROTATION');

      const [history] = await app.query<{ history: { premisesId: string; officerId: string }[] }>(
        `SELECT frozen_inputs->'history' AS history FROM inspection_plans WHERE id = $1`,
        [plan.id],
      );
      expect(history.history).toHaveLength(5);
      expect(history.history.map((row) => row.premisesId)).not.toContain(premises[2].id);
      const conflicts = await app.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM inspection_plan_visits v
          JOIN inspections i ON i.premises_id = v.premises_id AND NOT i.voided
           AND i.inspected_at > now() - interval '12 months'
         WHERE v.plan_id = $1 AND v.officer_ids && i.officer_ids`,
        [plan.id],
      );
      expect(conflicts[0].n).toBe(0);
    });

    it('sends no officer to more visits than the load cap', async () => {
      const { bureau } = await drawingBureau(
        app,
        3,
        Array.from({ length: 9 }, (_, index) => ({ riskLevel: 'ABCD'[index % 4] })),
      );
      const plan = await draw(app, world, input(world, bureau.id));
      const load = new Map<string, number>();
      for (const visit of plan.visits)
        for (const officer of visit.officers) load.set(officer.id, (load.get(officer.id) ?? 0) + 1);
      expect(plan.loadCap).toBe(Math.ceil(18 / 3) + 1);
      for (const count of load.values()) expect(count).toBeLessThanOrEqual(plan.loadCap!);
      expect(plan.visits.filter((visit) => visit.unassigned)).toEqual([]);
      expect([...load.values()].reduce((sum, count) => sum + count, 0)).toBe(2 * 9);
    });
  });

  describe('one binding plan per sweep, bureau and category', () => {
    it('refuses a second draw with CONFLICT, naming the binding plan, and writes nothing', async () => {
      const { bureau } = await drawingBureau(app, 2, [{ riskLevel: 'B' }, { riskLevel: 'C' }]);
      const plan = await draw(app, world, input(world, bureau.id));
      const again = await app.gql(
        DRAW,
        { input: input(world, bureau.id) },
        { token: world.manager.token, headers: { 'accept-language': 'en' } },
      );
      expect(again.errors?.[0].extensions).toMatchObject({
        code: 'CONFLICT',
        bindingPlanId: plan.id,
      });
      expect(again.errors?.[0].message).toMatch(/needs a reason/);
      const rows = await app.query(`SELECT id FROM inspection_plans WHERE bureau_id = $1`, [
        bureau.id,
      ]);
      expect(rows).toHaveLength(1);
    });

    it('refuses a redraw reason when nothing is binding yet', async () => {
      const { bureau } = await drawingBureau(app, 2, [{ riskLevel: 'B' }]);
      const result = await app.gql(
        DRAW,
        { input: input(world, bureau.id, { redrawReason: '重新抽取' }) },
        { token: world.manager.token },
      );
      expect(refusal(result)).toEqual({ code: 'BAD_USER_INPUT', paths: ['input.redrawReason'] });
    });

    it('redraws with a reason: the new plan binds, the earlier is kept SUPERSEDED and linked both ways, in the audit trail', async () => {
      const { bureau } = await drawingBureau(
        app,
        3,
        Array.from({ length: 4 }, () => ({ riskLevel: 'B' })),
      );
      const first = await draw(app, world, input(world, bureau.id), world.manager.token);
      const reason = '抽取时名录库漏录两户药店，经局务会同意重新抽取';
      const second = await draw(app, world, input(world, bureau.id, { redrawReason: reason }));
      expect(second).toMatchObject({
        status: 'BINDING',
        redrawReason: reason,
        supersedes: { id: first.id, status: 'SUPERSEDED' },
        supersededBy: null,
      });
      expect(second.seed).not.toBe(first.seed);

      const reread = await app.gql(
        `query($id: ID!) { inspectionPlan(id: $id) { status supersededBy { id status } } }`,
        { id: first.id },
        { token: world.manager.token },
      );
      expect(reread.data!.inspectionPlan).toEqual({
        status: 'SUPERSEDED',
        supersededBy: { id: second.id, status: 'BINDING' },
      });
      const ofSweep = await app.gql(
        proposedOp('InspectionPlansOfSweep'),
        { sweepId: world.sweep.id },
        { token: world.manager.token },
      );
      expect(ofSweep.errors).toBeUndefined();
      const listed = (
        ofSweep.data!.inspectionPlans as {
          id: string;
          status: string;
          redrawReason: string | null;
          supersededBy: { id: string } | null;
        }[]
      ).filter((row) => row.id === first.id || row.id === second.id);
      expect(listed).toEqual([
        expect.objectContaining({ id: second.id, status: 'BINDING', redrawReason: reason }),
        expect.objectContaining({
          id: first.id,
          status: 'SUPERSEDED',
          supersededBy: { id: second.id },
        }),
      ]);
      const rows = await app.query<{ id: string; status: string; redraw_reason: string | null }>(
        `SELECT id, status, redraw_reason FROM inspection_plans WHERE bureau_id = $1 ORDER BY drawn_at`,
        [bureau.id],
      );
      expect(rows).toEqual([
        { id: first.id, status: 'SUPERSEDED', redraw_reason: null },
        { id: second.id, status: 'BINDING', redraw_reason: reason },
      ]);
      const audit = await app.query<{ entity_id: string; action: string }>(
        `SELECT entity_id, action FROM audit_events WHERE entity_type = 'InspectionPlan'
          AND entity_id = ANY($1) ORDER BY id`,
        [[first.id, second.id]],
      );
      expect(audit).toEqual([
        { entity_id: first.id, action: 'DRAW' },
        { entity_id: second.id, action: 'DRAW' },
        { entity_id: first.id, action: 'SUPERSEDE_PLAN' },
      ]);
      // the partial unique index: the database itself holds one binding plan per target
      await expect(
        app.query(
          `INSERT INTO inspection_plans (sweep_id, bureau_id, category_id, premises_count, seed,
             drawn_by_id, inputs_fingerprint, algorithm)
           SELECT sweep_id, bureau_id, category_id, 1, 's', drawn_by_id, inputs_fingerprint, algorithm
             FROM inspection_plans WHERE id = $1`,
          [second.id],
        ),
      ).rejects.toThrow(/inspection_plans_one_binding_idx/);
      // and a superseded plan never binds again
      await expect(
        app.query(`UPDATE inspection_plans SET status = 'BINDING' WHERE id = $1`, [first.id]),
      ).rejects.toThrow(/never changed after the draw/);
    });

    it('replays the same key and input without drawing again; the same key with another input is CONFLICT', async () => {
      const { bureau } = await drawingBureau(app, 2, [{ riskLevel: 'B' }, { riskLevel: 'A' }]);
      const variables = input(world, bureau.id);
      const first = await app.gql(DRAW, { input: variables }, { token: world.manager.token });
      const again = await app.gql(DRAW, { input: variables }, { token: world.manager.token });
      expect(first.data!.drawInspectionPlan.replayed).toBe(false);
      expect(again.data!.drawInspectionPlan).toMatchObject({
        replayed: true,
        plan: { id: first.data!.drawInspectionPlan.plan.id },
      });
      const rows = await app.query(`SELECT id FROM inspection_plans WHERE bureau_id = $1`, [
        bureau.id,
      ]);
      expect(rows).toHaveLength(1);
      const other = await app.gql(
        DRAW,
        { input: { ...variables, sampling: [{ riskClass: 'A', count: 1 }] } },
        { token: world.manager.token },
      );
      expect(refusal(other).code).toBe('CONFLICT');
    });

    it('gives each draw a fresh seed: the drawer cannot choose it', async () => {
      const { bureau } = await drawingBureau(
        app,
        2,
        Array.from({ length: 3 }, () => ({ riskLevel: 'B' })),
      );
      const seeds = new Set<string>();
      let previous: Plan | null = null;
      for (let index = 0; index < 3; index++) {
        const plan: Plan = await draw(
          app,
          world,
          input(world, bureau.id, previous ? { redrawReason: `第${index}次重新抽取` } : {}),
        );
        seeds.add(plan.seed);
        previous = plan;
      }
      expect(seeds.size).toBe(3);
      const withSeed = await app.gql(
        DRAW,
        { input: { ...input(world, bureau.id), seed: 'lucky' } },
        { token: world.manager.token },
      );
      // the input has no seed field: a seed sent is refused as an unknown field, named
      expect(refusal(withSeed)).toEqual({ code: 'BAD_USER_INPUT', paths: ['input.seed'] });
      expect(withSeed.errors![0].extensions!.fields).toEqual([
        { path: 'input.seed', message: '不是DrawInspectionPlanInput的字段' },
      ]);
      // a required field left out is named too, in the caller's language
      const withoutCategory: Record<string, unknown> = { ...input(world, bureau.id) };
      delete withoutCategory.categoryCode;
      const missing = await app.gql(
        DRAW,
        { input: withoutCategory },
        { token: world.manager.token, headers: { 'accept-language': 'en' } },
      );
      expect(missing.errors![0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [{ path: 'input.categoryCode', message: 'is required' }],
      });
    });
  });
});
