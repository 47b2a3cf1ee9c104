import { randomUUID } from 'node:crypto';
import {
  createFieldWorld,
  FieldWorld,
  logInspection,
  refusal,
  writtenRows,
} from '../helpers/field-world';
import { proposedOp } from '../helpers/contract';
import { startTestApp, TestApp } from '../helpers/test-app';

interface SampleView {
  id: string;
  sampleNumber: string;
  result: string | null;
  version: number;
  voided: boolean;
  voidReason: string | null;
  voidedAt: string | null;
  voidedBy: { id: string; name: string } | null;
}

const LOT = {
  kind: 'FOOD',
  productName: '香辣条',
  productionDate: '2019-03-01',
  shelfLife: '9个月',
  producerName: '平江县某某食品有限公司',
  producerLicence: 'SC10643062600123',
};
const FAILED_ITEM = { item: '苯甲酸及其钠盐', measured: '0.85', limit: '≤0.5', unit: 'g/kg' };

/**
 * Voiding a sample recorded in error (作废): by the head of its bureau, with a reason, never while
 * a finding rests on it; the voided sample stays on its inspection, flagged, and leaves the samples
 * list and the figures 抽检／不合格.
 */
describe('voiding a sample (抽样记录作废)', () => {
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

  /** A rapid test that FAILed on `inspection` (shop A, bureau A unless another is given). */
  async function record(
    overrides: Record<string, unknown> = {},
    token = world.inspectorA.token,
  ): Promise<SampleView> {
    numbers += 1;
    const result = await app.gql(
      proposedOp('RecordSample'),
      {
        input: {
          idempotencyKey: randomUUID(),
          inspectionId,
          method: 'RAPID_TEST',
          sampleNumber: `ZF2019-${String(numbers).padStart(4, '0')}`,
          product: LOT,
          takenOn: '2019-03-20',
          result: 'FAIL',
          failedItems: [FAILED_ITEM],
          ...overrides,
        },
      },
      { token },
    );
    if (!result.data?.recordSample) throw new Error(JSON.stringify(result.errors));
    return result.data.recordSample.sample as SampleView;
  }

  function voidInput(sample: SampleView, overrides: Record<string, unknown> = {}) {
    return {
      idempotencyKey: randomUUID(),
      sampleId: sample.id,
      expectedVersion: sample.version,
      reason: '抽样单录错了检查记录',
      ...overrides,
    };
  }

  function voidSample(
    sample: SampleView,
    overrides: Record<string, unknown> = {},
    token = world.supervisorA.token,
    headers: Record<string, string> = {},
  ) {
    return app.gql(
      proposedOp('VoidSample'),
      { input: voidInput(sample, overrides) },
      { token, headers },
    );
  }

  async function voided(sample: SampleView): Promise<SampleView> {
    const result = await voidSample(sample);
    if (!result.data?.voidSample) throw new Error(JSON.stringify(result.errors));
    return result.data.voidSample.sample as SampleView;
  }

  /** The sample's row and every table a voiding writes, to prove a refusal wrote nothing. */
  async function state(sampleId: string) {
    const [row] = await app.query<Record<string, unknown>>(
      `SELECT voided, void_reason, voided_at, voided_by_id, version FROM samples WHERE id = $1`,
      [sampleId],
    );
    return { row, written: await writtenRows(app) };
  }

  it('voids a sample by a supervisor of its bureau: the row, an audit event, once per idempotency key', async () => {
    const sample = await record();
    const input = voidInput(sample, { reason: '  重复录入 ' });
    const first = await app.gql(
      proposedOp('VoidSample'),
      { input },
      { token: world.supervisorA.token },
    );
    expect(first.errors).toBeUndefined();
    expect(first.data!.voidSample).toMatchObject({
      replayed: false,
      sample: {
        id: sample.id,
        voided: true,
        voidReason: '重复录入',
        voidedBy: { id: world.supervisorA.id, name: '王强' },
        version: 2,
      },
    });
    const answered = first.data!.voidSample.sample as SampleView;
    expect(Date.parse(answered.voidedAt!)).toBeGreaterThan(Date.now() - 60_000);
    const [row] = await app.query<Record<string, unknown>>(
      `SELECT voided, void_reason, voided_by_id, voided_at IS NOT NULL AS at, version
         FROM samples WHERE id = $1`,
      [sample.id],
    );
    expect(row).toEqual({
      voided: true,
      void_reason: '重复录入',
      voided_by_id: world.supervisorA.id,
      at: true,
      version: 2,
    });
    const audit = await app.query<{
      action: string;
      entity_type: string;
      actor_id: string;
      before: { voided: boolean };
      after: { voided: boolean; voidReason: string };
    }>(
      `SELECT action, entity_type, actor_id, before, after FROM audit_events
        WHERE entity_id = $1 ORDER BY id`,
      [sample.id],
    );
    expect(audit.map((event) => event.action)).toEqual(['CREATE', 'VOID']);
    expect(audit[1]).toMatchObject({
      entity_type: 'Sample',
      actor_id: world.supervisorA.id,
      before: { voided: false },
      after: { voided: true, voidReason: '重复录入' },
    });
    const again = await app.gql(
      proposedOp('VoidSample'),
      { input },
      { token: world.supervisorA.token },
    );
    expect(again.data!.voidSample).toEqual({ replayed: true, sample: answered });
    const changed = await app.gql(
      proposedOp('VoidSample'),
      { input: { ...input, reason: '另一个原因' } },
      { token: world.supervisorA.token },
    );
    expect(refusal(changed).code).toBe('CONFLICT');
    expect(
      await app.query(`SELECT 1 FROM audit_events WHERE entity_id = $1 AND action = 'VOID'`, [
        sample.id,
      ]),
    ).toHaveLength(1);
  });

  it('voids a sample by a manager too', async () => {
    const sample = await record();
    const result = await voidSample(sample, {}, world.manager.token);
    expect(result.errors).toBeUndefined();
    expect(result.data!.voidSample.sample).toMatchObject({
      voided: true,
      voidedBy: { id: world.manager.id },
    });
  });

  it('refuses an inspector, and a supervisor of a bureau above the sample’s own: FORBIDDEN, nothing written', async () => {
    const sample = await record();
    const before = await state(sample.id);
    const inspector = await voidSample(sample, {}, world.inspectorA.token);
    expect(refusal(inspector).code).toBe('FORBIDDEN');
    // Bureau A's supervisor sees the samples of its child A1 but is not A1's head.
    const campus = (
      await logInspection(app, world, {
        premisesId: world.shopA1.id,
        categoryId: world.sweep.categoryIds.get('CAMPUS_FOOD'),
        checklist: [],
      })
    ).id;
    const childSample = await record({ inspectionId: campus });
    const childBefore = await state(childSample.id);
    const above = await voidSample(childSample);
    expect(refusal(above).code).toBe('FORBIDDEN');
    expect(above.errors![0].message).toBe(
      '只有抽样记录所属执法单位的负责人或市局领导可以作废抽样记录',
    );
    expect(await state(childSample.id)).toEqual(childBefore);
    expect((await state(sample.id)).row).toEqual(before.row);
  });

  it('keeps a sample of another bureau out of reach: NOT_FOUND', async () => {
    const sample = await record();
    const before = await state(sample.id);
    const other = await voidSample(sample, {}, world.supervisorB.token);
    expect(refusal(other).code).toBe('NOT_FOUND');
    expect(await state(sample.id)).toEqual(before);
  });

  it('refuses a blank reason, and one over 500 characters, at input.reason', async () => {
    const sample = await record();
    const before = await state(sample.id);
    const blank = await voidSample(sample, { reason: '   ' });
    expect(refusal(blank)).toEqual({ code: 'BAD_USER_INPUT', paths: ['input.reason'] });
    const long = await voidSample(sample, { reason: '错'.repeat(501) });
    expect(refusal(long)).toEqual({ code: 'BAD_USER_INPUT', paths: ['input.reason'] });
    expect(await state(sample.id)).toEqual(before);
  });

  it('refuses a stale version: CONFLICT, nothing written', async () => {
    const sample = await record();
    const before = await state(sample.id);
    const stale = await voidSample(sample, { expectedVersion: 7 });
    expect(refusal(stale).code).toBe('CONFLICT');
    expect(stale.errors![0].extensions!.currentVersion).toBe(1);
    expect(await state(sample.id)).toEqual(before);
  });

  it('refuses a sample already voided: INVALID_STATE from VOIDED, nothing written', async () => {
    const sample = await voided(await record());
    const before = await state(sample.id);
    const twice = await voidSample(sample);
    expect(twice.errors![0].extensions).toMatchObject({
      code: 'INVALID_STATE',
      from: 'VOIDED',
      action: 'VOID',
    });
    expect(twice.errors![0].message).toBe('状态为“已作废”的抽样记录不能作废：该抽样记录已作废');
    expect(await state(sample.id)).toEqual(before);
  });

  it('refuses a sample a finding rests on, saying how many, in both languages; nothing written', async () => {
    const inspection = await logInspection(app, world);
    const sample = await record({ inspectionId: inspection.id });
    const findingId = inspection.findings[0].id;
    const [{ version }] = await app.query<{ version: number }>(
      `SELECT version FROM findings WHERE id = $1`,
      [findingId],
    );
    const rested = await app.gql(
      proposedOp('RestFindingOnSample'),
      {
        input: {
          idempotencyKey: randomUUID(),
          findingId,
          sampleId: sample.id,
          expectedVersion: version,
        },
      },
      { token: world.inspectorA.token },
    );
    expect(rested.errors).toBeUndefined();
    const before = await state(sample.id);
    const zh = await voidSample(sample);
    expect(zh.errors![0].extensions).toMatchObject({
      code: 'INVALID_STATE',
      from: 'FAIL',
      action: 'VOID',
    });
    expect(zh.errors![0].message).toBe(
      '状态为“不合格”的抽样记录不能作废：有1个问题以该检验为依据，须先将其改为其他依据',
    );
    const en = await voidSample(sample, {}, world.supervisorA.token, { 'accept-language': 'en' });
    expect(en.errors![0].message).toBe(
      'A sample that is FAIL cannot be voided: 1 finding(s) rest on it as their test; move them off it first',
    );
    expect(await state(sample.id)).toEqual(before);
  });

  it('leaves a voided sample out of the samples list unless includeVoided, and keeps it on its inspection, flagged', async () => {
    const inspection = (await logInspection(app, world)).id;
    const kept = await record({ inspectionId: inspection });
    const gone = await voided(await record({ inspectionId: inspection }));
    const list = (filter: Record<string, unknown>) =>
      app.gql(proposedOp('Samples'), { filter }, { token: world.supervisorA.token });
    const ids = (result: Awaited<ReturnType<typeof list>>) =>
      (result.data!.samples.nodes as SampleView[]).map((s) => s.id).sort();
    const plain = await list({ inspectionId: inspection });
    expect(plain.data!.samples.totalCount).toBe(1);
    expect(ids(plain)).toEqual([kept.id]);
    const explicit = await list({ inspectionId: inspection, includeVoided: false });
    expect(ids(explicit)).toEqual([kept.id]);
    const all = await list({ inspectionId: inspection, includeVoided: true });
    expect(all.data!.samples.totalCount).toBe(2);
    expect(ids(all)).toEqual([kept.id, gone.id].sort());
    const onInspection = await app.gql(
      proposedOp('InspectionSamples'),
      { id: inspection },
      { token: world.inspectorA.token },
    );
    expect(
      (onInspection.data!.inspection.samples as SampleView[]).map((s) => [s.id, s.voided]),
    ).toEqual([
      [kept.id, false],
      [gone.id, true],
    ]);
    const node = await app.gql(
      proposedOp('SampleNode'),
      { id: gone.id },
      { token: world.inspectorA.token },
    );
    expect(node.data!.node).toMatchObject({
      voided: true,
      voidReason: '抽样单录错了检查记录',
      voidedBy: { id: world.supervisorA.id },
    });
  });

  it('takes a voided sample out of 抽检／不合格 in the progress figures and the summary', async () => {
    const progress = async () => {
      const result = await app.gql(
        proposedOp('SampleProgress'),
        { sweepId: world.sweep.id, filter: {} },
        { token: world.manager.token },
      );
      if (result.errors) throw new Error(JSON.stringify(result.errors));
      return result.data!.sweepProgress as {
        totals: { samplesTaken: number; samplesFailed: number };
        byBureau: { bureau: { id: string }; figures: { samplesTaken: number } }[];
        summaryText: string;
      };
    };
    const sample = await record();
    const before = await progress();
    await voided(sample);
    const after = await progress();
    expect(after.totals).toEqual({
      samplesTaken: before.totals.samplesTaken - 1,
      samplesFailed: before.totals.samplesFailed - 1,
    });
    const bureauA = (figures: typeof before) =>
      figures.byBureau.find((row) => row.bureau.id === world.bureauA.id)!.figures.samplesTaken;
    expect(bureauA(after)).toBe(bureauA(before) - 1);
    expect(after.summaryText).toContain(
      `抽检${after.totals.samplesTaken}批次（不合格${after.totals.samplesFailed}批次）`,
    );
  });

  it('refuses a report on, and a finding resting on, a voided sample: INVALID_STATE from VOIDED', async () => {
    const inspection = await logInspection(app, world);
    const lab = await voided(
      await record({
        inspectionId: inspection.id,
        method: 'LAB_TEST',
        labName: '市食品药品检验所',
        result: null,
        failedItems: null,
      }),
    );
    const before = await state(lab.id);
    const report = await app.gql(
      proposedOp('RecordSampleReport'),
      {
        input: {
          idempotencyKey: randomUUID(),
          sampleId: lab.id,
          expectedVersion: lab.version,
          reportNumber: 'SP2019-0401',
          reportedOn: '2019-03-29',
          result: 'FAIL',
          failedItems: [FAILED_ITEM],
        },
      },
      { token: world.inspectorA.token },
    );
    expect(report.errors![0].extensions).toMatchObject({
      code: 'INVALID_STATE',
      from: 'VOIDED',
      action: 'RECORD_SAMPLE_REPORT',
    });
    const findingId = inspection.findings[0].id;
    const [{ version }] = await app.query<{ version: number }>(
      `SELECT version FROM findings WHERE id = $1`,
      [findingId],
    );
    const rest = await app.gql(
      proposedOp('RestFindingOnSample'),
      {
        input: {
          idempotencyKey: randomUUID(),
          findingId,
          sampleId: lab.id,
          expectedVersion: version,
        },
      },
      { token: world.inspectorA.token },
    );
    expect(rest.errors![0].extensions).toMatchObject({
      code: 'INVALID_STATE',
      from: 'VOIDED',
      action: 'REST_FINDING_ON_SAMPLE',
    });
    expect(await state(lab.id)).toEqual(before);
    expect(
      await app.query(`SELECT 1 FROM findings WHERE id = $1 AND sample_id IS NOT NULL`, [
        findingId,
      ]),
    ).toEqual([]);
  });
});
