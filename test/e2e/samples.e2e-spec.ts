import { randomUUID } from 'node:crypto';
import { createFieldWorld, FieldWorld, logInspection, refusal } from '../helpers/field-world';
import { proposedOp } from '../helpers/contract';
import { startTestApp, TestApp } from '../helpers/test-app';

interface SampleView {
  id: string;
  sampleNumber: string;
  method: string;
  product: Record<string, unknown>;
  takenOn: string;
  labName: string | null;
  reportNumber: string | null;
  reportedOn: string | null;
  result: string | null;
  failedItems: { item: string; measured: string; limit: string; unit: string | null }[];
  pendingReport: boolean;
  note: string | null;
  version: number;
  inspection: { id: string; premises: { id: string; name: string } };
}

const LOT = {
  kind: 'FOOD',
  productName: '香辣条',
  brand: '卫龙',
  productionDate: '2019-03-01',
  shelfLife: '9个月',
  producerName: '平江县某某食品有限公司',
  producerLicence: 'SC10643062600123',
};
const FAILED_ITEM = {
  item: '苯甲酸及其钠盐',
  measured: '0.85',
  limit: '≤0.5 (GB 2760-2014)',
  unit: 'g/kg',
};

describe('samples and tests (抽样检验, 快检)', () => {
  let app: TestApp;
  let world: FieldWorld;
  let inspectionId: string;
  let numbers = 0;

  beforeAll(async () => {
    app = await startTestApp();
    world = await createFieldWorld(app);
    inspectionId = (await logInspection(app, world)).id;
  });
  afterAll(() => app?.close());

  function sampleInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
    numbers += 1;
    return {
      idempotencyKey: randomUUID(),
      inspectionId,
      method: 'LAB_TEST',
      sampleNumber: `XQ2019-${String(numbers).padStart(4, '0')}`,
      product: LOT,
      takenOn: '2019-03-20',
      labName: '市食品药品检验所',
      ...overrides,
    };
  }

  async function record(
    overrides: Record<string, unknown> = {},
    token = world.inspectorA.token,
  ): Promise<SampleView> {
    const result = await app.gql(
      proposedOp('RecordSample'),
      { input: sampleInput(overrides) },
      { token },
    );
    if (!result.data?.recordSample) throw new Error(JSON.stringify(result.errors));
    return result.data.recordSample.sample as SampleView;
  }

  function report(
    sample: SampleView,
    overrides: Record<string, unknown> = {},
    token = world.inspectorA.token,
  ) {
    return app.gql(
      proposedOp('RecordSampleReport'),
      {
        input: {
          idempotencyKey: randomUUID(),
          sampleId: sample.id,
          expectedVersion: sample.version,
          reportNumber: 'SP2019-0331',
          reportedOn: '2019-03-29',
          result: 'FAIL',
          failedItems: [FAILED_ITEM],
          ...overrides,
        },
      },
      { token },
    );
  }

  it('records a lab test pending its report, with an audit event, once per idempotency key', async () => {
    const input = sampleInput({ note: '  冷藏送检 ' });
    const first = await app.gql(
      proposedOp('RecordSample'),
      { input },
      { token: world.inspectorA.token },
    );
    expect(first.errors).toBeUndefined();
    const sample = first.data!.recordSample.sample as SampleView;
    expect(first.data!.recordSample.replayed).toBe(false);
    expect(sample).toMatchObject({
      sampleNumber: input.sampleNumber,
      method: 'LAB_TEST',
      product: { ...LOT, lotNumber: null, manufacturer: null },
      takenOn: '2019-03-20',
      labName: '市食品药品检验所',
      reportNumber: null,
      reportedOn: null,
      result: null,
      failedItems: [],
      pendingReport: true,
      note: '冷藏送检',
      version: 1,
      inspection: { id: inspectionId, premises: { id: world.shopA.id, name: '解放街食品店' } },
    });
    const again = await app.gql(
      proposedOp('RecordSample'),
      { input },
      { token: world.inspectorA.token },
    );
    expect(again.data!.recordSample).toEqual({ replayed: true, sample });
    const changed = await app.gql(
      proposedOp('RecordSample'),
      { input: { ...input, labName: '另一检验所' } },
      { token: world.inspectorA.token },
    );
    expect(refusal(changed).code).toBe('CONFLICT');
    const rows = await app.query<{ bureau_id: string; premises_id: string; sweep_id: string }>(
      `SELECT bureau_id, premises_id, sweep_id FROM samples WHERE sample_number = $1`,
      [input.sampleNumber],
    );
    expect(rows).toEqual([
      { bureau_id: world.bureauA.id, premises_id: world.shopA.id, sweep_id: world.sweep.id },
    ]);
    const audit = await app.query<{ action: string; entity_type: string; actor_id: string }>(
      `SELECT action, entity_type, actor_id FROM audit_events WHERE entity_id = $1`,
      [sample.id],
    );
    expect(audit).toEqual([
      { action: 'CREATE', entity_type: 'Sample', actor_id: world.inspectorA.id },
    ]);
  });

  it('serves a sample’s audit trail to its jurisdiction only', async () => {
    const sample = await record();
    const mine = await app.gql(
      'AuditTrail',
      { entityType: 'Sample', entityId: sample.id },
      { token: world.supervisorA.token },
    );
    expect(mine.errors).toBeUndefined();
    expect(
      (mine.data!.auditTrail as { action: string; actor: { id: string } }[]).map((event) => [
        event.action,
        event.actor.id,
      ]),
    ).toEqual([['CREATE', world.inspectorA.id]]);
    const other = await app.gql(
      'AuditTrail',
      { entityType: 'Sample', entityId: sample.id },
      { token: world.supervisorB.token },
    );
    expect(refusal(other).code).toBe('NOT_FOUND');
  });

  it('records a rapid test with its result on the spot, reported the day taken', async () => {
    const sample = await record({
      method: 'RAPID_TEST',
      labName: null,
      takenOn: '2019-03-21',
      result: 'FAIL',
      failedItems: [FAILED_ITEM],
    });
    expect(sample).toMatchObject({
      method: 'RAPID_TEST',
      labName: null,
      reportedOn: '2019-03-21',
      result: 'FAIL',
      failedItems: [FAILED_ITEM],
      pendingReport: false,
    });
  });

  it('refuses a sample with the paths of what is wrong, in both languages, writing nothing', async () => {
    const count = async () =>
      (await app.query<{ n: number }>(`SELECT count(*)::int AS n FROM samples`))[0].n;
    const before = await count();
    const input = sampleInput({
      takenOn: '2019-03-19',
      labName: null,
      result: 'PASS',
      product: { ...LOT, producerLicence: 'SC123' },
    });
    const zh = await app.gql(
      proposedOp('RecordSample'),
      { input },
      { token: world.inspectorA.token },
    );
    expect(refusal(zh)).toEqual({
      code: 'BAD_USER_INPUT',
      paths: ['input.product.producerLicence', 'input.takenOn', 'input.labName', 'input.result'],
    });
    const messages = (zh.errors![0].extensions!.fields as { message: string }[]).map(
      (f) => f.message,
    );
    expect(messages[1]).toBe('不得早于检查日期2019-03-20');
    const en = await app.gql(
      proposedOp('RecordSample'),
      { input: { ...input, idempotencyKey: randomUUID() } },
      { token: world.inspectorA.token, headers: { 'accept-language': 'en' } },
    );
    expect((en.errors![0].extensions!.fields as { message: string }[])[2].message).toBe(
      'a lab test needs the name of the lab',
    );
    const future = await app.gql(
      proposedOp('RecordSample'),
      { input: sampleInput({ takenOn: '2099-01-01' }) },
      { token: world.inspectorA.token },
    );
    expect(refusal(future)).toEqual({ code: 'BAD_USER_INPUT', paths: ['input.takenOn'] });
    expect(await count()).toBe(before);
  });

  it('refuses a sample number the bureau already used', async () => {
    const sample = await record();
    const again = await app.gql(
      proposedOp('RecordSample'),
      { input: { ...sampleInput(), sampleNumber: sample.sampleNumber } },
      { token: world.inspectorA.token },
    );
    expect(refusal(again).code).toBe('CONFLICT');
    expect(again.errors![0].message).toBe(`本单位已使用抽样单编号${sample.sampleNumber}`);
  });

  it('keeps samples of another jurisdiction out of reach: NOT_FOUND to record, read or report', async () => {
    const outside = await app.gql(
      proposedOp('RecordSample'),
      { input: sampleInput() },
      { token: world.inspectorB.token },
    );
    expect(refusal(outside).code).toBe('NOT_FOUND');
    const sample = await record();
    const node = await app.gql(
      proposedOp('SampleNode'),
      { id: sample.id },
      { token: world.inspectorB.token },
    );
    expect(node.data!.node).toBeNull();
    expect(node.errors![0].extensions!.code).toBe('NOT_FOUND');
    const reported = await report(sample, {}, world.inspectorB.token);
    expect(refusal(reported).code).toBe('NOT_FOUND');
    const list = await app.gql(
      proposedOp('Samples'),
      { filter: { inspectionId } },
      { token: world.inspectorB.token },
    );
    expect(list.data!.samples.totalCount).toBe(0);
    const mine = await app.gql(
      proposedOp('SampleNode'),
      { id: sample.id },
      { token: world.supervisorA.token },
    );
    expect(mine.data!.node).toMatchObject({ id: sample.id, sampleNumber: sample.sampleNumber });
  });

  it('records the lab report once: FAIL with its items, a stale version a CONFLICT, a second report INVALID_STATE', async () => {
    const sample = await record();
    const stale = await report(sample, { expectedVersion: 7 });
    expect(refusal(stale).code).toBe('CONFLICT');
    const noItems = await report(sample, { failedItems: [] });
    expect(refusal(noItems)).toEqual({ code: 'BAD_USER_INPUT', paths: ['input.failedItems'] });
    const early = await report(sample, { reportedOn: '2019-03-19' });
    expect(refusal(early)).toEqual({ code: 'BAD_USER_INPUT', paths: ['input.reportedOn'] });
    const input = {
      idempotencyKey: randomUUID(),
      sampleId: sample.id,
      expectedVersion: 1,
      reportNumber: 'SP2019-0331',
      reportedOn: '2019-03-29',
      result: 'FAIL',
      failedItems: [FAILED_ITEM],
    };
    const done = await app.gql(
      proposedOp('RecordSampleReport'),
      { input },
      { token: world.inspectorA.token },
    );
    expect(done.errors).toBeUndefined();
    expect(done.data!.recordSampleReport).toMatchObject({
      replayed: false,
      sample: {
        reportNumber: 'SP2019-0331',
        reportedOn: '2019-03-29',
        result: 'FAIL',
        failedItems: [FAILED_ITEM],
        pendingReport: false,
        version: 2,
      },
    });
    const replay = await app.gql(
      proposedOp('RecordSampleReport'),
      { input },
      { token: world.inspectorA.token },
    );
    expect(replay.data!.recordSampleReport.replayed).toBe(true);
    const second = await report({ ...sample, version: 2 }, { result: 'PASS', failedItems: [] });
    expect(refusal(second).code).toBe('INVALID_STATE');
    expect(second.errors![0].extensions).toMatchObject({
      from: 'FAIL',
      action: 'RECORD_SAMPLE_REPORT',
    });
    const audit = await app.query<{ action: string }>(
      `SELECT action FROM audit_events WHERE entity_id = $1 ORDER BY id`,
      [sample.id],
    );
    expect(audit.map((row) => row.action)).toEqual(['CREATE', 'RECORD_SAMPLE_REPORT']);
  });

  it('refuses a report on a rapid test, which has its result already', async () => {
    const sample = await record({
      method: 'RAPID_TEST',
      labName: null,
      result: 'PASS',
    });
    const refused = await report(
      sample,
      { result: 'PASS', failedItems: [] },
      world.inspectorA.token,
    );
    expect(refused.errors![0].extensions).toMatchObject({
      code: 'INVALID_STATE',
      from: 'PASS',
      action: 'RECORD_SAMPLE_REPORT',
    });
    expect(refused.errors![0].message).toBe(
      '状态为“合格”的抽样记录不能登记检验报告：只有送检抽样才在事后登记检验报告',
    );
  });

  it('lists the samples of an inspection and pages samples by filter in the order asked', async () => {
    const other = (await logInspection(app, world, { inspectedAt: '2019-03-25T02:00:00Z' })).id;
    const early = await record({ inspectionId: other, takenOn: '2019-03-25' });
    const late = await record({ inspectionId: other, takenOn: '2019-03-27' });
    const rapid = await record({
      inspectionId: other,
      takenOn: '2019-03-26',
      method: 'RAPID_TEST',
      labName: null,
      result: 'PASS',
    });
    const listed = await app.gql(
      proposedOp('InspectionSamples'),
      { id: other },
      { token: world.inspectorA.token },
    );
    expect((listed.data!.inspection.samples as SampleView[]).map((s) => s.id)).toEqual([
      early.id,
      rapid.id,
      late.id,
    ]);
    const page = (variables: Record<string, unknown>) =>
      app.gql(proposedOp('Samples'), variables, { token: world.manager.token });
    const first = await page({
      filter: { inspectionId: other },
      orderBy: { field: 'TAKEN_ON', direction: 'ASC' },
      first: 2,
    });
    expect(first.data!.samples.totalCount).toBe(3);
    expect((first.data!.samples.nodes as SampleView[]).map((s) => s.id)).toEqual([
      early.id,
      rapid.id,
    ]);
    expect(first.data!.samples.pageInfo.hasNextPage).toBe(true);
    const second = await page({
      filter: { inspectionId: other },
      orderBy: { field: 'TAKEN_ON', direction: 'ASC' },
      first: 2,
      after: first.data!.samples.pageInfo.endCursor,
    });
    expect((second.data!.samples.nodes as SampleView[]).map((s) => s.id)).toEqual([late.id]);
    const pending = await page({
      filter: { inspectionId: other, pendingReport: true },
      orderBy: { field: 'TAKEN_ON', direction: 'DESC' },
    });
    expect((pending.data!.samples.nodes as SampleView[]).map((s) => s.id)).toEqual([
      late.id,
      early.id,
    ]);
    const passed = await page({
      filter: { sweepId: world.sweep.id, bureauId: world.bureauA.id, results: ['PASS'] },
    });
    expect((passed.data!.samples.nodes as SampleView[]).map((s) => s.id)).toContain(rapid.id);
    expect((passed.data!.samples.nodes as SampleView[]).every((s) => s.result === 'PASS')).toBe(
      true,
    );
    const badCursor = await page({ first: 1, after: 'not-a-cursor' });
    expect(refusal(badCursor).code).toBe('BAD_USER_INPUT');
  });

  it('refuses a sample on an inspection of a sweep that is no longer active', async () => {
    await app.query(`UPDATE sweeps SET status = 'CLOSED' WHERE id = $1`, [world.sweep.id]);
    try {
      const refused = await app.gql(
        proposedOp('RecordSample'),
        { input: sampleInput() },
        { token: world.inspectorA.token },
      );
      expect(refused.errors![0].extensions).toMatchObject({
        code: 'INVALID_STATE',
        from: 'CLOSED',
        action: 'RECORD_SAMPLE',
      });
    } finally {
      await app.query(`UPDATE sweeps SET status = 'ACTIVE' WHERE id = $1`, [world.sweep.id]);
    }
  });
});
