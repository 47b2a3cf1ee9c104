import ExcelJS from 'exceljs';
import { randomUUID } from 'node:crypto';
import { createFinding, createInspection, createSweep } from '../factories/field-work';
import { createOfficer } from '../factories/people';
import { CaseWorld, createCaseWorld, expectError } from '../helpers/case-world';
import { proposedOp } from '../helpers/contract';
import type { GraphQLResponse } from '../helpers/test-app';
import { countStatements } from '../helpers/statements';

type Input = Record<string, unknown>;
type Measure = Record<string, any>;

/**
 * 查封、扣押 over HTTP with the proposed operations (docs/contract-next): recording a measure on a
 * finding, its 30-day clock, testing excluded, one extension within the period, release and
 * disposal, the queue, scope, idempotency and the refusals a clerk sees.
 */
describe('compulsory measures (查封、扣押)', () => {
  let w: CaseWorld;
  let colleagueId: string;
  let managerToken: string;

  beforeAll(async () => {
    w = await createCaseWorld();
    const [colleague] = await w.app.query<{ id: string }>(
      `SELECT id FROM officers WHERE bureau_id = $1 AND id <> $2 AND 'INSPECTOR' = ANY(roles) LIMIT 1`,
      [w.bureauId, w.inspector.id],
    );
    colleagueId = colleague.id;
    const [city] = await w.app.query<{ id: string }>(`SELECT id FROM bureaus WHERE code = 'CITY'`);
    managerToken = (await createOfficer(w.app, city.id, ['MANAGER'])).token;
  });
  afterAll(() => w?.app.close());

  function send(
    operation: string,
    input: Input,
    token = w.head.token,
    headers: Record<string, string> = {},
  ): Promise<GraphQLResponse> {
    return w.app.gql(
      proposedOp(operation),
      { input: { idempotencyKey: randomUUID(), ...input } },
      { token, headers },
    );
  }

  function imposeInput(findingId: string, extra: Input = {}): Input {
    return {
      findingId,
      kind: 'SEIZE',
      decisionNumber: `银兴市监扣〔2019〕${randomUUID().slice(0, 8)}号`,
      decidedOn: '2019-04-12',
      approvedById: w.head.id,
      approvedOn: '2019-04-12',
      officerIds: [w.inspector.id, colleagueId],
      items: [
        {
          product: '辣条（麻辣味）',
          specification: '100g/袋',
          lot: '20190301',
          quantity: 240,
          unit: '袋',
          value: '1200.50',
          custodyPlace: '分局涉案物品仓库',
        },
        { product: '面筋', quantity: 12.5, unit: '千克', value: '300', custodyPlace: '现场' },
      ],
      ...extra,
    };
  }

  async function impose(extra: Input = {}, findingId?: string): Promise<Measure> {
    const result = await send(
      'ImposeCompulsoryMeasure',
      imposeInput(findingId ?? (await w.finding()), extra),
      w.inspector.token,
    );
    expect(result.errors).toBeUndefined();
    return result.data!.imposeCompulsoryMeasure.compulsoryMeasure;
  }

  async function move(operation: string, field: string, input: Input, token = w.head.token) {
    const result = await send(operation, input, token);
    expect(result.errors).toBeUndefined();
    return result.data![field].compulsoryMeasure as Measure;
  }

  const auditOf = (id: string) =>
    w.app.query<{ action: string; entity_type: string }>(
      `SELECT action, entity_type FROM audit_events WHERE entity_id = $1 ORDER BY id`,
      [id],
    );

  it('records a seizure on a finding with its list, its clock and an audit event', async () => {
    const findingId = await w.finding();
    const result = await send('ImposeCompulsoryMeasure', imposeInput(findingId), w.inspector.token);
    expect(result.errors).toBeUndefined();
    expect(result.data!.imposeCompulsoryMeasure.replayed).toBe(false);
    const m = result.data!.imposeCompulsoryMeasure.compulsoryMeasure;
    expect(m).toMatchObject({
      kind: 'SEIZE',
      status: 'IN_FORCE',
      version: 1,
      decidedOn: '2019-04-12',
      emergency: false,
      approvedBy: { id: w.head.id },
      itemsValue: '1500.50',
      // 30 days from 12 April, the start day not counted: Sunday 12 May moves to Monday 13 May.
      dueOn: '2019-05-13',
      overdue: true,
      finding: { id: findingId },
      bureau: { id: w.bureauId },
      extension: null,
      release: null,
      disposal: null,
      suspensions: [],
    });
    expect(m.officers.map((o: { id: string }) => o.id).sort()).toEqual(
      [w.inspector.id, colleagueId].sort(),
    );
    expect(m.items).toEqual([
      {
        product: '辣条（麻辣味）',
        specification: '100g/袋',
        lot: '20190301',
        quantity: 240,
        unit: '袋',
        value: '1200.50',
        custodyPlace: '分局涉案物品仓库',
      },
      {
        product: '面筋',
        specification: null,
        lot: null,
        quantity: 12.5,
        unit: '千克',
        value: '300.00',
        custodyPlace: '现场',
      },
    ]);
    expect(m.clock).toEqual({
      startedOn: '2019-04-12',
      dueOn: '2019-05-13',
      extendedBy: 0,
      pausedDays: 0,
      metOn: null,
      overdue: true,
      provisional: false,
      basis: '行政强制法 第二十五条',
    });
    const [row] = await w.app.query(`SELECT * FROM compulsory_measures WHERE id = $1`, [m.id]);
    expect(row).toMatchObject({
      finding_id: findingId,
      bureau_id: w.bureauId,
      status: 'IN_FORCE',
      items_value: '1500.50',
      due_on: '2019-05-13',
    });
    expect(
      await w.app.query(
        `SELECT product, quantity, value FROM compulsory_measure_items WHERE measure_id = $1 ORDER BY position`,
        [m.id],
      ),
    ).toEqual([
      { product: '辣条（麻辣味）', quantity: '240.000', value: '1200.50' },
      { product: '面筋', quantity: '12.500', value: '300.00' },
    ]);
    expect(await auditOf(m.id)).toEqual([
      { action: 'IMPOSE_MEASURE', entity_type: 'CompulsoryMeasure' },
    ]);
    // A measure is its own record: the finding's goods (下架, voluntary removal) stay untouched.
    const [finding] = await w.app.query(`SELECT goods_value FROM findings WHERE id = $1`, [
      findingId,
    ]);
    expect(finding.goods_value).toBeNull();

    const onFinding = await w.app.gql(
      proposedOp('FindingCompulsoryMeasures'),
      { id: findingId },
      { token: w.inspector.token },
    );
    expect(onFinding.data!.finding.compulsoryMeasures).toEqual([
      expect.objectContaining({ id: m.id, kind: 'SEIZE', itemsValue: '1500.50' }),
    ]);
    const one = await w.app.gql(
      proposedOp('CompulsoryMeasure'),
      { id: m.id },
      {
        token: w.head.token,
      },
    );
    expect(one.data!.compulsoryMeasure).toMatchObject({ id: m.id, status: 'IN_FORCE' });
    const node = await w.app.gql(
      proposedOp('CompulsoryMeasureNode'),
      { id: m.id },
      {
        token: w.inspector.token,
      },
    );
    expect(node.data!.node).toEqual({
      id: m.id,
      decisionNumber: m.decisionNumber,
      status: 'IN_FORCE',
    });
  });

  it('replays a repeated imposition, and refuses the same key with another input', async () => {
    const input: Input = { idempotencyKey: randomUUID(), ...imposeInput(await w.finding()) };
    const once = await w.app.gql(
      proposedOp('ImposeCompulsoryMeasure'),
      { input },
      {
        token: w.inspector.token,
      },
    );
    const twice = await w.app.gql(
      proposedOp('ImposeCompulsoryMeasure'),
      { input },
      {
        token: w.inspector.token,
      },
    );
    expect(twice.data!.imposeCompulsoryMeasure).toMatchObject({
      replayed: true,
      compulsoryMeasure: { id: once.data!.imposeCompulsoryMeasure.compulsoryMeasure.id },
    });
    expect(
      await w.app.query(`SELECT id FROM compulsory_measures WHERE decision_number = $1`, [
        input.decisionNumber,
      ]),
    ).toHaveLength(1);
    const other = await w.app.gql(
      proposedOp('ImposeCompulsoryMeasure'),
      { input: { ...input, kind: 'SEAL' } },
      { token: w.inspector.token },
    );
    expectError(other, 'CONFLICT');
  });

  describe('refuses to record', () => {
    it('a decision number already used, as CONFLICT', async () => {
      const first = await impose();
      const again = await send(
        'ImposeCompulsoryMeasure',
        imposeInput(await w.finding(), { decisionNumber: first.decisionNumber }),
        w.inspector.token,
      );
      expectError(again, 'CONFLICT');
    });

    it.each([
      ['a single officer (第十八条)', () => ({ officerIds: [w.inspector.id] }), 'input.officerIds'],
      [
        'an approver who is not the head of the bureau',
        () => ({ approvedById: w.inspector.id }),
        'input.approvedById',
      ],
      [
        'the head of another bureau as approver',
        () => ({ approvedById: w.otherHead.id }),
        'input.approvedById',
      ],
      ['a day before the inspection', () => ({ decidedOn: '2019-04-09' }), 'input.decidedOn'],
      ['a day in the future', () => ({ decidedOn: '2099-01-01' }), 'input.decidedOn'],
      [
        'an approval after the day decided',
        () => ({ approvedOn: '2019-04-13' }),
        'input.approvedOn',
      ],
      [
        'an emergency approval later than 24 hours (第十九条)',
        () => ({ emergency: true, approvedOn: '2019-04-14' }),
        'input.approvedOn',
      ],
      [
        'a list line of zero quantity',
        () => ({
          items: [{ product: '辣条', quantity: 0, unit: '袋', value: '1', custodyPlace: '仓库' }],
        }),
        'input.items[0].quantity',
      ],
    ])('%s, as BAD_USER_INPUT on its field', async (_name, extra, path) => {
      const result = await send(
        'ImposeCompulsoryMeasure',
        imposeInput(await w.finding(), extra()),
        w.inspector.token,
      );
      const fields = expectError(result, 'BAD_USER_INPUT').fields as { path: string }[];
      expect(fields.map((field) => field.path)).toEqual([path]);
    });

    it('an emergency measure approved the next day is accepted', async () => {
      const m = await impose({ emergency: true, approvedOn: '2019-04-13' });
      expect(m).toMatchObject({ emergency: true, approvedOn: '2019-04-13' });
    });

    it('a late emergency approval, in Chinese by default and in English on request', async () => {
      const input = imposeInput(await w.finding(), { emergency: true, approvedOn: '2019-04-14' });
      const zh = await send('ImposeCompulsoryMeasure', input, w.inspector.token);
      expect((expectError(zh, 'BAD_USER_INPUT').fields as { message: string }[])[0].message).toBe(
        '情况紧急当场实施的，须在二十四小时内补办批准手续，即不晚于2019-04-13（《行政强制法》第十九条）',
      );
      const en = await send('ImposeCompulsoryMeasure', input, w.inspector.token, {
        'accept-language': 'en',
      });
      expect((expectError(en, 'BAD_USER_INPUT').fields as { message: string }[])[0].message).toBe(
        'In an emergency the approval follows within 24 hours, by 2019-04-13 (行政强制法 第十九条)',
      );
    });

    it('on a finding outside the bureau, as NOT_FOUND', async () => {
      const result = await send(
        'ImposeCompulsoryMeasure',
        imposeInput(await w.finding()),
        w.otherHead.token,
      );
      expectError(result, 'NOT_FOUND');
      expect(
        await w.app.query(`SELECT id FROM compulsory_measures WHERE created_by_id = $1`, [
          w.otherHead.id,
        ]),
      ).toEqual([]);
    });
  });

  it('excludes testing from the clock, extends once within the period, and releases', async () => {
    const m = await impose();
    const suspended = await move(
      'SuspendCompulsoryMeasure',
      'suspendCompulsoryMeasure',
      { measureId: m.id, expectedVersion: 1, reason: 'TESTING', from: '2019-04-15', note: '送检' },
      w.inspector.token,
    );
    expect(suspended).toMatchObject({
      version: 2,
      status: 'IN_FORCE',
      overdue: false,
      suspensions: [{ reason: 'TESTING', from: '2019-04-15', to: null, note: '送检' }],
    });
    const blocked = await send('ExtendCompulsoryMeasure', {
      measureId: m.id,
      expectedVersion: 2,
      days: 30,
      extendedOn: '2019-04-20',
      approvedById: w.head.id,
      reason: '检验结果未出',
    });
    expect(expectError(blocked, 'INVALID_STATE')).toMatchObject({
      from: 'SUSPENDED',
      action: 'EXTEND',
    });
    const stale = await send(
      'ResumeCompulsoryMeasure',
      { measureId: m.id, expectedVersion: 1, resumedOn: '2019-04-24' },
      w.inspector.token,
    );
    expect(expectError(stale, 'CONFLICT')).toMatchObject({ currentVersion: 2 });
    const resumed = await move(
      'ResumeCompulsoryMeasure',
      'resumeCompulsoryMeasure',
      { measureId: m.id, expectedVersion: 2, resumedOn: '2019-04-24' },
      w.inspector.token,
    );
    // Ten days of testing (15–24 April) are not counted: due Wednesday 22 May.
    expect(resumed.clock).toMatchObject({ dueOn: '2019-05-22', pausedDays: 10 });
    expect(resumed).toMatchObject({ version: 3, dueOn: '2019-05-22', overdue: true });

    const byInspector = await send(
      'ExtendCompulsoryMeasure',
      {
        measureId: m.id,
        expectedVersion: 3,
        days: 30,
        extendedOn: '2019-05-20',
        approvedById: w.head.id,
        reason: '案情复杂',
      },
      w.inspector.token,
    );
    expectError(byInspector, 'FORBIDDEN');
    const extended = await move('ExtendCompulsoryMeasure', 'extendCompulsoryMeasure', {
      measureId: m.id,
      expectedVersion: 3,
      days: 30,
      extendedOn: '2019-05-20',
      approvedById: w.head.id,
      reason: '案情复杂，需进一步调查',
    });
    expect(extended).toMatchObject({
      status: 'EXTENDED',
      version: 4,
      dueOn: '2019-06-21',
      extension: {
        days: 30,
        extendedOn: '2019-05-20',
        reason: '案情复杂，需进一步调查',
        approvedBy: { id: w.head.id },
      },
    });
    expect(extended.clock).toMatchObject({ extendedBy: 30, dueOn: '2019-06-21' });
    const twice = await send('ExtendCompulsoryMeasure', {
      measureId: m.id,
      expectedVersion: 4,
      days: 10,
      extendedOn: '2019-05-21',
      approvedById: w.head.id,
      reason: '再次延长',
    });
    expect(expectError(twice, 'INVALID_STATE')).toMatchObject({
      from: 'EXTENDED',
      action: 'EXTEND',
    });

    // the term runs to 2019-06-21: a release before it is not for the term expired
    const early = await send('ReleaseCompulsoryMeasure', {
      measureId: m.id,
      expectedVersion: 4,
      releasedOn: '2019-06-01',
      reason: 'TERM_EXPIRED',
    });
    expect(expectError(early, 'BAD_USER_INPUT').fields).toEqual([
      {
        path: 'input.reason',
        message:
          '查封、扣押期限至2019-06-21届满，此前解除不能以期限届满为由（《行政强制法》第二十八条第一款第四项）',
      },
    ]);
    const released = await move('ReleaseCompulsoryMeasure', 'releaseCompulsoryMeasure', {
      measureId: m.id,
      expectedVersion: 4,
      releasedOn: '2019-06-01',
      reason: 'NO_VIOLATION',
      note: '检验合格',
    });
    expect(released).toMatchObject({
      status: 'RELEASED',
      overdue: false,
      release: { releasedOn: '2019-06-01', reason: 'NO_VIOLATION', note: '检验合格' },
    });
    expect(released.clock).toMatchObject({ metOn: '2019-06-01', overdue: false });
    const after = await send('DisposeCompulsoryMeasure', {
      measureId: m.id,
      expectedVersion: 5,
      disposedOn: '2019-06-02',
      disposal: 'DESTROYED',
    });
    expect(expectError(after, 'INVALID_STATE')).toMatchObject({
      from: 'RELEASED',
      action: 'DISPOSE',
    });
    expect((await auditOf(m.id)).map((row) => row.action)).toEqual([
      'IMPOSE_MEASURE',
      'SUSPEND_MEASURE',
      'RESUME_MEASURE',
      'EXTEND_MEASURE',
      'RELEASE_MEASURE',
    ]);
    const trail = `query Trail($id: ID!) {
      auditTrail(entityType: "CompulsoryMeasure", entityId: $id) { action entityType before after }
    }`;
    const own = await w.app.gql(trail, { id: m.id }, { token: w.head.token });
    expect(own.data!.auditTrail.map((event: { action: string }) => event.action)).toEqual([
      'IMPOSE_MEASURE',
      'SUSPEND_MEASURE',
      'RESUME_MEASURE',
      'EXTEND_MEASURE',
      'RELEASE_MEASURE',
    ]);
    expect(own.data!.auditTrail[4]).toMatchObject({
      entityType: 'CompulsoryMeasure',
      before: { status: 'EXTENDED' },
      after: { status: 'RELEASED', releasedOn: '2019-06-01' },
    });
    expectError(await w.app.gql(trail, { id: m.id }, { token: w.otherHead.token }), 'NOT_FOUND');
    const [row] = await w.app.query(
      `SELECT status, extended_by, released_on, release_reason, suspended_from FROM compulsory_measures WHERE id = $1`,
      [m.id],
    );
    expect(row).toEqual({
      status: 'RELEASED',
      extended_by: 30,
      released_on: '2019-06-01',
      release_reason: 'NO_VIOLATION',
      suspended_from: null,
    });
  });

  it('refuses an extension after the due day (第二十五条), in both languages', async () => {
    const m = await impose();
    const input = {
      measureId: m.id,
      expectedVersion: 1,
      days: 30,
      extendedOn: '2019-05-14',
      approvedById: w.head.id,
      reason: '逾期后申请延长',
    };
    const zh = await send('ExtendCompulsoryMeasure', input);
    expect(expectError(zh, 'INVALID_STATE')).toMatchObject({ from: 'IN_FORCE', action: 'EXTEND' });
    expect(zh.errors![0].message).toBe(
      '查封扣押当前状态（实施中）下不能延长期限：延长须在期限内决定，本措施期限已于2019-05-13届满（《行政强制法》第二十五条）',
    );
    const en = await send('ExtendCompulsoryMeasure', input, w.head.token, {
      'accept-language': 'en',
    });
    expect(en.errors![0].message).toBe(
      'A measure that is in force cannot extend it: an extension is decided within the period, which ended on 2019-05-13 (行政强制法 第二十五条)',
    );
    const [row] = await w.app.query(
      `SELECT version, status FROM compulsory_measures WHERE id = $1`,
      [m.id],
    );
    expect(row).toEqual({ version: 1, status: 'IN_FORCE' });
  });

  it('confiscates only by the case decision, which the disposal then links', async () => {
    const findingId = await w.finding('B');
    const m = await impose({}, findingId);
    const early = await send('DisposeCompulsoryMeasure', {
      measureId: m.id,
      expectedVersion: 1,
      disposedOn: '2019-05-01',
      disposal: 'CONFISCATED',
    });
    expect(
      (expectError(early, 'BAD_USER_INPUT').fields as { path: string }[]).map((f) => f.path),
    ).toEqual(['input.disposal']);
    const c = await w.open([findingId]);
    await w.move('DecideCase', 'decideCase', {
      caseId: c.id,
      expectedVersion: c.version,
      decisionNumber: `银兴市监罚〔2019〕${randomUUID().slice(0, 6)}号`,
      decidedOn: '2019-04-30',
      penalties: ['FINE', 'CONFISCATE_ILLEGAL_PROPERTY'],
      fine: '2000.00',
      confiscatedGoodsValue: '1500.50',
    });
    const disposed = await move('DisposeCompulsoryMeasure', 'disposeCompulsoryMeasure', {
      measureId: m.id,
      expectedVersion: 1,
      disposedOn: '2019-05-01',
      disposal: 'CONFISCATED',
      note: '依处罚决定没收',
    });
    expect(disposed).toMatchObject({
      status: 'DISPOSED',
      disposal: { disposedOn: '2019-05-01', disposal: 'CONFISCATED', case: { id: c.id } },
    });
    expect(disposed.clock).toMatchObject({ metOn: '2019-05-01', overdue: false });
    const onCase = await w.app.gql(
      proposedOp('CaseCompulsoryMeasures'),
      { id: c.id },
      {
        token: w.head.token,
      },
    );
    expect(onCase.data!.case.compulsoryMeasures).toEqual([
      expect.objectContaining({
        id: m.id,
        status: 'DISPOSED',
        disposal: { disposal: 'CONFISCATED', case: { id: c.id } },
      }),
    ]);
  });

  /** A finding of the first bureau's premises in a sweep of its own, so its lists hold only what a test makes. */
  async function sweepWithFinding(): Promise<{
    sweepId: string;
    categoryIds: Map<string, string>;
    finding(premises?: 'A' | 'B', category?: string, goodsValue?: string): Promise<string>;
  }> {
    const [city] = await w.app.query<{ id: string }>(`SELECT id FROM bureaus WHERE code = 'CITY'`);
    const sweep = await createSweep(w.app, { leadBureauId: city.id });
    return {
      sweepId: sweep.id,
      categoryIds: sweep.categoryIds,
      async finding(premises = 'A', category = 'SEASONED_FLOUR_PRODUCTS', goodsValue) {
        const inspection = await createInspection(w.app, {
          sweepId: sweep.id,
          categoryId: sweep.categoryIds.get(category)!,
          premisesId: premises === 'A' ? w.premisesA : w.premisesB,
          officerIds: [w.inspector.id, colleagueId],
          inspectedAt: new Date('2019-04-10T02:00:00Z'),
        });
        return (await createFinding(w.app, { inspectionId: inspection.id, goodsValue })).id;
      },
    };
  }

  describe('the queue (查封扣押台账)', () => {
    let sweep: string;
    let measures: Measure[];

    beforeAll(async () => {
      const own = await sweepWithFinding();
      sweep = own.sweepId;
      measures = [
        await impose({ decidedOn: '2019-04-20', approvedOn: '2019-04-20' }, await own.finding()),
        await impose({ decidedOn: '2019-04-12', kind: 'SEAL' }, await own.finding()),
        await impose({ decidedOn: '2019-04-15', approvedOn: '2019-04-15' }, await own.finding()),
      ];
      await move('ReleaseCompulsoryMeasure', 'releaseCompulsoryMeasure', {
        measureId: measures[2].id,
        expectedVersion: 1,
        releasedOn: '2019-05-15',
        reason: 'TERM_EXPIRED',
      });
    });

    async function queue(variables: Input, token = w.head.token) {
      const result = await w.app.gql(
        proposedOp('CompulsoryMeasuresDue'),
        { ...variables, filter: { sweepId: sweep, ...((variables.filter as Input) ?? {}) } },
        { token },
      );
      expect(result.errors).toBeUndefined();
      return result.data!.compulsoryMeasures;
    }

    it('lists measures by due day, filters overdue and kind, and pages with cursors', async () => {
      const all = await queue({ orderBy: { field: 'DUE_ON', direction: 'ASC' } });
      expect(all.totalCount).toBe(3);
      expect(all.edges.map((e: { node: Measure }) => e.node.id)).toEqual([
        measures[1].id,
        measures[2].id,
        measures[0].id,
      ]);
      const overdue = await queue({ filter: { overdue: true } });
      expect(overdue.edges.map((e: { node: Measure }) => e.node.id)).toEqual([
        measures[1].id,
        measures[0].id,
      ]);
      const sealed = await queue({ filter: { kind: 'SEAL' } });
      expect(sealed.edges.map((e: { node: Measure }) => e.node.id)).toEqual([measures[1].id]);
      const released = await queue({ filter: { statuses: ['RELEASED'], overdue: false } });
      expect(released.edges.map((e: { node: Measure }) => e.node.id)).toEqual([measures[2].id]);
      const byDecision = await queue({
        orderBy: { field: 'DECIDED_ON', direction: 'DESC' },
        first: 2,
      });
      expect(byDecision.edges.map((e: { node: Measure }) => e.node.id)).toEqual([
        measures[0].id,
        measures[2].id,
      ]);
      expect(byDecision.pageInfo.hasNextPage).toBe(true);
      const next = await queue({
        orderBy: { field: 'DECIDED_ON', direction: 'DESC' },
        first: 2,
        after: byDecision.pageInfo.endCursor,
      });
      expect(next.edges.map((e: { node: Measure }) => e.node.id)).toEqual([measures[1].id]);
      expect(next.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    });

    it('reads a page of 3 with clocks, lists and officers in as many SQL statements as a page of 1', async () => {
      const fragment = proposedOp('CompulsoryMeasure').slice(
        proposedOp('CompulsoryMeasure').indexOf('fragment'),
      );
      const document = `query Page($filter: CompulsoryMeasureFilter, $first: Int) {
        compulsoryMeasures(filter: $filter, first: $first) { nodes { ...CompulsoryMeasureFields } }
      }
      ${fragment}`;
      async function statements(first: number): Promise<number> {
        const { result, count } = await countStatements(w.app, () =>
          w.app.gql(document, { filter: { sweepId: sweep }, first }, { token: w.head.token }),
        );
        expect(result.errors).toBeUndefined();
        expect(result.data!.compulsoryMeasures.nodes).toHaveLength(first);
        return count;
      }
      const one = await statements(1);
      expect(one).toBeGreaterThan(0);
      expect(await statements(3)).toBe(one);
    });

    it('shows another bureau nothing, and reading one of them is NOT_FOUND', async () => {
      expect((await queue({}, w.otherHead.token)).totalCount).toBe(0);
      const one = await w.app.gql(
        proposedOp('CompulsoryMeasure'),
        { id: measures[0].id },
        {
          token: w.otherHead.token,
        },
      );
      expect(one.data!.compulsoryMeasure).toBeNull();
      expectError(one, 'NOT_FOUND');
      const release = await send(
        'ReleaseCompulsoryMeasure',
        {
          measureId: measures[0].id,
          expectedVersion: 1,
          releasedOn: '2019-05-01',
          reason: 'OTHER',
        },
        w.otherHead.token,
      );
      expectError(release, 'NOT_FOUND');
      expect((await queue({}, managerToken)).totalCount).toBe(3);
    });
  });

  describe('in the progress figures (查封扣押（批次，货值）)', () => {
    let sweepId: string;

    beforeAll(async () => {
      const own = await sweepWithFinding();
      sweepId = own.sweepId;
      // 100.00 removed from sale voluntarily (下架) on the first finding, apart from its measure.
      await impose(
        { decidedOn: '2019-04-12' },
        await own.finding('A', 'SEASONED_FLOUR_PRODUCTS', '100.00'),
      );
      await impose(
        {
          decidedOn: '2019-04-20',
          approvedOn: '2019-04-20',
          kind: 'SEAL',
          items: [
            { product: '散装饼干', quantity: 3, unit: '箱', value: '99.99', custodyPlace: '现场' },
          ],
        },
        await own.finding('B', 'CAMPUS_FOOD'),
      );
      await own.finding('B', 'SEASONED_FLOUR_PRODUCTS');
    });

    async function figures(filter: Input | null) {
      const result = await w.app.gql(
        proposedOp('CompulsoryMeasuresProgress'),
        { sweepId, filter },
        { token: managerToken },
      );
      expect(result.errors).toBeUndefined();
      return result.data!.sweepProgress;
    }

    const category = (progress: any, code: string) =>
      progress.byCategory.find((row: any) => row.category.code === code).figures;
    const bureauRow = (progress: any) =>
      progress.byBureau.find((row: any) => row.bureau.id === w.bureauId).figures;

    it.each([
      ['open-ended (from the summaries)', null],
      ['with a from day (from the raw tables)', { from: '2019-04-01' }],
    ])('counts measures and their value, and adds it to 下架、查扣, %s', async (_name, filter) => {
      const progress = await figures(filter);
      const both = {
        compulsoryMeasures: 2,
        compulsoryMeasuresValue: '1600.49',
        goodsRemovedValue: '1700.49',
      };
      expect(progress.totals).toEqual(both);
      expect(bureauRow(progress)).toEqual(both);
      expect(category(progress, 'SEASONED_FLOUR_PRODUCTS')).toEqual({
        compulsoryMeasures: 1,
        compulsoryMeasuresValue: '1500.50',
        goodsRemovedValue: '1600.50',
      });
      expect(category(progress, 'CAMPUS_FOOD')).toEqual({
        compulsoryMeasures: 1,
        compulsoryMeasuresValue: '99.99',
        goodsRemovedValue: '99.99',
      });
      expect(progress.summaryText).toContain('下架查扣问题产品货值1700.49元');
    });

    it('counts only measures decided by the as-of day', async () => {
      const progress = await figures({ to: '2019-04-15' });
      expect(progress.totals).toEqual({
        compulsoryMeasures: 1,
        compulsoryMeasuresValue: '1500.50',
        goodsRemovedValue: '1600.50',
      });
      expect(category(progress, 'CAMPUS_FOOD').compulsoryMeasures).toBe(0);
    });

    it('lists them in the workbook, totals and bureau rows alike', async () => {
      const response = await w.app.get(`/reports/sweeps/${sweepId}/progress.xlsx`, {
        token: managerToken,
      });
      expect(response.status).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(await response.arrayBuffer());
      const summary = workbook.getWorksheet('汇总')!;
      const headers = summary.getRow(1).values as unknown[];
      const count = headers.indexOf('查封扣押（批次）');
      const value = headers.indexOf('查封扣押（货值元）');
      const removed = headers.indexOf('下架、查扣（货值元）');
      expect([count, value].every((index) => index > 0)).toBe(true);
      const totals = summary.getRow(2);
      expect(totals.getCell(1).value).toBe('合计');
      expect(totals.getCell(count).value).toBe(2);
      expect(totals.getCell(value).value).toBe(1600.49);
      expect(totals.getCell(removed).value).toBe(1700.49);
      const [bureau] = await w.app.query<{ name: string }>(
        `SELECT name FROM bureaus WHERE id = $1`,
        [w.bureauId],
      );
      const rows = summary.getRows(2, summary.rowCount - 1)!;
      const row = rows.find((candidate) => candidate.getCell(1).value === bureau.name)!;
      expect(row.getCell(count).value).toBe(2);
      expect(row.getCell(value).value).toBe(1600.49);
      const categories = workbook.getWorksheet('分类别')!;
      expect(categories.getRow(1).getCell(count).value).toBe('查封扣押（批次）');
      const seasoned = categories
        .getRows(2, categories.rowCount - 1)!
        .find((candidate) => candidate.getCell(1).value === '调味面制品')!;
      expect(seasoned.getCell(value).value).toBe(1500.5);
    });
  });

  describe('when a year of holidays is loaded', () => {
    it('recomputes the provisional due day of a measure in force, with an audit event', async () => {
      // 2019 as if its notice were not loaded yet: the clock counts weekends only, provisional.
      const days = await w.app.query<{ date: string; kind: string; name: string }>(
        `SELECT to_char(day, 'YYYY-MM-DD') AS date,
                CASE WHEN working_day THEN 'WORKDAY' ELSE 'HOLIDAY' END AS kind, name
           FROM calendar_exceptions WHERE day BETWEEN '2019-01-01' AND '2019-12-31' ORDER BY day`,
      );
      expect(days.length).toBeGreaterThan(20);
      await w.app.query(
        `DELETE FROM calendar_exceptions WHERE day BETWEEN '2019-01-01' AND '2019-12-31'`,
      );
      await w.app.query(`DELETE FROM holiday_years WHERE year = 2019`);
      const m = await impose(
        { decidedOn: '2019-04-02', approvedOn: '2019-04-02' },
        await w.finding('A', '2019-04-01T02:00:00Z'),
      );
      expect(m.clock).toMatchObject({ dueOn: '2019-05-02', provisional: true });

      const loaded = await w.app.gql(
        'LoadHolidayYear',
        { input: { year: 2019, notice: '国办发明电〔2019〕3号', days } },
        { token: w.managerToken },
      );
      expect(loaded.errors).toBeUndefined();
      // The count also holds the factory's findings, whose stored filing due days were made up.
      expect(loaded.data!.loadHolidayYear.recomputedDeadlines).toBeGreaterThanOrEqual(1);
      // 2 May is a May Day holiday: the last day moves to Sunday 5 May, worked in exchange.
      const [row] = await w.app.query(
        `SELECT to_char(due_on, 'YYYY-MM-DD') AS due_on FROM compulsory_measures WHERE id = $1`,
        [m.id],
      );
      expect(row.due_on).toBe('2019-05-05');
      const read = await w.app.gql(
        proposedOp('CompulsoryMeasure'),
        { id: m.id },
        {
          token: w.head.token,
        },
      );
      expect(read.data!.compulsoryMeasure.clock).toMatchObject({
        dueOn: '2019-05-05',
        provisional: false,
      });
      expect((await auditOf(m.id)).map((event) => event.action)).toEqual([
        'IMPOSE_MEASURE',
        'RECOMPUTE_DEADLINES',
      ]);
    });
  });
});
