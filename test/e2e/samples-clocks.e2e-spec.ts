import { randomUUID } from 'node:crypto';
import { shanghaiDay } from '../../src/common/time/shanghai';
import { createOfficer } from '../factories/people';
import { CaseWorld, createCaseWorld, expectError } from '../helpers/case-world';
import { proposedOp } from '../helpers/contract';

const LOT = {
  kind: 'FOOD',
  productName: '香辣条',
  productionDate: '2019-03-01',
  shelfLife: '9个月',
  producerName: '平江县某某食品有限公司',
  producerLicence: 'SC10643062600123',
};
const FAILED_ITEM = { item: '苯甲酸及其钠盐', measured: '0.85', limit: '≤0.5', unit: 'g/kg' };

const CASE_CLOCKS = `
  query CaseClocks($id: ID!) {
    case(id: $id) {
      clocks { kind dueOn pausedDays }
      suspensions { reason from to }
    }
  }`;

/**
 * The lab days as a TESTING suspension (程序规定 第十八条第二款): findings of the case world are of
 * inspections on 2019-04-10 (a Wednesday), whose filing clock of 15 working days is due on
 * 2019-04-30 (the Sunday 2019-04-28 was worked in exchange for 劳动节).
 */
describe('findings resting on tests, and the lab days excluded from the clocks', () => {
  let world: CaseWorld;
  let numbers = 0;

  beforeAll(async () => {
    world = await createCaseWorld();
  });
  afterAll(() => world?.app.close());

  async function inspectionOf(findingId: string): Promise<string> {
    const [row] = await world.app.query<{ inspection_id: string }>(
      `SELECT inspection_id FROM findings WHERE id = $1`,
      [findingId],
    );
    return row.inspection_id;
  }

  async function sample(
    inspectionId: string,
    overrides: Record<string, unknown> = {},
  ): Promise<{ id: string; version: number; sampleNumber: string }> {
    numbers += 1;
    const result = await world.send(
      proposedOp('RecordSample'),
      {
        inspectionId,
        method: 'LAB_TEST',
        sampleNumber: `CK-${numbers}`,
        product: LOT,
        takenOn: '2019-04-10',
        labName: '市食品药品检验所',
        ...overrides,
      },
      world.inspector.token,
    );
    if (!result.data?.recordSample) throw new Error(JSON.stringify(result.errors));
    return result.data.recordSample.sample as { id: string; version: number; sampleNumber: string };
  }

  function rest(
    findingId: string,
    sampleId: string,
    expectedVersion = 1,
    idempotencyKey = randomUUID(),
  ) {
    return world.app.gql(
      proposedOp('RestFindingOnSample'),
      { input: { idempotencyKey, findingId, sampleId, expectedVersion } },
      { token: world.inspector.token },
    );
  }

  function report(sampleId: string, overrides: Record<string, unknown> = {}) {
    return world.send(
      proposedOp('RecordSampleReport'),
      {
        sampleId,
        expectedVersion: 1,
        reportNumber: 'SP2019-0419',
        reportedOn: '2019-04-19',
        result: 'FAIL',
        failedItems: [FAILED_ITEM],
        ...overrides,
      },
      world.inspector.token,
    );
  }

  async function suspensionsOf(column: 'finding_id' | 'case_id', id: string) {
    return world.app.query<{ reason: string; from: string; to: string | null; sample_id: string }>(
      `SELECT reason, "from"::text AS "from", "to"::text AS "to", sample_id
         FROM clock_suspensions WHERE ${column} = $1 ORDER BY recorded_at`,
      [id],
    );
  }

  it('suspends the filing clock while the lab has the sample and resumes it on the report day', async () => {
    const findingId = await world.finding();
    const lab = await sample(await inspectionOf(findingId));
    const today = shanghaiDay(new Date());

    const rested = await rest(findingId, lab.id);
    expect(rested.errors).toBeUndefined();
    const finding = rested.data!.restFindingOnSample.finding;
    expect(finding).toMatchObject({
      id: findingId,
      version: 2,
      sample: { id: lab.id, sampleNumber: lab.sampleNumber, result: null },
    });
    // Suspended up to today while the report is pending: not due before today's clock runs out.
    expect(finding.caseDecisionDue > today).toBe(true);
    expect(await suspensionsOf('finding_id', findingId)).toEqual([
      { reason: 'TESTING', from: '2019-04-10', to: null, sample_id: lab.id },
    ]);
    const [stored] = await world.app.query<{ due_on: string; sample_id: string }>(
      `SELECT due_on::text AS due_on, sample_id FROM findings WHERE id = $1`,
      [findingId],
    );
    expect(stored).toEqual({ due_on: finding.caseDecisionDue, sample_id: lab.id });

    const reported = await report(lab.id);
    expect(reported.errors).toBeUndefined();
    expect(await suspensionsOf('finding_id', findingId)).toEqual([
      { reason: 'TESTING', from: '2019-04-10', to: '2019-04-19', sample_id: lab.id },
    ]);
    // 2019-04-11..19 (7 working days) are not counted: due 2019-05-13 instead of 2019-04-30.
    const [after] = await world.app.query<{
      case_decision_due: string;
      due_on: string;
      version: number;
    }>(`SELECT case_decision_due::text, due_on::text, version FROM findings WHERE id = $1`, [
      findingId,
    ]);
    expect(after).toEqual({ case_decision_due: '2019-05-13', due_on: '2019-05-13', version: 3 });
    expect((await world.audit(findingId)).map((row) => row.action)).toEqual(
      expect.arrayContaining(['REST_ON_SAMPLE', 'RESUME_FILING_CLOCK']),
    );
  });

  it('takes no suspension for a failed rapid test, and replays the same request', async () => {
    const findingId = await world.finding();
    const rapid = await sample(await inspectionOf(findingId), {
      method: 'RAPID_TEST',
      labName: null,
      result: 'FAIL',
      failedItems: [FAILED_ITEM],
    });
    const key = randomUUID();
    const first = await rest(findingId, rapid.id, 1, key);
    expect(first.data!.restFindingOnSample).toMatchObject({
      replayed: false,
      finding: { caseDecisionDue: '2019-04-30', sample: { id: rapid.id, result: 'FAIL' } },
    });
    const again = await rest(findingId, rapid.id, 1, key);
    expect(again.data!.restFindingOnSample).toEqual({
      ...first.data!.restFindingOnSample,
      replayed: true,
    });
    expect(await suspensionsOf('finding_id', findingId)).toEqual([]);
  });

  it('refuses a passed test, a test of another premises, a stale version and a second test', async () => {
    const findingId = await world.finding();
    const inspectionId = await inspectionOf(findingId);
    const passed = await sample(inspectionId, {
      method: 'RAPID_TEST',
      labName: null,
      result: 'PASS',
    });
    const refusedPass = await rest(findingId, passed.id);
    expect(expectError(refusedPass, 'INVALID_STATE')).toMatchObject({
      from: 'PASS',
      action: 'REST_FINDING_ON_SAMPLE',
    });
    const elsewhere = await sample(await inspectionOf(await world.finding('B')));
    expect(expectError(await rest(findingId, elsewhere.id), 'INVALID_STATE')).toMatchObject({
      from: 'PENDING_REPORT',
    });
    const lab = await sample(inspectionId);
    expectError(await rest(findingId, lab.id, 5), 'CONFLICT');
    expect((await rest(findingId, lab.id)).errors).toBeUndefined();
    const second = await sample(inspectionId);
    const twice = await rest(findingId, second.id, 2);
    expectError(twice, 'CONFLICT');
    expect(twice.errors![0].message).toBe(`该问题已以抽样单${lab.sampleNumber}为检验依据`);
    expect(await suspensionsOf('finding_id', findingId)).toHaveLength(1);
  });

  it('suspends the case’s clocks too when the finding is in a case, until the report', async () => {
    const findingId = await world.finding();
    const opened = await world.open([findingId]);
    const penaltyDue = (clocks: { kind: string; dueOn: string; pausedDays: number }[]) =>
      clocks.find((clock) => clock.kind === 'PENALTY_DECISION')!;
    expect(penaltyDue(opened.clocks)).toMatchObject({ dueOn: '2019-07-11', pausedDays: 0 });
    const lab = await sample(await inspectionOf(findingId));
    const [{ version }] = await world.app.query<{ version: number }>(
      `SELECT version FROM findings WHERE id = $1`,
      [findingId],
    );
    expect((await rest(findingId, lab.id, version)).errors).toBeUndefined();
    expect(await suspensionsOf('case_id', opened.id)).toEqual([
      { reason: 'TESTING', from: '2019-04-10', to: null, sample_id: lab.id },
    ]);
    const read = async () =>
      (await world.app.gql(CASE_CLOCKS, { id: opened.id }, { token: world.head.token })).data!.case;
    expect((await read()).suspensions).toEqual([
      { reason: 'TESTING', from: '2019-04-10', to: null },
    ]);

    const versionOf = async () =>
      (
        await world.app.query<{ version: number }>(`SELECT version FROM findings WHERE id = $1`, [
          findingId,
        ])
      )[0].version;
    const beforeReport = await versionOf();
    expect((await report(lab.id)).errors).toBeUndefined();
    // one move of the case, one version more (its findings are rewritten once, not per clock)
    expect(await versionOf()).toBe(beforeReport + 1);
    const after = await read();
    expect(after.suspensions).toEqual([
      { reason: 'TESTING', from: '2019-04-10', to: '2019-04-19' },
    ]);
    // 2019-04-13..19 fall after the filing day: 7 days more, 2019-07-18.
    expect(penaltyDue(after.clocks)).toMatchObject({ dueOn: '2019-07-18', pausedDays: 7 });
    expect((await world.audit(opened.id)).map((row) => row.action)).toEqual(
      expect.arrayContaining(['SUSPEND_CASE', 'RESUME_CASE']),
    );
  });

  it('pauses a case the finding joined while the lab had the sample, from the day taken to the report day', async () => {
    const findingId = await world.finding();
    const lab = await sample(await inspectionOf(findingId));
    expect((await rest(findingId, lab.id)).errors).toBeUndefined();
    const [{ version }] = await world.app.query<{ version: number }>(
      `SELECT version FROM findings WHERE id = $1`,
      [findingId],
    );
    const opened = await world.open([findingId], {
      findings: [{ findingId, expectedVersion: version }],
    });
    // The case takes the lab days at once, open while the report is pending (第六十四条第二款).
    expect(await suspensionsOf('case_id', opened.id)).toEqual([
      { reason: 'TESTING', from: '2019-04-10', to: null, sample_id: lab.id },
    ]);
    expect((await world.audit(opened.id)).map((row) => row.action)).toContain('SUSPEND_CASE');
    expect((await report(lab.id)).errors).toBeUndefined();
    expect(await suspensionsOf('case_id', opened.id)).toEqual([
      { reason: 'TESTING', from: '2019-04-10', to: '2019-04-19', sample_id: lab.id },
    ]);
    const [stored] = await world.app.query<{ clock_dues: Record<string, string> }>(
      `SELECT clock_dues FROM cases WHERE id = $1`,
      [opened.id],
    );
    expect(stored.clock_dues.PENALTY_DECISION).toBe('2019-07-18');
    // The case's filing clock is its finding's: the lab days 2019-04-11..19 excluded there too.
    const clocks = (
      await world.app.gql(CASE_CLOCKS, { id: opened.id }, { token: world.head.token })
    ).data!.case.clocks as { kind: string; dueOn: string; pausedDays: number }[];
    expect(clocks.find((clock) => clock.kind === 'FILING_DECISION')).toMatchObject({
      dueOn: '2019-05-13',
      pausedDays: 7,
    });
  });

  it('leaves a case without lab days that were over before it was filed', async () => {
    const findingId = await world.finding();
    const lab = await sample(await inspectionOf(findingId));
    expect((await report(lab.id, { reportedOn: '2019-04-11' })).errors).toBeUndefined();
    const opened = await world.open([findingId]);
    const [{ version }] = await world.app.query<{ version: number }>(
      `SELECT version FROM findings WHERE id = $1`,
      [findingId],
    );
    expect((await rest(findingId, lab.id, version)).errors).toBeUndefined();
    // filed on 2019-04-12, the lab had the sample 2019-04-10..11: the filing clock's days alone
    expect(await suspensionsOf('finding_id', findingId)).toEqual([
      { reason: 'TESTING', from: '2019-04-10', to: '2019-04-11', sample_id: lab.id },
    ]);
    expect(await suspensionsOf('case_id', opened.id)).toEqual([]);
  });

  it('refuses an administrator who is no inspector, and an anonymous caller', async () => {
    const findingId = await world.finding();
    // An administrator only (the bootstrap admin of the case world is a manager too).
    const admin = (await createOfficer(world.app, world.bureauId, ['ADMIN'])).token;
    const recorded = await world.app.gql(
      proposedOp('RecordSample'),
      {
        input: {
          idempotencyKey: randomUUID(),
          inspectionId: await inspectionOf(findingId),
          method: 'LAB_TEST',
          sampleNumber: 'ADMIN-1',
          product: LOT,
          takenOn: '2019-04-10',
          labName: '市食品药品检验所',
        },
      },
      { token: admin },
    );
    expectError(recorded, 'FORBIDDEN');
    const anonymous = await world.app.gql(proposedOp('Samples'), {});
    expectError(anonymous, 'UNAUTHENTICATED');
  });

  it('has the database refuse a sample that breaks the rules, whatever the service does', async () => {
    const findingId = await world.finding();
    const inspectionId = await inspectionOf(findingId);
    const insert = (values: Record<string, unknown>) =>
      world.app.query(
        `INSERT INTO samples (inspection_id, sweep_id, bureau_id, premises_id, category_id, method,
           sample_number, product, taken_on, lab_name, result, reported_on, failed_items, recorded_by_id)
         SELECT i.id, i.sweep_id, i.bureau_id, i.premises_id, i.category_id, $2, $3, $4::jsonb,
           '2019-04-10', $5, $6, $7, $8::jsonb, $9
         FROM inspections i WHERE i.id = $1`,
        [
          inspectionId,
          values.method ?? 'RAPID_TEST',
          `DB-${randomUUID().slice(0, 8)}`,
          JSON.stringify(values.product ?? LOT),
          values.labName ?? null,
          values.result ?? 'FAIL',
          values.reportedOn ?? '2019-04-10',
          JSON.stringify(values.failedItems ?? [FAILED_ITEM]),
          world.inspector.id,
        ],
      );
    await expect(insert({ product: { ...LOT, producerLicence: 'SC12' } })).rejects.toThrow(
      'samples_product_check',
    );
    await expect(insert({ failedItems: [] })).rejects.toThrow('samples_failed_items_check');
    await expect(insert({ method: 'LAB_TEST' })).rejects.toThrow('samples_lab_check');
    await expect(insert({ reportedOn: '2019-04-09' })).rejects.toThrow('samples_reported_on_check');
    await expect(insert({})).resolves.toBeDefined();
  });

  it('keeps a finding of another jurisdiction out of reach', async () => {
    const findingId = await world.finding();
    const lab = await sample(await inspectionOf(findingId));
    const result = await world.app.gql(
      proposedOp('RestFindingOnSample'),
      { input: { idempotencyKey: randomUUID(), findingId, sampleId: lab.id, expectedVersion: 1 } },
      { token: world.otherHead.token },
    );
    expectError(result, 'NOT_FOUND');
  });
});
