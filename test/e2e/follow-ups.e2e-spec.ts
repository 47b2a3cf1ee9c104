import { randomUUID } from 'node:crypto';
import { overdueSql } from '../../src/follow-ups/overdue';
import {
  createFinding,
  createInspection,
  createPremises,
  createSweep,
  FindingOverrides,
} from '../factories/field-work';
import { createBureau, createOfficer, OfficerRecord } from '../factories/people';
import { GraphQLResponse, startTestApp, TestApp } from '../helpers/test-app';

/** Everything about a finding's follow-ups, for operations whose contract selection is shorter. */
const FINDING_FIELDS = `
  replayed
  finding {
    id status version rectificationDeadline caseNumber penaltyDecisionDue fine confiscation
    followUps {
      id action fromStatus toStatus at dueDate documentNumber fine confiscation note
      officer { id }
      officers { id }
    }
  }`;

const MUTATIONS = {
  orderRectification: 'OrderRectificationInput',
  recordReinspection: 'RecordReinspectionInput',
  fileCase: 'FileCaseInput',
  decidePenalty: 'DecidePenaltyInput',
  transferToPolice: 'TransferToPoliceInput',
  closeFinding: 'CloseFindingInput',
} as const;
type Mutation = keyof typeof MUTATIONS;

function fullDocument(mutation: Mutation): string {
  return `mutation Full($input: ${MUTATIONS[mutation]}!) { ${mutation}(input: $input) { ${FINDING_FIELDS} } }`;
}

interface FollowUpView {
  action: string;
  fromStatus: string;
  toStatus: string;
  at: string;
  dueDate: string | null;
  documentNumber: string | null;
  fine: string | null;
  confiscation: string | null;
  note: string | null;
  officer: { id: string };
  officers: { id: string }[];
}

interface FindingView {
  id: string;
  status: string;
  version: number;
  rectificationDeadline: string | null;
  caseNumber: string | null;
  penaltyDecisionDue: string | null;
  fine: string | null;
  confiscation: string | null;
  followUps: FollowUpView[];
}

type Payload = GraphQLResponse<Record<string, { replayed: boolean; finding: FindingView }>>;

