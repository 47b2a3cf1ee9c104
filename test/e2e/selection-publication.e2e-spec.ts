import { randomUUID } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { shanghaiDay } from '../../src/common/time/shanghai';
import { addWorkingDays } from '../../src/common/time/working-days';
import type { PlanExport } from '../../src/selection/plan-export';
import { replay } from '../../src/selection/replay-cli';
import { createInspection, createPremises } from '../factories/field-work';
import { proposedOp } from '../helpers/contract';
import { FieldWorld, refusal, startFieldWorld } from '../helpers/field-world';
import { draw, drawingBureau, input, Plan } from '../helpers/selection-world';
import { TestApp } from '../helpers/test-app';

const RECORD = proposedOp('RecordInspectionPlanResult');
const PUBLISH = proposedOp('PublishInspectionPlanResults');
const FOR_PUBLICATION = proposedOp('InspectionPlansForPublication');
const PLAN = proposedOp('InspectionPlan');

describe('random dual selection (双随机、一公开): results, publication (公示) and the public export', () => {
  let app: TestApp;
  let world: FieldWorld;
  beforeAll(async () => ({ app, world } = await startFieldWorld()));
  afterAll(() => app.close());

  const today = () => shanghaiDay(new Date());

  async function record(
    plan: Plan,
    position: number,
    overrides: Record<string, unknown> = {},
    token = world.manager.token,
  ) {
    return app.gql(
      RECORD,
      {
        input: {
          idempotencyKey: randomUUID(),
          planId: plan.id,
          position,
          result: 'NO_PROBLEM_FOUND',
          formedOn: today(),
          ...overrides,
        },
      },
      { token },
    );
  }

  async function publish(plan: Plan, token = world.manager.token, publishedOn = today()) {
    return app.gql(
      PUBLISH,
      { input: { idempotencyKey: randomUUID(), planId: plan.id, publishedOn } },
      { token },
    );
  }

  /** A drawn, fully recorded and published plan of a bureau of its own. */
  async function publishedPlan() {
    const drawn = await drawingBureau(app, 4, [
      { riskLevel: 'A' },
      { riskLevel: 'B' },
      { riskLevel: 'C' },
      { riskLevel: 'D' },
      { riskLevel: null },
    ]);
    const plan = await draw(app, world, input(world, drawn.bureau.id));
    for (const visit of plan.visits)
      expect((await record(plan, visit.position)).errors).toBeUndefined();
    expect((await publish(plan)).errors).toBeUndefined();
    return { ...drawn, plan };
  }

  describe('recordInspectionPlanResult', () => {
    it('records a result per visit with the day formed; publication falls due 20 working days after the last, on the holiday table', async () => {
      const { bureau, team } = await drawingBureau(app, 2, [
        { riskLevel: 'B' },
        { riskLevel: 'B' },
      ]);
      const plan = await draw(app, world, input(world, bureau.id));
      const [first, second] = plan.visits;
      const inspection = await createInspection(app, {
        sweepId: world.sweep.id,
        categoryId: world.sweep.categoryIds.get('PHARMACIST_CERTIFICATES')!,
        premisesId: first.premises.id,
        officerIds: first.officers.map((officer) => officer.id),
        outcome: 'ISSUES_FOUND',
        inspectedAt: new Date(),
      });
      // a holiday inside the window moves the due day
      const holiday = addWorkingDays(today(), 3, new Map());
      await app.query(
        `INSERT INTO calendar_exceptions (day, working_day, name) VALUES ($1, false, '测试假日')
         ON CONFLICT (day) DO UPDATE SET working_day = false`,
        [holiday],
      );

      const recorded = await record(
        plan,
        first.position,
        {
          result: 'PROBLEM_CORRECTED_ON_ORDER',
          inspectionId: inspection.id,
          note: '现场责令改正',
        },
        team[0].token,
      );
      expect(recorded.errors).toBeUndefined();
      const partial = recorded.data!.recordInspectionPlanResult.plan;
      expect(partial.publication).toBeNull();
      expect(partial.visits[0].result).toEqual({
        result: 'PROBLEM_CORRECTED_ON_ORDER',
        formedOn: today(),
      });

      const last = await record(plan, second.position, {
        result: 'UNREACHABLE_AT_REGISTERED_ADDRESS',
      });
      expect(last.errors).toBeUndefined();
      const exceptions = new Map(
        (
          await app.query<{ day: string; working_day: boolean }>(
            `SELECT to_char(day, 'YYYY-MM-DD') AS day, working_day FROM calendar_exceptions`,
          )
        ).map((row) => [row.day, row.working_day]),
      );
      expect(last.data!.recordInspectionPlanResult.plan.publication).toEqual({
        lastResultOn: today(),
        dueOn: addWorkingDays(today(), 20, exceptions),
        publishedOn: null,
        overdue: false,
      });
      expect(addWorkingDays(today(), 20, exceptions)).not.toBe(
        addWorkingDays(today(), 20, new Map()),
      );

      const read = await app.gql(PLAN, { id: plan.id }, { token: world.manager.token });
      const visit = read.data!.inspectionPlan.visits.find(
        (row: { position: number }) => row.position === first.position,
      );
      expect(visit).toMatchObject({
        suggestedResult: 'PROBLEM_PENDING_FOLLOW_UP',
        result: { result: 'PROBLEM_CORRECTED_ON_ORDER', note: '现场责令改正' },
      });
      const rows = await app.query<{ result: string; inspection_id: string | null }>(
        `SELECT result, inspection_id FROM inspection_plan_results WHERE plan_id = $1 ORDER BY position`,
        [plan.id],
      );
      expect(rows).toEqual([
        { result: 'PROBLEM_CORRECTED_ON_ORDER', inspection_id: inspection.id },
        { result: 'UNREACHABLE_AT_REGISTERED_ADDRESS', inspection_id: null },
      ]);
      const audit = await app.query<{ action: string }>(
        `SELECT action FROM audit_events WHERE entity_type = 'InspectionPlan' AND entity_id = $1 ORDER BY id`,
        [plan.id],
      );
      expect(audit.map((row) => row.action)).toEqual([
        'DRAW',
        'RECORD_PLAN_RESULT',
        'RECORD_PLAN_RESULT',
      ]);
    });

    it('refuses an unknown position, a day before the draw or in the future, and an inspection of another premises', async () => {
      const { bureau } = await drawingBureau(app, 2, [{ riskLevel: 'B' }]);
      const plan = await draw(app, world, input(world, bureau.id));
      expect(refusal(await record(plan, 9))).toEqual({
        code: 'BAD_USER_INPUT',
        paths: ['input.position'],
      });
      const early = await app.gql(
        RECORD,
        {
          input: {
            idempotencyKey: randomUUID(),
            planId: plan.id,
            position: 1,
            result: 'NO_PROBLEM_FOUND',
            formedOn: '2019-01-02',
          },
        },
        { token: world.manager.token, headers: { 'accept-language': 'en' } },
      );
      expect(refusal(early)).toEqual({ code: 'BAD_USER_INPUT', paths: ['input.formedOn'] });
      expect(early.errors![0].extensions!.fields).toEqual([
        { path: 'input.formedOn', message: `must not be before the draw day (${today()})` },
      ]);
      expect(refusal(await record(plan, 1, { formedOn: '2999-01-01' }))).toEqual({
        code: 'BAD_USER_INPUT',
        paths: ['input.formedOn'],
      });
      const elsewhere = await createInspection(app, {
        sweepId: world.sweep.id,
        categoryId: world.sweep.categoryIds.get('PHARMACIST_CERTIFICATES')!,
        premisesId: world.pharmacyA.id,
        officerIds: [world.inspectorA.id, world.inspectorA2.id],
      });
      expect(refusal(await record(plan, 1, { inspectionId: elsewhere.id }))).toEqual({
        code: 'BAD_USER_INPUT',
        paths: ['input.inspectionId'],
      });
      expect(
        await app.query(`SELECT 1 FROM inspection_plan_results WHERE plan_id = $1`, [plan.id]),
      ).toEqual([]);
    });

    it('is NOT_FOUND outside the jurisdiction, INVALID_STATE on a superseded plan, replayed by key', async () => {
      await createPremises(app, { bureauId: world.bureauB.id, kind: 'PHARMACY' });
      const plan = await draw(app, world, input(world, world.bureauB.id));
      expect(refusal(await record(plan, 1, {}, world.inspectorA.token)).code).toBe('NOT_FOUND');
      const variables = {
        idempotencyKey: randomUUID(),
        planId: plan.id,
        position: 1,
        result: 'REFUSED_INSPECTION',
        formedOn: today(),
      };
      const first = await app.gql(RECORD, { input: variables }, { token: world.inspectorB.token });
      expect(first.errors).toBeUndefined();
      const again = await app.gql(RECORD, { input: variables }, { token: world.inspectorB.token });
      expect(again.data!.recordInspectionPlanResult.replayed).toBe(true);
      // a plan with results cannot be redrawn
      const redraw = await app.gql(
        proposedOp('DrawInspectionPlan'),
        { input: input(world, world.bureauB.id, { redrawReason: '想换一批' }) },
        { token: world.manager.token },
      );
      expect(redraw.errors?.[0].extensions).toMatchObject({
        code: 'INVALID_STATE',
        from: 'BINDING',
        action: 'REDRAW',
      });

      const { bureau } = await drawingBureau(app, 2, [{ riskLevel: 'B' }]);
      const superseded = await draw(app, world, input(world, bureau.id));
      await draw(app, world, input(world, bureau.id, { redrawReason: '名录库有误' }));
      const onOld = await record(superseded, 1);
      expect(onOld.errors?.[0].extensions).toMatchObject({
        code: 'INVALID_STATE',
        from: 'SUPERSEDED',
        action: 'RECORD_RESULT',
      });
    });
  });

  describe('publishInspectionPlanResults and the plans due for publication', () => {
    it('refuses publication before every result (INVALID_STATE), by an inspector (FORBIDDEN), then records it once', async () => {
      const { bureau } = await drawingBureau(app, 2, [{ riskLevel: 'B' }, { riskLevel: 'C' }]);
      const plan = await draw(app, world, input(world, bureau.id));
      await record(plan, 1);
      expect((await publish(plan)).errors?.[0].extensions).toMatchObject({
        code: 'INVALID_STATE',
        from: 'RESULTS_PENDING',
        action: 'PUBLISH',
      });
      await record(plan, 2);
      expect(refusal(await publish(plan, world.inspectorA.token)).code).toBe('FORBIDDEN');
      expect(refusal(await publish(plan, world.supervisorB.token)).code).toBe('NOT_FOUND');
      expect(refusal(await publish(plan, world.manager.token, '2019-01-02'))).toEqual({
        code: 'BAD_USER_INPUT',
        paths: ['input.publishedOn'],
      });
      const published = await publish(plan);
      expect(published.errors).toBeUndefined();
      expect(published.data!.publishInspectionPlanResults.plan.publication).toMatchObject({
        publishedOn: today(),
        overdue: false,
      });
      const twice = await publish(plan);
      expect(twice.errors?.[0].extensions).toMatchObject({
        code: 'INVALID_STATE',
        from: 'PUBLISHED',
        action: 'PUBLISH',
      });
      expect(twice.errors![0].message).toBe('该抽查计划的抽查结果已经公示');
      expect((await record(plan, 1)).errors?.[0].extensions).toMatchObject({
        code: 'INVALID_STATE',
        from: 'PUBLISHED',
      });
      const [row] = await app.query<{ published_by_id: string }>(
        `SELECT published_by_id FROM inspection_plan_publications WHERE plan_id = $1`,
        [plan.id],
      );
      expect(row.published_by_id).toBe(world.manager.id);
    });

    it('lists plans due and overdue for publication, earliest due first, within the jurisdiction', async () => {
      const plans: Plan[] = [];
      for (let index = 0; index < 3; index++) {
        const { bureau } = await drawingBureau(app, 2, [{ riskLevel: 'B' }]);
        const plan = await draw(app, world, input(world, bureau.id));
        await record(plan, 1);
        plans.push(plan);
      }
      // as if time had passed: the first two fell due before today
      await app.query(
        `UPDATE inspection_plan_publications SET last_result_on = '2019-02-01', due_on = $2
          WHERE plan_id = $1`,
        [plans[0].id, '2019-03-01'],
      );
      await app.query(
        `UPDATE inspection_plan_publications SET last_result_on = '2019-02-01', due_on = $2
          WHERE plan_id = $1`,
        [plans[1].id, '2019-03-02'],
      );
      const list = async (variables: Record<string, unknown>, token = world.manager.token) => {
        const result = await app.gql(FOR_PUBLICATION, variables, { token });
        expect(result.errors).toBeUndefined();
        return result.data!.inspectionPlansForPublication as {
          totalCount: number;
          pageInfo: { hasNextPage: boolean; endCursor: string };
          edges: { node: { id: string; publication: { overdue: boolean } } }[];
        };
      };
      const ours = new Set(plans.map((plan) => plan.id));
      const overdue = await list({ overdueOnly: true, first: 100 });
      const overdueIds = overdue.edges.map((edge) => edge.node.id).filter((id) => ours.has(id));
      expect(overdueIds).toEqual([plans[0].id, plans[1].id]);
      expect(overdue.edges.every((edge) => edge.node.publication.overdue)).toBe(true);
      const all = await list({ first: 100 });
      expect(all.edges.map((edge) => edge.node.id).filter((id) => ours.has(id))).toEqual(
        plans.map((plan) => plan.id),
      );
      const page = await list({ overdueOnly: true, first: 1 });
      expect(page.pageInfo.hasNextPage).toBe(true);
      const next = await list({ overdueOnly: true, first: 1, after: page.pageInfo.endCursor });
      expect(next.edges[0].node.id).not.toBe(page.edges[0].node.id);
      const outside = await list({ first: 100 }, world.inspectorA.token);
      expect(outside.edges.map((edge) => edge.node.id).filter((id) => ours.has(id))).toEqual([]);
      await publish(plans[0]);
      const after = await list({ overdueOnly: true, first: 100 });
      expect(after.edges.map((edge) => edge.node.id)).not.toContain(plans[0].id);
    });
    it('moves an unpublished plan’s publication due day when a holiday year is loaded, and audits it', async () => {
      const { bureau } = await drawingBureau(app, 2, [{ riskLevel: 'B' }]);
      const plan = await draw(app, world, input(world, bureau.id));
      expect((await record(plan, 1)).errors).toBeUndefined();
      const days = await app.query<{ date: string; working_day: boolean; name: string | null }>(
        `SELECT to_char(day, 'YYYY-MM-DD') AS date, working_day, name FROM calendar_exceptions
          WHERE day BETWEEN '2019-01-01' AND '2019-12-31' ORDER BY day`,
      );
      const exceptions = new Map(days.map((day) => [day.date, day.working_day]));
      const dueBefore = addWorkingDays('2019-04-01', 20, exceptions);
      // as if the last result had been formed on 1 April 2019
      await app.query(
        `UPDATE inspection_plan_publications SET last_result_on = '2019-04-01', due_on = $2
          WHERE plan_id = $1`,
        [plan.id, dueBefore],
      );
      const loaded = await app.gql<{ loadHolidayYear: { recomputedDeadlines: number } }>(
        'LoadHolidayYear',
        {
          input: {
            year: 2019,
            notice: '国办发明电〔2018〕15号（测试）',
            days: [
              ...days.map((day) => ({
                date: day.date,
                kind: day.working_day ? 'WORKDAY' : 'HOLIDAY',
                name: day.name ?? '节假日',
              })),
              { date: '2019-04-10', kind: 'HOLIDAY', name: '测试假日' },
            ],
          },
        },
        { token: await app.adminToken() },
      );
      expect(loaded.errors).toBeUndefined();
      const dueAfter = addWorkingDays(
        '2019-04-01',
        20,
        new Map([...exceptions, ['2019-04-10', false]]),
      );
      expect(dueAfter).not.toBe(dueBefore);
      const [row] = await app.query<{ due_on: string }>(
        `SELECT to_char(due_on, 'YYYY-MM-DD') AS due_on FROM inspection_plan_publications
          WHERE plan_id = $1`,
        [plan.id],
      );
      expect(row.due_on).toBe(dueAfter);
      const events = await app.query<{ before: unknown; after: unknown }>(
        `SELECT before, after FROM audit_events
          WHERE action = 'RECOMPUTE_DEADLINES' AND entity_type = 'InspectionPlan' AND entity_id = $1`,
        [plan.id],
      );
      expect(events).toEqual([
        { before: { publicationDueOn: dueBefore }, after: { publicationDueOn: dueAfter } },
      ]);
    });
  });

  describe('the public export and its replay (一公开)', () => {
    it('serves a published plan as JSON and CSV without a token, and nothing of an unpublished one', async () => {
      const { plan } = await publishedPlan();
      const json = await app.get(`/public/selection-plans/${plan.id}.json`);
      expect(json.status).toBe(200);
      const exported = (await json.json()) as PlanExport;
      expect(exported).toMatchObject({
        format: 'sweep-tracker/selection-plan/v1',
        plan: { id: plan.id, status: 'BINDING', categoryCode: 'PHARMACIST_CERTIFICATES' },
        algorithm: plan.algorithm,
        seed: plan.seed,
        fingerprint: plan.inputsFingerprint,
        publication: { publishedOn: today() },
      });
      expect(exported.draw.visits).toHaveLength(5);
      expect(exported.draw.visits.every((visit) => visit.result === 'NO_PROBLEM_FOUND')).toBe(true);
      // no personal data beyond officers' names and certificate numbers
      expect(Object.keys(exported.frozenInputs.officers[0]).sort()).toEqual([
        'certificateNumber',
        'id',
        'name',
      ]);
      const text = JSON.stringify(exported);
      expect(text).not.toMatch(/password|address|pharmacistRegistrations|reasonText|KINSHIP/i);

      const csv = await app.get(`/public/selection-plans/${plan.id}.csv`);
      expect(csv.status).toBe(200);
      expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
      const bytes = Buffer.from(await csv.arrayBuffer());
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const lines = bytes.subarray(3).toString('utf8').trim().split('\r\n');
      expect(lines[0]).toBe(
        '序号,市场主体名称,统一社会信用代码,风险等级,执法人员一,执法证号一,执法人员二,执法证号二,未选派原因,抽查结果,结果形成日期',
      );
      expect(lines).toHaveLength(6);
      expect(lines[1]).toContain('未发现问题');
      const csvEn = await app.get(`/public/selection-plans/${plan.id}.csv`, {
        headers: { 'accept-language': 'en' },
      });
      expect(await csvEn.text()).toContain('No problem found');

      const { bureau } = await drawingBureau(app, 2, [{ riskLevel: 'B' }]);
      const unpublished = await draw(app, world, input(world, bureau.id));
      for (const path of [`${unpublished.id}.json`, `${unpublished.id}.csv`, 'nope.json'])
        expect((await app.get(`/public/selection-plans/${path}`)).status).toBe(404);
    });

    it('replays a published draw exactly after the register changed, and reports tampering', async () => {
      const { bureau, team, premises, plan } = await publishedPlan();
      const exportUrl = `/public/selection-plans/${plan.id}.json`;
      const before = await (await app.get(exportUrl)).text();

      // the register changes after the draw
      await app.query(`UPDATE premises SET risk_level = 'D' WHERE id = ANY($1)`, [
        premises.map((row) => row.id),
      ]);
      await createPremises(app, { bureauId: bureau.id, kind: 'PHARMACY', riskLevel: 'A' });
      await app.query(`UPDATE officers SET active = false WHERE id = $1`, [team[0].id]);
      await app.query(
        `INSERT INTO conflict_of_interest_declarations
           (officer_id, premises_id, reason, in_force_from, declared_by_id)
         VALUES ($1, $2, 'KINSHIP', '2019-01-02', $1)`,
        [team[1].id, premises[0].id],
      );

      const after = await (await app.get(exportUrl)).text();
      expect(after).toBe(before);
      const directory = await mkdtemp(join(tmpdir(), 'selection-replay-'));
      const file = join(directory, 'plan.json');
      await writeFile(file, after);
      const output: string[] = [];
      expect(await replay(file, (line) => output.push(line))).toBe(0);
      expect(output[0]).toMatch(
        new RegExp(`^OK ${plan.id}: fingerprint ${plan.inputsFingerprint}`),
      );
      expect(await replay(`${app.url}${exportUrl}`, () => undefined)).toBe(0);

      // tampering: a risk class rewritten in the frozen inputs
      const exported = JSON.parse(after) as PlanExport;
      const riskTampered = structuredClone(exported);
      riskTampered.frozenInputs.candidates[0].riskClass =
        riskTampered.frozenInputs.candidates[0].riskClass === 'A' ? 'B' : 'A';
      await writeFile(file, JSON.stringify(riskTampered));
      const riskOutput: string[] = [];
      expect(await replay(file, (line) => riskOutput.push(line))).toBe(1);
      expect(riskOutput[0]).toBe(`DIFFERS ${plan.id}:`);
      expect(riskOutput.some((line) => line.includes('fingerprint: exported'))).toBe(true);

      // tampering: another officer written on a visit, fingerprint left alone
      const visitTampered = structuredClone(exported);
      const target = visitTampered.draw.visits[2];
      const replacement = visitTampered.frozenInputs.officers.find(
        (officer) => !target.officerIds.includes(officer.id),
      )!;
      target.officerIds = [target.officerIds[0], replacement.id];
      await writeFile(file, JSON.stringify(visitTampered));
      const visitOutput: string[] = [];
      expect(await replay(file, (line) => visitOutput.push(line))).toBe(1);
      expect(visitOutput.slice(1)).toEqual([expect.stringMatching(/^ {2}visit 3: exported /)]);
    });

    it('runs as npm run selection:replay, exiting 1 on a difference', async () => {
      const { plan } = await publishedPlan();
      const exported = (await (
        await app.get(`/public/selection-plans/${plan.id}.json`)
      ).json()) as PlanExport;
      exported.seed = `${exported.seed.slice(0, -1)}${exported.seed.endsWith('0') ? '1' : '0'}`;
      const directory = await mkdtemp(join(tmpdir(), 'selection-replay-'));
      const file = join(directory, 'plan.json');
      await writeFile(file, JSON.stringify(exported));
      const { spawnSync } = await import('node:child_process');
      const run = spawnSync('npm', ['run', '--silent', 'selection:replay', '--', file], {
        cwd: join(__dirname, '..', '..'),
        encoding: 'utf8',
      });
      expect(run.status).toBe(1);
      expect(run.stdout).toContain(`DIFFERS ${plan.id}:`);
    });
  });
});
