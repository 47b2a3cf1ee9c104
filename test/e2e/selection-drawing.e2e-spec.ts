import { DrawCandidate, drawPlan } from '../../src/selection/draw';
import { createInspection, createPremises } from '../factories/field-work';
import { createBureau } from '../factories/people';
import { FieldWorld, startFieldWorld } from '../helpers/field-world';
import { draw, drawingBureau, input, pairKey } from '../helpers/selection-world';
import { TestApp } from '../helpers/test-app';

describe('random dual selection (双随机、一公开)', () => {
  let app: TestApp;
  let world: FieldWorld;
  beforeAll(async () => ({ app, world } = await startFieldWorld()));
  afterAll(() => app.close());

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

      const plan = await draw(app, world, input(world, bureau.id, { premisesCount: 4 }));

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
      const plan = await draw(app, world, input(world, bureau.id, { premisesCount: 50 }));
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
      const plan = await draw(app, world, input(world, bureau.id, { premisesCount: 4 }));
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
      const plan = await draw(app, world, input(world, bureau.id, { premisesCount: 8 }));
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
      const plan = await draw(app, world, input(world, bureau.id, { premisesCount: 10 }));
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
      const plan = await draw(
        app,
        world,
        input(world, bureau.id, { premisesCount: 6, seed: '第2019075期 双色球' }),
      );

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

      const again = await draw(
        app,
        world,
        input(world, bureau.id, { premisesCount: 6, seed: '第2019075期 双色球' }),
      );
      expect(again.id).not.toBe(plan.id);
      expect(again.inputsFingerprint).toBe(plan.inputsFingerprint);
      expect(again.visits).toEqual(plan.visits);

      const otherSeed = await draw(
        app,
        world,
        input(world, bureau.id, { premisesCount: 6, seed: '第2019076期 双色球' }),
      );
      expect(otherSeed.visits).not.toEqual(plan.visits);
    });
  });
});