describe('the follow-up workflow (后续处置)', () => {
  let app: TestApp;
  let managerToken: string;
  let inspector: OfficerRecord;
  let colleague: OfficerRecord;
  let supervisor: OfficerRecord;
  let outsider: OfficerRecord;
  let outsideSupervisor: OfficerRecord;
  let sweepId: string;
  let categoryId: string;
  let premisesId: string;

  beforeAll(async () => {
    app = await startTestApp();
    managerToken = await app.adminToken();
    const bureau = await createBureau(app);
    const otherBureau = await createBureau(app);
    inspector = await createOfficer(app, bureau.id, ['INSPECTOR']);
    colleague = await createOfficer(app, bureau.id, ['INSPECTOR']);
    supervisor = await createOfficer(app, bureau.id, ['SUPERVISOR']);
    outsider = await createOfficer(app, otherBureau.id, ['INSPECTOR']);
    outsideSupervisor = await createOfficer(app, otherBureau.id, ['SUPERVISOR']);
    const [city] = await app.query<{ id: string }>(`SELECT id FROM bureaus WHERE code = 'CITY'`);
    const sweep = await createSweep(app, { leadBureauId: city.id });
    sweepId = sweep.id;
    categoryId = sweep.categoryIds.get('SEASONED_FLOUR_PRODUCTS')!;
    premisesId = (await createPremises(app, { bureauId: bureau.id })).id;
  });
  afterAll(() => app.close());

  /** A finding of an inspection on 2019-03-20 (Shanghai) in the inspector's bureau. */
  async function newFinding(
    overrides: Partial<FindingOverrides> = {},
    inspection: { sweepId?: string; voided?: boolean } = {},
  ): Promise<string> {
    const { id } = await createInspection(app, {
      sweepId: inspection.sweepId ?? sweepId,
      categoryId,
      premisesId,
      officerIds: [inspector.id, colleague.id],
      voided: inspection.voided,
    });
    return (await createFinding(app, { inspectionId: id, ...overrides })).id;
  }

  async function send(
    mutation: Mutation,
    input: Record<string, unknown>,
    token: string,
    document = fullDocument(mutation),
  ): Promise<Payload> {
    return app.gql(document, { input: { idempotencyKey: randomUUID(), ...input } }, { token });
  }

  /** Sends a follow-up that must succeed and returns the finding as it stands after it. */
  async function succeed(
    mutation: Mutation,
    input: Record<string, unknown>,
    token: string,
  ): Promise<FindingView> {
    const result = await send(mutation, input, token);
    expect(result.errors).toBeUndefined();
    expect(result.data![mutation].replayed).toBe(false);
    return result.data![mutation].finding;
  }

  async function stored(findingId: string) {
    const [finding] = await app.query<Record<string, unknown>>(
      `SELECT status, version, rectification_ordered, to_char(rectification_deadline, 'YYYY-MM-DD') AS rectification_deadline,
         case_number, to_char(case_filed_on, 'YYYY-MM-DD') AS case_filed_on,
         to_char(penalty_decision_due, 'YYYY-MM-DD') AS penalty_decision_due, decision_number,
         to_char(decided_on, 'YYYY-MM-DD') AS decided_on, fine, confiscation,
         to_char(transferred_on, 'YYYY-MM-DD') AS transferred_on, closed_reason
       FROM findings WHERE id = $1`,
      [findingId],
    );
    const followUps = await app.query<Record<string, unknown>>(
      `SELECT action, from_status, to_status, officer_id, officer_ids, document_number, fine, confiscation
       FROM follow_ups WHERE finding_id = $1 ORDER BY recorded_at`,
      [findingId],
    );
    const audit = await app.query<{
      action: string;
      actor_id: string;
      request_id: string | null;
      before: { status: string };
      after: { status: string; version: number };
    }>(
      `SELECT action, actor_id, request_id, before, after FROM audit_events WHERE entity_type = 'Finding' AND entity_id = $1 ORDER BY id`,
      [findingId],
    );
    return { finding, followUps, audit };
  }

  function expectError(result: GraphQLResponse, code: string): Record<string, unknown> {
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0].extensions!.code).toBe(code);
    return result.errors![0].extensions!;
  }

  const order = (findingId: string, expectedVersion: number, extra = {}) => ({
    findingId,
    expectedVersion,
    deadline: '2019-04-05',
    orderedOn: '2019-03-21',
    documentNumber: '银兴市监责改〔2019〕7号',
    ...extra,
  });
  const reinspection = (findingId: string, expectedVersion: number, extra = {}) => ({
    findingId,
    expectedVersion,
    passed: true,
    inspectedAt: '2019-04-03T10:30:00+08:00',
    officerIds: [inspector.id, colleague.id],
    ...extra,
  });
  const caseFiling = (findingId: string, expectedVersion: number, extra = {}) => ({
    findingId,
    expectedVersion,
    caseNumber: '银兴市监立〔2019〕12号',
    filedOn: '2019-04-10',
    ...extra,
  });
  const penalty = (findingId: string, expectedVersion: number, extra = {}) => ({
    findingId,
    expectedVersion,
    decisionNumber: '银兴市监罚〔2019〕3号',
    decidedOn: '2019-05-20',
    fine: '5000',
    ...extra,
  });
  const transfer = (findingId: string, expectedVersion: number, extra = {}) => ({
    findingId,
    expectedVersion,
    documentNumber: '银兴市监移〔2019〕1号',
    transferredOn: '2019-03-25',
    ...extra,
  });
  const closing = (findingId: string, expectedVersion: number, extra = {}) => ({
    findingId,
    expectedVersion,
    reason: '处罚已执行完毕',
    ...extra,
  });

  describe('every branch of the workflow', () => {
    it('orders rectification through the contract operation and resolves the finding on a passed re-inspection', async () => {
      const findingId = await newFinding();
      const ordered = await app.gql(
        'OrderRectification',
        { input: { idempotencyKey: randomUUID(), ...order(findingId, 1) } },
        { token: inspector.token },
      );
      expect(ordered.errors).toBeUndefined();
      expect(ordered.data!.orderRectification).toEqual({
        replayed: false,
        finding: {
          id: findingId,
          status: 'RECTIFYING',
          version: 2,
          rectificationDeadline: '2019-04-05',
          followUps: [
            {
              action: 'RECTIFICATION_ORDERED',
              at: '2019-03-20T16:00:00.000Z',
              dueDate: '2019-04-05',
              documentNumber: '银兴市监责改〔2019〕7号',
              officer: { id: inspector.id },
            },
          ],
        },
      });

      const passed = await app.gql(
        'RecordReinspection',
        { input: { idempotencyKey: randomUUID(), ...reinspection(findingId, 2) } },
        { token: colleague.token },
      );
      expect(passed.errors).toBeUndefined();
      expect(passed.data!.recordReinspection).toEqual({
        replayed: false,
        finding: {
          id: findingId,
          status: 'RESOLVED',
          version: 3,
          rectificationDeadline: '2019-04-05',
        },
      });

      const { finding, followUps, audit } = await stored(findingId);
      expect(finding).toMatchObject({
        status: 'RESOLVED',
        version: 3,
        rectification_ordered: true,
      });
      expect(followUps).toEqual([
        expect.objectContaining({
          action: 'RECTIFICATION_ORDERED',
          from_status: 'OPEN',
          to_status: 'RECTIFYING',
          officer_id: inspector.id,
        }),
        expect.objectContaining({
          action: 'REINSPECTION_PASSED',
          from_status: 'RECTIFYING',
          to_status: 'RESOLVED',
          officer_id: colleague.id,
          officer_ids: [inspector.id, colleague.id],
        }),
      ]);
      expect(audit.map((event) => [event.action, event.before.status, event.after.status])).toEqual(
        [
          ['RECTIFICATION_ORDERED', 'OPEN', 'RECTIFYING'],
          ['REINSPECTION_PASSED', 'RECTIFYING', 'RESOLVED'],
        ],
      );
    });

    it('keeps rectifying with a new deadline after a failed re-inspection, then resolves', async () => {
      const findingId = await newFinding();
      await succeed('orderRectification', order(findingId, 1), inspector.token);
      const failed = await succeed(
        'recordReinspection',
        reinspection(findingId, 2, {
          passed: false,
          newDeadline: '2019-04-20',
          note: '仍有三无产品',
        }),
        inspector.token,
      );
      expect(failed).toMatchObject({
        status: 'RECTIFYING',
        version: 3,
        rectificationDeadline: '2019-04-20',
      });
      expect(failed.followUps[1]).toEqual({
        id: expect.any(String),
        action: 'REINSPECTION_FAILED',
        fromStatus: 'RECTIFYING',
        toStatus: 'RECTIFYING',
        at: '2019-04-03T02:30:00.000Z',
        dueDate: '2019-04-20',
        documentNumber: null,
        fine: null,
        confiscation: null,
        note: '仍有三无产品',
        officer: { id: inspector.id },
        officers: [{ id: inspector.id }, { id: colleague.id }],
      });

      const resolved = await succeed(
        'recordReinspection',
        reinspection(findingId, 3, { inspectedAt: '2019-04-19T09:00:00+08:00' }),
        inspector.token,
      );
      expect(resolved).toMatchObject({ status: 'RESOLVED', version: 4 });
      expect(resolved.followUps.map((followUp) => followUp.action)).toEqual([
        'RECTIFICATION_ORDERED',
        'REINSPECTION_FAILED',
        'REINSPECTION_PASSED',
      ]);
      expect((await stored(findingId)).audit).toHaveLength(3);
    });

    it('files a case after a failed rectification, decides a penalty and closes it', async () => {
      const findingId = await newFinding();
      await succeed('orderRectification', order(findingId, 1), inspector.token);
      await succeed(
        'recordReinspection',
        reinspection(findingId, 2, { passed: false, newDeadline: '2019-04-08' }),
        inspector.token,
      );
      const filed = await app.gql(
        'FileCase',
        { input: { idempotencyKey: randomUUID(), ...caseFiling(findingId, 3) } },
        { token: supervisor.token },
      );
      expect(filed.errors).toBeUndefined();
      expect(filed.data!.fileCase).toEqual({
        replayed: false,
        finding: {
          id: findingId,
          status: 'CASE_FILED',
          version: 4,
          caseNumber: '银兴市监立〔2019〕12号',
        },
      });

      const decided = await app.gql(
        'DecidePenalty',
        { input: { idempotencyKey: randomUUID(), ...penalty(findingId, 4) } },
        { token: supervisor.token },
      );
      expect(decided.errors).toBeUndefined();
      expect(decided.data!.decidePenalty).toEqual({
        replayed: false,
        finding: {
          id: findingId,
          status: 'PENALIZED',
          version: 5,
          fine: '5000.00',
          confiscation: null,
        },
      });

      const closed = await app.gql(
        'CloseFinding',
        { input: { idempotencyKey: randomUUID(), ...closing(findingId, 5) } },
        { token: supervisor.token },
      );
      expect(closed.errors).toBeUndefined();
      expect(closed.data!.closeFinding).toEqual({
        replayed: false,
        finding: { id: findingId, status: 'CLOSED', version: 6 },
      });

      const { finding, followUps, audit } = await stored(findingId);
      expect(finding).toMatchObject({
        status: 'CLOSED',
        version: 6,
        rectification_deadline: '2019-04-08',
        case_number: '银兴市监立〔2019〕12号',
        case_filed_on: '2019-04-10',
        decision_number: '银兴市监罚〔2019〕3号',
        decided_on: '2019-05-20',
        fine: '5000.00',
        confiscation: null,
        closed_reason: '处罚已执行完毕',
      });
      expect(followUps.map((row) => [row.action, row.from_status, row.to_status])).toEqual([
        ['RECTIFICATION_ORDERED', 'OPEN', 'RECTIFYING'],
        ['REINSPECTION_FAILED', 'RECTIFYING', 'RECTIFYING'],
        ['CASE_FILED', 'RECTIFYING', 'CASE_FILED'],
        ['PENALTY_DECIDED', 'CASE_FILED', 'PENALIZED'],
        ['CLOSED', 'PENALIZED', 'CLOSED'],
      ]);
      expect(audit.map((event) => event.action)).toEqual([
        'RECTIFICATION_ORDERED',
        'REINSPECTION_FAILED',
        'CASE_FILED',
        'PENALTY_DECIDED',
        'CLOSED',
      ]);
      expect(audit[4].before.status).toBe('PENALIZED');
      expect(audit[4].after).toMatchObject({ status: 'CLOSED', version: 6 });
    });

    it('sets the penalty decision due day 90 calendar days after filing (第六十四条)', async () => {
      const findingId = await newFinding();
      const filed = await succeed('fileCase', caseFiling(findingId, 1), supervisor.token);
      expect(filed).toMatchObject({
        status: 'CASE_FILED',
        version: 2,
        penaltyDecisionDue: '2019-07-09',
      });
      expect(filed.followUps).toEqual([
        expect.objectContaining({
          action: 'CASE_FILED',
          fromStatus: 'OPEN',
          at: '2019-04-09T16:00:00.000Z',
          dueDate: '2019-07-09',
          documentNumber: '银兴市监立〔2019〕12号',
          officer: { id: supervisor.id },
          officers: [],
        }),
      ]);
      expect((await stored(findingId)).finding).toMatchObject({
        case_filed_on: '2019-04-10',
        penalty_decision_due: '2019-07-09',
      });
    });

    it('closes a filed case without a penalty when the case is dismissed, as a manager', async () => {
      const findingId = await newFinding();
      await succeed('fileCase', caseFiling(findingId, 1), managerToken);
      const closed = await succeed(
        'closeFinding',
        closing(findingId, 2, { reason: '违法事实不成立，不予处罚' }),
        managerToken,
      );
      expect(closed).toMatchObject({ status: 'CLOSED', version: 3, fine: null });
      expect(closed.followUps[1]).toMatchObject({
        action: 'CLOSED',
        fromStatus: 'CASE_FILED',
        toStatus: 'CLOSED',
        note: '违法事实不成立，不予处罚',
      });
      const { followUps, audit } = await stored(findingId);
      expect(followUps.map((row) => row.action)).toEqual(['CASE_FILED', 'CLOSED']);
      expect(audit.map((event) => event.action)).toEqual(['CASE_FILED', 'CLOSED']);
    });

    it('records a fine and a confiscation as exact two-decimal yuan and closes after them', async () => {
      const findingId = await newFinding();
      await succeed('fileCase', caseFiling(findingId, 1), supervisor.token);
      const decided = await succeed(
        'decidePenalty',
        penalty(findingId, 2, { fine: '35000', confiscation: '1200.5' }),
        supervisor.token,
      );
      expect(decided).toMatchObject({
        status: 'PENALIZED',
        version: 3,
        fine: '35000.00',
        confiscation: '1200.50',
      });
      expect(decided.followUps[1]).toMatchObject({
        action: 'PENALTY_DECIDED',
        at: '2019-05-19T16:00:00.000Z',
        documentNumber: '银兴市监罚〔2019〕3号',
        fine: '35000.00',
        confiscation: '1200.50',
      });
      const closed = await succeed('closeFinding', closing(findingId, 3), supervisor.token);
      expect(closed).toMatchObject({ status: 'CLOSED', version: 4 });
      const { finding, followUps } = await stored(findingId);
      expect(finding).toMatchObject({ fine: '35000.00', confiscation: '1200.50' });
      expect(followUps[1]).toMatchObject({ fine: '35000.00', confiscation: '1200.50' });
    });

    it('transfers an open finding to the police, where it stays', async () => {
      const findingId = await newFinding();
      const requestId = randomUUID();
      const transferred = await app.gql(
        'TransferToPolice',
        { input: { idempotencyKey: randomUUID(), ...transfer(findingId, 1) } },
        { token: supervisor.token, headers: { 'x-request-id': requestId } },
      );
      expect(transferred.errors).toBeUndefined();
      expect(transferred.data!.transferToPolice).toEqual({
        replayed: false,
        finding: { id: findingId, status: 'TRANSFERRED', version: 2 },
      });
      const { finding, followUps, audit } = await stored(findingId);
      expect(finding).toMatchObject({ status: 'TRANSFERRED', transferred_on: '2019-03-25' });
      expect(followUps).toEqual([
        expect.objectContaining({
          action: 'TRANSFERRED_TO_POLICE',
          from_status: 'OPEN',
          to_status: 'TRANSFERRED',
          document_number: '银兴市监移〔2019〕1号',
        }),
      ]);
      expect(audit).toEqual([
        expect.objectContaining({
          action: 'TRANSFERRED_TO_POLICE',
          actor_id: supervisor.id,
          request_id: requestId,
        }),
      ]);
    });

    it('transfers a filed case to the police when it turns out to be a crime', async () => {
      const findingId = await newFinding();
      await succeed('fileCase', caseFiling(findingId, 1), supervisor.token);
      const transferred = await succeed(
        'transferToPolice',
        transfer(findingId, 2, { transferredOn: '2019-04-12' }),
        supervisor.token,
      );
      expect(transferred).toMatchObject({ status: 'TRANSFERRED', version: 3 });
      expect(transferred.followUps.map((followUp) => followUp.toStatus)).toEqual([
        'CASE_FILED',
        'TRANSFERRED',
      ]);
    });

    it('accepts a deadline already past, which makes the finding overdue at once', async () => {
      const findingId = await newFinding();
      const ordered = await succeed(
        'orderRectification',
        order(findingId, 1, { deadline: '2019-03-22', orderedOn: undefined }),
        inspector.token,
      );
      expect(ordered).toMatchObject({ status: 'RECTIFYING', rectificationDeadline: '2019-03-22' });
      const [row] = await app.query<{ overdue: boolean }>(
        `SELECT ${overdueSql('f')} AS overdue FROM findings f WHERE f.id = $1`,
        [findingId],
      );
      expect(row.overdue).toBe(true);
      // Without an order day the order takes effect when recorded.
      const at = new Date(ordered.followUps[0].at).getTime();
      expect(Math.abs(at - Date.now())).toBeLessThan(60_000);
    });

    it('keeps a carried-over finding of a closed sweep workable', async () => {
      const [city] = await app.query<{ id: string }>(`SELECT id FROM bureaus WHERE code = 'CITY'`);
      const closedSweep = await createSweep(app, { leadBureauId: city.id });
      const findingId = await newFinding({}, { sweepId: closedSweep.id });
      await app.query(`UPDATE sweeps SET status = 'CLOSED' WHERE id = $1`, [closedSweep.id]);
      await app.query(`UPDATE findings SET carried_over = true WHERE id = $1`, [findingId]);
      const ordered = await succeed('orderRectification', order(findingId, 1), inspector.token);
      expect(ordered.status).toBe('RECTIFYING');
    });
  });

  describe('moves the workflow refuses', () => {
    const STATUSES = [
      'OPEN',
      'RECTIFYING',
      'RESOLVED',
      'CASE_FILED',
      'PENALIZED',
      'CLOSED',
      'TRANSFERRED',
    ];
    /** Each action with the mutation and input that attempt it. */
    const ACTIONS: [string, Mutation, (findingId: string) => Record<string, unknown>][] = [
      ['RECTIFICATION_ORDERED', 'orderRectification', (id) => order(id, 1)],
      [
        'REINSPECTION_PASSED',
        'recordReinspection',
        (id) => reinspection(id, 1, { officerIds: [supervisor.id, inspector.id] }),
      ],
      [
        'REINSPECTION_FAILED',
        'recordReinspection',
        (id) =>
          reinspection(id, 1, {
            passed: false,
            newDeadline: '2019-04-30',
            officerIds: [supervisor.id, inspector.id],
          }),
      ],
      ['CASE_FILED', 'fileCase', (id) => caseFiling(id, 1)],
      ['PENALTY_DECIDED', 'decidePenalty', (id) => penalty(id, 1)],
      ['TRANSFERRED_TO_POLICE', 'transferToPolice', (id) => transfer(id, 1)],
      ['CLOSED', 'closeFinding', (id) => closing(id, 1)],
    ];
    const ALLOWED = new Set([
      'OPEN RECTIFICATION_ORDERED',
      'OPEN CASE_FILED',
      'OPEN TRANSFERRED_TO_POLICE',
      'RECTIFYING REINSPECTION_PASSED',
      'RECTIFYING REINSPECTION_FAILED',
      'RECTIFYING CASE_FILED',
      'CASE_FILED PENALTY_DECIDED',
      'CASE_FILED CLOSED',
      'CASE_FILED TRANSFERRED_TO_POLICE',
      'PENALIZED CLOSED',
    ]);

    it('refuses every move not in the workflow with INVALID_STATE, from and action, and changes nothing', async () => {
      const refused: string[] = [];
      for (const status of STATUSES) {
        const findingId = await newFinding({ status, rectificationDeadline: '2019-03-30' });
        for (const [action, mutation, input] of ACTIONS) {
          if (ALLOWED.has(`${status} ${action}`)) continue;
          const result = await send(mutation, input(findingId), supervisor.token);
          expect(result.data).toBeNull();
          expect(expectError(result, 'INVALID_STATE')).toMatchObject({ from: status, action });
          // Said in Chinese throughout, state and action by name: no English word, no code.
          expect(result.errors![0].message).toMatch(/^当前状态（[^A-Za-z]+）下不能[^A-Za-z]+$/);
          if (status === 'RESOLVED' && action === 'CASE_FILED')
            expect(result.errors![0].message).toBe(
              '当前状态（已整改）下不能立案：该问题已处置完毕',
            );
          if (status === 'OPEN' && action === 'CLOSED')
            expect(result.errors![0].message).toBe('当前状态（待处置）下不能结案');
          refused.push(`${status} ${action}`);
        }
        const { finding, followUps, audit } = await stored(findingId);
        expect(finding).toMatchObject({ status, version: 1 });
        expect(followUps).toEqual([]);
        expect(audit).toEqual([]);
      }
      expect(refused).toHaveLength(39);
    });
  });

  describe('concurrency and retries', () => {
    it('refuses a stale expectedVersion with CONFLICT and the current version, changing nothing', async () => {
      const findingId = await newFinding();
      await succeed('orderRectification', order(findingId, 1), inspector.token);
      const stale = await send('recordReinspection', reinspection(findingId, 1), inspector.token);
      expect(expectError(stale, 'CONFLICT')).toMatchObject({ currentVersion: 2 });
      expect(stale.errors![0].message).toBe('该记录已被他人修改，请刷新后重试');
      const { finding, followUps, audit } = await stored(findingId);
      expect(finding).toMatchObject({ status: 'RECTIFYING', version: 2 });
      expect(followUps).toHaveLength(1);
      expect(audit).toHaveLength(1);
    });

    it('lets exactly one of two concurrent follow-ups with the same expectedVersion through', async () => {
      for (let attempt = 0; attempt < 3; attempt += 1) {
        const findingId = await newFinding();
        const results = await Promise.all([
          send('orderRectification', order(findingId, 1), supervisor.token),
          send('fileCase', caseFiling(findingId, 1), supervisor.token),
        ]);
        const succeeded = results.filter((result) => !result.errors);
        const failed = results.filter((result) => result.errors);
        expect(succeeded).toHaveLength(1);
        expect(failed).toHaveLength(1);
        expectError(failed[0], 'CONFLICT');
        const { finding, followUps, audit } = await stored(findingId);
        expect(finding.version).toBe(2);
        expect(followUps).toHaveLength(1);
        expect(audit).toHaveLength(1);
      }
    });

    it('replays a repeated request with the same idempotency key without acting twice', async () => {
      const findingId = await newFinding();
      const input = { idempotencyKey: randomUUID(), ...order(findingId, 1) };
      const first = await app.gql('OrderRectification', { input }, { token: inspector.token });
      const second = await app.gql('OrderRectification', { input }, { token: inspector.token });
      expect(first.errors).toBeUndefined();
      expect(second.errors).toBeUndefined();
      expect(first.data!.orderRectification.replayed).toBe(false);
      expect(second.data!.orderRectification).toEqual({
        ...first.data!.orderRectification,
        replayed: true,
      });
      const { finding, followUps, audit } = await stored(findingId);
      expect(finding.version).toBe(2);
      expect(followUps).toHaveLength(1);
      expect(audit).toHaveLength(1);
    });

    it('acts once when the same request arrives twice at the same time', async () => {
      const findingId = await newFinding();
      const input = { idempotencyKey: randomUUID(), ...order(findingId, 1) };
      const results = await Promise.all(
        [1, 2].map(() => app.gql('OrderRectification', { input }, { token: inspector.token })),
      );
      expect(results.map((result) => result.errors)).toEqual([undefined, undefined]);
      expect(
        results.map((result) => result.data!.orderRectification.replayed as boolean).sort(),
      ).toEqual([false, true]);
      const { finding, followUps } = await stored(findingId);
      expect(finding.version).toBe(2);
      expect(followUps).toHaveLength(1);
    });

    it('refuses the same idempotency key with a different input as CONFLICT', async () => {
      const findingId = await newFinding();
      const idempotencyKey = randomUUID();
      await app.gql(
        'OrderRectification',
        { input: { idempotencyKey, ...order(findingId, 1) } },
        { token: inspector.token },
      );
      const different = await app.gql(
        'OrderRectification',
        { input: { idempotencyKey, ...order(findingId, 1, { deadline: '2019-04-06' }) } },
        { token: inspector.token },
      );
      expectError(different, 'CONFLICT');
      const { finding, followUps } = await stored(findingId);
      expect(finding).toMatchObject({ version: 2, rectification_deadline: '2019-04-05' });
      expect(followUps).toHaveLength(1);
    });
  });

  describe('who may act on which finding', () => {
    it.each([
      ['fileCase', caseFiling],
      ['decidePenalty', penalty],
      ['transferToPolice', transfer],
      ['closeFinding', closing],
    ] as const)('refuses %s to an inspector with FORBIDDEN', async (mutation, input) => {
      const findingId = await newFinding();
      const result = await send(mutation, input(findingId, 1), inspector.token);
      expectError(result, 'FORBIDDEN');
      expect((await stored(findingId)).finding.version).toBe(1);
    });

    it('hides a finding of another sub-bureau as NOT_FOUND, to inspectors and supervisors alike', async () => {
      const findingId = await newFinding();
      expectError(
        await send('orderRectification', order(findingId, 1), outsider.token),
        'NOT_FOUND',
      );
      expectError(
        await send('fileCase', caseFiling(findingId, 1), outsideSupervisor.token),
        'NOT_FOUND',
      );
      const { finding, followUps } = await stored(findingId);
      expect(finding).toMatchObject({ status: 'OPEN', version: 1 });
      expect(followUps).toEqual([]);
    });

    it('treats a finding of a voided inspection as NOT_FOUND', async () => {
      const findingId = await newFinding({}, { voided: true });
      expectError(
        await send('orderRectification', order(findingId, 1), supervisor.token),
        'NOT_FOUND',
      );
      expect((await stored(findingId)).followUps).toEqual([]);
    });
  });

  describe('input rules', () => {
    function fieldsOf(result: GraphQLResponse): string[] {
      return (expectError(result, 'BAD_USER_INPUT').fields as { path: string }[]).map(
        (field) => field.path,
      );
    }

    it('refuses a re-inspection dated before the rectification order (BAD_USER_INPUT on input.inspectedAt)', async () => {
      const findingId = await newFinding();
      await succeed('orderRectification', order(findingId, 1), inspector.token);
      const early = await send(
        'recordReinspection',
        reinspection(findingId, 2, { inspectedAt: '2019-03-20T23:00:00+08:00' }),
        inspector.token,
      );
      expect(fieldsOf(early)).toEqual(['input.inspectedAt']);
      expect(early.errors![0].extensions!.fields).toEqual([
        { path: 'input.inspectedAt', message: '不能早于责令整改之日（2019-03-21）' },
      ]);
      // The order's own day is fine: 2019-03-21 00:30 in Shanghai is still 2019-03-20 in UTC.
      const sameDay = await send(
        'recordReinspection',
        reinspection(findingId, 2, { inspectedAt: '2019-03-20T16:30:00Z' }),
        inspector.token,
      );
      expect(sameDay.errors).toBeUndefined();
    });

    it('refuses a re-inspection in the future', async () => {
      const findingId = await newFinding({ status: 'RECTIFYING' });
      const future = new Date(Date.now() + 3600_000).toISOString();
      const result = await send(
        'recordReinspection',
        reinspection(findingId, 1, { inspectedAt: future }),
        inspector.token,
      );
      expect(fieldsOf(result)).toEqual(['input.inspectedAt']);
    });

    it('requires a new deadline when a re-inspection did not pass', async () => {
      const findingId = await newFinding({ status: 'RECTIFYING' });
      const result = await send(
        'recordReinspection',
        reinspection(findingId, 1, { passed: false }),
        inspector.token,
      );
      expect(fieldsOf(result)).toEqual(['input.newDeadline']);
      expect((await stored(findingId)).finding.version).toBe(1);
    });

    it('requires two distinct active officers on a re-inspection, the caller among them', async () => {
      const findingId = await newFinding({ status: 'RECTIFYING' });
      const alone = await send(
        'recordReinspection',
        reinspection(findingId, 1, { officerIds: [inspector.id] }),
        inspector.token,
      );
      expect(fieldsOf(alone)).toEqual(['input.officerIds']);
      const twice = await send(
        'recordReinspection',
        reinspection(findingId, 1, { officerIds: [inspector.id, inspector.id] }),
        inspector.token,
      );
      expect(fieldsOf(twice)).toEqual(['input.officerIds']);
      const withoutCaller = await send(
        'recordReinspection',
        reinspection(findingId, 1, { officerIds: [colleague.id, supervisor.id] }),
        inspector.token,
      );
      expect(fieldsOf(withoutCaller)).toEqual(['input.officerIds']);
      const retired = await createOfficer(app, inspector.bureauId, ['INSPECTOR']);
      await app.query(`UPDATE officers SET active = false WHERE id = $1`, [retired.id]);
      const inactive = await send(
        'recordReinspection',
        reinspection(findingId, 1, { officerIds: [inspector.id, retired.id] }),
        inspector.token,
      );
      expect(fieldsOf(inactive)).toEqual(['input.officerIds']);
      expect(inactive.errors![0].extensions!.fields).toEqual([
        { path: 'input.officerIds', message: `以下执法人员已停用：${retired.id}` },
      ]);
      expect((await stored(findingId)).followUps).toEqual([]);
    });

    it('refuses money with three decimals as BAD_USER_INPUT on the field', async () => {
      const findingId = await newFinding({ status: 'CASE_FILED', caseFiledOn: '2019-04-10' });
      const result = await send(
        'decidePenalty',
        penalty(findingId, 1, { fine: '100.125' }),
        supervisor.token,
      );
      expect(fieldsOf(result)).toEqual(['input.fine']);
      const negative = await send(
        'decidePenalty',
        penalty(findingId, 1, { confiscation: '-5.00' }),
        supervisor.token,
      );
      expect(fieldsOf(negative)).toEqual(['input.confiscation']);
      expect((await stored(findingId)).finding).toMatchObject({ status: 'CASE_FILED', fine: null });
    });

    it('refuses document days in the future and a decision before the filing', async () => {
      const findingId = await newFinding({ status: 'CASE_FILED', caseFiledOn: '2019-04-10' });
      expect(
        fieldsOf(
          await send(
            'decidePenalty',
            penalty(findingId, 1, { decidedOn: '2019-04-09' }),
            supervisor.token,
          ),
        ),
      ).toEqual(['input.decidedOn']);
      expect(
        fieldsOf(
          await send(
            'transferToPolice',
            transfer(findingId, 1, { transferredOn: '2999-01-01' }),
            supervisor.token,
          ),
        ),
      ).toEqual(['input.transferredOn']);
    });

    it('refuses a malformed finding id or a blank case number with field paths', async () => {
      const result = await send(
        'fileCase',
        caseFiling('not-a-uuid', 1, { caseNumber: '  ' }),
        supervisor.token,
      );
      expect(fieldsOf(result).sort()).toEqual(['input.caseNumber', 'input.findingId']);
    });
  });
});
