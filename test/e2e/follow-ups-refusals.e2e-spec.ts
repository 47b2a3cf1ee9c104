import { randomUUID } from 'node:crypto';
import { message, render } from '../../src/common/messages/message';
import { cityBureau, createOfficer } from '../factories/people';
import {
  caseFiling,
  closing,
  createFollowUpWorld,
  expectError,
  FollowUpWorld,
  Mutation,
  order,
  penalty,
  transfer,
} from '../helpers/follow-up-world';
import { GraphQLResponse } from '../helpers/test-app';

/** The one message every refused officer id gets (in the default language). */
const notEligible = (id: string): string =>
  render(message('officers.notEligible', { ids: [id] }), 'zh');

describe('the follow-up workflow (后续处置)', () => {
  let w: FollowUpWorld;
  beforeAll(async () => (w = await createFollowUpWorld()));
  afterAll(() => w.app.close());

  describe('moves the workflow refuses', () => {
    const STATUSES = [
      'OPEN',
      'RECTIFYING',
      'RESOLVED',
      'CASE_FILED',
      'PENALIZED',
      'CLOSED',
      'TRANSFERRED',
      'NOT_FILED',
    ];
    /** Each action with the mutation and input that attempt it. */
    const ACTIONS: [string, Mutation, (findingId: string) => Record<string, unknown>][] = [
      ['RECTIFICATION_ORDERED', 'orderRectification', (id) => order(id, 1)],
      [
        'REINSPECTION_PASSED',
        'recordReinspection',
        (id) => w.reinspection(id, 1, { officerIds: [w.supervisor.id, w.inspector.id] }),
      ],
      [
        'REINSPECTION_FAILED',
        'recordReinspection',
        (id) =>
          w.reinspection(id, 1, {
            passed: false,
            newDeadline: '2019-04-30',
            officerIds: [w.supervisor.id, w.inspector.id],
          }),
      ],
      ['CASE_FILED', 'fileCase', (id) => caseFiling(id, 1)],
      ['PENALTY_DECIDED', 'decidePenalty', (id) => penalty(id, 1)],
      ['TRANSFERRED_TO_POLICE', 'transferToPolice', (id) => transfer(id, 1)],
      ['CLOSED', 'closeFinding', (id) => closing(id, 1)],
    ];
    /**
     * The two tracks (DOMAIN.md, Follow-up): rectification runs beside the case, so a finding in a
     * case may still be ordered to rectify; a rectified finding still needs a filing decision.
     */
    const ALLOWED = new Set([
      'OPEN RECTIFICATION_ORDERED',
      'OPEN CASE_FILED',
      'OPEN TRANSFERRED_TO_POLICE',
      'RECTIFYING REINSPECTION_PASSED',
      'RECTIFYING REINSPECTION_FAILED',
      'RECTIFYING CASE_FILED',
      'RECTIFYING TRANSFERRED_TO_POLICE',
      'RESOLVED CASE_FILED',
      'RESOLVED TRANSFERRED_TO_POLICE',
      'CASE_FILED RECTIFICATION_ORDERED',
      'CASE_FILED PENALTY_DECIDED',
      'CASE_FILED CLOSED',
      'CASE_FILED TRANSFERRED_TO_POLICE',
      'PENALIZED RECTIFICATION_ORDERED',
      'PENALIZED CLOSED',
      'CLOSED RECTIFICATION_ORDERED',
      'TRANSFERRED RECTIFICATION_ORDERED',
      'NOT_FILED RECTIFICATION_ORDERED',
    ]);
    /** The rectification track's state of a finding made with this status (its refusals name it). */
    const rectificationOf = (status: string) =>
      status === 'RECTIFYING' || status === 'RESOLVED' ? status : 'OPEN';
    const RECTIFICATION_ACTIONS = new Set([
      'RECTIFICATION_ORDERED',
      'REINSPECTION_PASSED',
      'REINSPECTION_FAILED',
    ]);

    it('refuses every move not in the workflow with INVALID_STATE, from and action, and changes nothing', async () => {
      const refused: string[] = [];
      for (const status of STATUSES) {
        const findingId = await w.newFinding({ status, rectificationDeadline: '2019-03-30' });
        for (const [action, mutation, input] of ACTIONS) {
          if (ALLOWED.has(`${status} ${action}`)) continue;
          const result = await w.send(mutation, input(findingId), w.supervisor.token);
          expect(result.data).toBeNull();
          const from = RECTIFICATION_ACTIONS.has(action) ? rectificationOf(status) : status;
          expect(expectError(result, 'INVALID_STATE')).toMatchObject({ from, action });
          // Said in Chinese throughout, state and action by name: no English word, no code.
          expect(result.errors![0].message).toMatch(/^当前状态（[^A-Za-z]+）下不能[^A-Za-z]+$/);
          if (status === 'NOT_FILED' && action === 'CASE_FILED')
            expect(result.errors![0].message).toBe('当前状态（不予立案）下不能立案');
          if (status === 'OPEN' && action === 'CLOSED')
            expect(result.errors![0].message).toBe('当前状态（待处置）下不能结案');
          refused.push(`${status} ${action}`);
        }
        const { finding, followUps, audit } = await w.stored(findingId);
        expect(finding).toMatchObject({ status, version: 1 });
        expect(followUps).toEqual([]);
        expect(audit).toEqual([]);
      }
      expect(refused).toHaveLength(STATUSES.length * ACTIONS.length - ALLOWED.size);
      expect(refused).toHaveLength(38);
    });
  });

  describe('who may act on which finding', () => {
    it.each([
      ['fileCase', caseFiling],
      ['decidePenalty', penalty],
      ['transferToPolice', transfer],
      ['closeFinding', closing],
    ] as const)('refuses %s to an inspector with FORBIDDEN', async (mutation, input) => {
      const findingId = await w.newFinding();
      const result = await w.send(mutation, input(findingId, 1), w.inspector.token);
      expectError(result, 'FORBIDDEN');
      expect((await w.stored(findingId)).finding.version).toBe(1);
    });

    it('hides a finding of another sub-bureau as NOT_FOUND, to inspectors and supervisors alike', async () => {
      const findingId = await w.newFinding();
      expectError(
        await w.send('orderRectification', order(findingId, 1), w.outsider.token),
        'NOT_FOUND',
      );
      expectError(
        await w.send('fileCase', caseFiling(findingId, 1), w.outsideSupervisor.token),
        'NOT_FOUND',
      );
      const { finding, followUps } = await w.stored(findingId);
      expect(finding).toMatchObject({ status: 'OPEN', version: 1 });
      expect(followUps).toEqual([]);
    });

    it('treats a finding of a voided inspection as NOT_FOUND', async () => {
      const findingId = await w.newFinding({}, { voided: true });
      expectError(
        await w.send('orderRectification', order(findingId, 1), w.supervisor.token),
        'NOT_FOUND',
      );
      expect((await w.stored(findingId)).followUps).toEqual([]);
    });
  });

  describe('input rules', () => {
    function fieldsOf(result: GraphQLResponse): string[] {
      return (expectError(result, 'BAD_USER_INPUT').fields as { path: string }[]).map(
        (field) => field.path,
      );
    }

    it('refuses a re-inspection dated before the rectification order (BAD_USER_INPUT on input.inspectedAt)', async () => {
      const findingId = await w.newFinding();
      await w.succeed('orderRectification', order(findingId, 1), w.inspector.token);
      const early = await w.send(
        'recordReinspection',
        w.reinspection(findingId, 2, { inspectedAt: '2019-03-20T23:00:00+08:00' }),
        w.inspector.token,
      );
      expect(fieldsOf(early)).toEqual(['input.inspectedAt']);
      expect(early.errors![0].extensions!.fields).toEqual([
        { path: 'input.inspectedAt', message: '不能早于责令整改之日（2019-03-21）' },
      ]);
      // The order's own day is fine: 2019-03-21 00:30 in Shanghai is still 2019-03-20 in UTC.
      const sameDay = await w.send(
        'recordReinspection',
        w.reinspection(findingId, 2, { inspectedAt: '2019-03-20T16:30:00Z' }),
        w.inspector.token,
      );
      expect(sameDay.errors).toBeUndefined();
    });

    it('refuses a re-inspection in the future', async () => {
      const findingId = await w.newFinding({ status: 'RECTIFYING' });
      const future = new Date(Date.now() + 3600_000).toISOString();
      const result = await w.send(
        'recordReinspection',
        w.reinspection(findingId, 1, { inspectedAt: future }),
        w.inspector.token,
      );
      expect(fieldsOf(result)).toEqual(['input.inspectedAt']);
    });

    it('requires a new deadline when a re-inspection did not pass', async () => {
      const findingId = await w.newFinding({ status: 'RECTIFYING' });
      const result = await w.send(
        'recordReinspection',
        w.reinspection(findingId, 1, { passed: false }),
        w.inspector.token,
      );
      expect(fieldsOf(result)).toEqual(['input.newDeadline']);
      expect((await w.stored(findingId)).finding.version).toBe(1);
    });

    it('requires two distinct active officers on a re-inspection, the caller among them', async () => {
      const findingId = await w.newFinding({ status: 'RECTIFYING' });
      const alone = await w.send(
        'recordReinspection',
        w.reinspection(findingId, 1, { officerIds: [w.inspector.id] }),
        w.inspector.token,
      );
      expect(fieldsOf(alone)).toEqual(['input.officerIds']);
      const twice = await w.send(
        'recordReinspection',
        w.reinspection(findingId, 1, { officerIds: [w.inspector.id, w.inspector.id] }),
        w.inspector.token,
      );
      expect(fieldsOf(twice)).toEqual(['input.officerIds']);
      const withoutCaller = await w.send(
        'recordReinspection',
        w.reinspection(findingId, 1, { officerIds: [w.colleague.id, w.supervisor.id] }),
        w.inspector.token,
      );
      expect(fieldsOf(withoutCaller)).toEqual(['input.officerIds']);
      const retired = await createOfficer(w.app, w.inspector.bureauId, ['INSPECTOR']);
      await w.app.query(`UPDATE officers SET active = false WHERE id = $1`, [retired.id]);
      const inactive = await w.send(
        'recordReinspection',
        w.reinspection(findingId, 1, { officerIds: [w.inspector.id, retired.id] }),
        w.inspector.token,
      );
      expect(fieldsOf(inactive)).toEqual(['input.officerIds']);
      expect(inactive.errors![0].extensions!.fields).toEqual([
        { path: 'input.officerIds', message: notEligible(retired.id) },
      ]);
      expect((await w.stored(findingId)).followUps).toEqual([]);
    });

    it('refuses an officer of another bureau and a MANAGER-only or ADMIN-only account on a re-inspection, with the message an unknown id gets', async () => {
      const findingId = await w.newFinding({ status: 'RECTIFYING' });
      const city = await cityBureau(w.app);
      const manager = await createOfficer(w.app, city.id, ['MANAGER']);
      const admin = await createOfficer(w.app, city.id, ['ADMIN']);
      const unknown = randomUUID();
      for (const id of [w.outsider.id, manager.id, admin.id, unknown]) {
        const result = await w.send(
          'recordReinspection',
          w.reinspection(findingId, 1, { officerIds: [w.inspector.id, id] }),
          w.inspector.token,
        );
        expect(result.errors![0].extensions!.fields).toEqual([
          { path: 'input.officerIds', message: notEligible(id) },
        ]);
      }
      expect((await w.stored(findingId)).followUps).toEqual([]);
      // A city inspector may join a sub-bureau's re-inspection.
      const cityInspector = await createOfficer(w.app, city.id, ['INSPECTOR']);
      const joined = await w.send(
        'recordReinspection',
        w.reinspection(findingId, 1, { officerIds: [w.inspector.id, cityInspector.id] }),
        w.inspector.token,
      );
      expect(joined.errors).toBeUndefined();
    });

    it('refuses money with three decimals as BAD_USER_INPUT on the field', async () => {
      const findingId = await w.newFinding({ status: 'CASE_FILED', caseFiledOn: '2019-04-10' });
      const result = await w.send(
        'decidePenalty',
        penalty(findingId, 1, { fine: '100.125' }),
        w.supervisor.token,
      );
      expect(fieldsOf(result)).toEqual(['input.fine']);
      const negative = await w.send(
        'decidePenalty',
        penalty(findingId, 1, { confiscation: '-5.00' }),
        w.supervisor.token,
      );
      expect(fieldsOf(negative)).toEqual(['input.confiscation']);
      expect((await w.stored(findingId)).finding).toMatchObject({
        status: 'CASE_FILED',
        fine: null,
      });
    });

    it('refuses document days in the future and a decision before the filing', async () => {
      const findingId = await w.newFinding({ status: 'CASE_FILED', caseFiledOn: '2019-04-10' });
      expect(
        fieldsOf(
          await w.send(
            'decidePenalty',
            penalty(findingId, 1, { decidedOn: '2019-04-09' }),
            w.supervisor.token,
          ),
        ),
      ).toEqual(['input.decidedOn']);
      expect(
        fieldsOf(
          await w.send(
            'transferToPolice',
            transfer(findingId, 1, { transferredOn: '2999-01-01' }),
            w.supervisor.token,
          ),
        ),
      ).toEqual(['input.transferredOn']);
    });

    it('refuses a malformed finding id or a blank case number with field paths', async () => {
      const result = await w.send(
        'fileCase',
        caseFiling('not-a-uuid', 1, { caseNumber: '  ' }),
        w.supervisor.token,
      );
      expect(fieldsOf(result).sort()).toEqual(['input.caseNumber', 'input.findingId']);
    });
  });
});
