import { randomUUID } from 'node:crypto';
import { overdueSql } from '../../src/follow-ups/overdue';
import { createSweep } from '../factories/field-work';
import {
  caseFiling,
  caseNumberOf,
  closing,
  createFollowUpWorld,
  FollowUpWorld,
  order,
  penalty,
  transfer,
} from '../helpers/follow-up-world';

describe('the follow-up workflow (后续处置)', () => {
  let w: FollowUpWorld;
  beforeAll(async () => (w = await createFollowUpWorld()));
  afterAll(() => w.app.close());

  describe('every branch of the workflow', () => {
    it('orders rectification through the contract operation and resolves the finding on a passed re-inspection', async () => {
      const findingId = await w.newFinding();
      const ordered = await w.app.gql(
        'OrderRectification',
        { input: { idempotencyKey: randomUUID(), ...order(findingId, 1) } },
        { token: w.inspector.token },
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
              officer: { id: w.inspector.id },
            },
          ],
        },
      });

      const passed = await w.app.gql(
        'RecordReinspection',
        { input: { idempotencyKey: randomUUID(), ...w.reinspection(findingId, 2) } },
        { token: w.colleague.token },
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

      const { finding, followUps, audit } = await w.stored(findingId);
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
          officer_id: w.inspector.id,
        }),
        expect.objectContaining({
          action: 'REINSPECTION_PASSED',
          from_status: 'RECTIFYING',
          to_status: 'RESOLVED',
          officer_id: w.colleague.id,
          officer_ids: [w.inspector.id, w.colleague.id],
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
      const findingId = await w.newFinding();
      await w.succeed('orderRectification', order(findingId, 1), w.inspector.token);
      const failed = await w.succeed(
        'recordReinspection',
        w.reinspection(findingId, 2, {
          passed: false,
          newDeadline: '2019-04-20',
          note: '仍有三无产品',
        }),
        w.inspector.token,
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
        officer: { id: w.inspector.id },
        officers: [{ id: w.inspector.id }, { id: w.colleague.id }],
      });

      const resolved = await w.succeed(
        'recordReinspection',
        w.reinspection(findingId, 3, { inspectedAt: '2019-04-19T09:00:00+08:00' }),
        w.inspector.token,
      );
      expect(resolved).toMatchObject({ status: 'RESOLVED', version: 4 });
      expect(resolved.followUps.map((followUp) => followUp.action)).toEqual([
        'RECTIFICATION_ORDERED',
        'REINSPECTION_FAILED',
        'REINSPECTION_PASSED',
      ]);
      expect((await w.stored(findingId)).audit).toHaveLength(3);
    });

    it('files a case after a failed rectification, decides a penalty and closes it', async () => {
      const findingId = await w.newFinding();
      await w.succeed('orderRectification', order(findingId, 1), w.inspector.token);
      await w.succeed(
        'recordReinspection',
        w.reinspection(findingId, 2, { passed: false, newDeadline: '2019-04-08' }),
        w.inspector.token,
      );
      const filed = await w.app.gql(
        'FileCase',
        { input: { idempotencyKey: randomUUID(), ...caseFiling(findingId, 3) } },
        { token: w.supervisor.token },
      );
      expect(filed.errors).toBeUndefined();
      expect(filed.data!.fileCase).toEqual({
        replayed: false,
        finding: {
          id: findingId,
          status: 'CASE_FILED',
          version: 4,
          caseNumber: caseNumberOf(findingId),
        },
      });

      const decided = await w.app.gql(
        'DecidePenalty',
        { input: { idempotencyKey: randomUUID(), ...penalty(findingId, 4) } },
        { token: w.supervisor.token },
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

      const closed = await w.app.gql(
        'CloseFinding',
        { input: { idempotencyKey: randomUUID(), ...closing(findingId, 5) } },
        { token: w.supervisor.token },
      );
      expect(closed.errors).toBeUndefined();
      expect(closed.data!.closeFinding).toEqual({
        replayed: false,
        finding: { id: findingId, status: 'CLOSED', version: 6 },
      });

      const { finding, followUps, audit } = await w.stored(findingId);
      expect(finding).toMatchObject({
        status: 'CLOSED',
        version: 6,
        rectification_deadline: '2019-04-08',
        case_number: caseNumberOf(findingId),
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
      const findingId = await w.newFinding();
      const filed = await w.succeed('fileCase', caseFiling(findingId, 1), w.supervisor.token);
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
          documentNumber: caseNumberOf(findingId),
          officer: { id: w.supervisor.id },
          officers: [],
        }),
      ]);
      expect((await w.stored(findingId)).finding).toMatchObject({
        case_filed_on: '2019-04-10',
        penalty_decision_due: '2019-07-09',
      });
    });

    it('closes a filed case without a penalty when the case is dismissed, as a manager', async () => {
      const findingId = await w.newFinding();
      await w.succeed('fileCase', caseFiling(findingId, 1), w.managerToken);
      const closed = await w.succeed(
        'closeFinding',
        closing(findingId, 2, { reason: '违法事实不成立，不予处罚' }),
        w.managerToken,
      );
      expect(closed).toMatchObject({ status: 'CLOSED', version: 3, fine: null });
      expect(closed.followUps[1]).toMatchObject({
        action: 'CLOSED',
        fromStatus: 'CASE_FILED',
        toStatus: 'CLOSED',
        note: '违法事实不成立，不予处罚',
      });
      const { followUps, audit } = await w.stored(findingId);
      expect(followUps.map((row) => row.action)).toEqual(['CASE_FILED', 'CLOSED']);
      expect(audit.map((event) => event.action)).toEqual(['CASE_FILED', 'CLOSED']);
    });

    it('records a fine and a confiscation as exact two-decimal yuan and closes after them', async () => {
      const findingId = await w.newFinding();
      await w.succeed('fileCase', caseFiling(findingId, 1), w.supervisor.token);
      const decided = await w.succeed(
        'decidePenalty',
        penalty(findingId, 2, { fine: '35000', confiscation: '1200.5' }),
        w.supervisor.token,
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
      const closed = await w.succeed('closeFinding', closing(findingId, 3), w.supervisor.token);
      expect(closed).toMatchObject({ status: 'CLOSED', version: 4 });
      const { finding, followUps } = await w.stored(findingId);
      expect(finding).toMatchObject({ fine: '35000.00', confiscation: '1200.50' });
      expect(followUps[1]).toMatchObject({ fine: '35000.00', confiscation: '1200.50' });
    });

    it('transfers an open finding to the police, where it stays', async () => {
      const findingId = await w.newFinding();
      const requestId = randomUUID();
      const transferred = await w.app.gql(
        'TransferToPolice',
        { input: { idempotencyKey: randomUUID(), ...transfer(findingId, 1) } },
        { token: w.supervisor.token, headers: { 'x-request-id': requestId } },
      );
      expect(transferred.errors).toBeUndefined();
      expect(transferred.data!.transferToPolice).toEqual({
        replayed: false,
        finding: { id: findingId, status: 'TRANSFERRED', version: 2 },
      });
      const { finding, followUps, audit } = await w.stored(findingId);
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
          actor_id: w.supervisor.id,
          request_id: requestId,
        }),
      ]);
    });

    it('transfers a filed case to the police when it turns out to be a crime', async () => {
      const findingId = await w.newFinding();
      await w.succeed('fileCase', caseFiling(findingId, 1), w.supervisor.token);
      const transferred = await w.succeed(
        'transferToPolice',
        transfer(findingId, 2, { transferredOn: '2019-04-12' }),
        w.supervisor.token,
      );
      expect(transferred).toMatchObject({ status: 'TRANSFERRED', version: 3 });
      expect(transferred.followUps.map((followUp) => followUp.toStatus)).toEqual([
        'CASE_FILED',
        'TRANSFERRED',
      ]);
    });

    it('accepts a deadline already past, which makes the finding overdue at once', async () => {
      const findingId = await w.newFinding();
      const ordered = await w.succeed(
        'orderRectification',
        order(findingId, 1, { deadline: '2019-03-22', orderedOn: undefined }),
        w.inspector.token,
      );
      expect(ordered).toMatchObject({ status: 'RECTIFYING', rectificationDeadline: '2019-03-22' });
      const [row] = await w.app.query<{ overdue: boolean }>(
        `SELECT ${overdueSql('f')} AS overdue FROM findings f WHERE f.id = $1`,
        [findingId],
      );
      expect(row.overdue).toBe(true);
      // Without an order day the order takes effect when recorded.
      const at = new Date(ordered.followUps[0].at).getTime();
      expect(Math.abs(at - Date.now())).toBeLessThan(60_000);
    });

    it('keeps a carried-over finding of a closed sweep workable', async () => {
      const [city] = await w.app.query<{ id: string }>(
        `SELECT id FROM bureaus WHERE code = 'CITY'`,
      );
      const closedSweep = await createSweep(w.app, { leadBureauId: city.id });
      const findingId = await w.newFinding({}, { sweepId: closedSweep.id });
      await w.app.query(`UPDATE sweeps SET status = 'CLOSED' WHERE id = $1`, [closedSweep.id]);
      await w.app.query(`UPDATE findings SET carried_over = true WHERE id = $1`, [findingId]);
      const ordered = await w.succeed('orderRectification', order(findingId, 1), w.inspector.token);
      expect(ordered.status).toBe('RECTIFYING');
    });
  });
});
