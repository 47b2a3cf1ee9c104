import { DomainError } from '../common/errors/domain-errors';
import { render } from '../common/messages/message';
import { FINDING_STATUSES } from '../inspections/finding.entity';
import type { FindingStatus } from '../inspections/finding.entity';
import { FOLLOW_UP_ACTIONS } from './follow-up.entity';
import type { FollowUpAction } from './follow-up.entity';
import { nextStatus, transition } from './workflow';

/** Every (status × action) pair, written out: the allowed ones with their target, the rest refused. */
const ALLOWED: [FindingStatus, FollowUpAction, FindingStatus][] = [
  ['OPEN', 'RECTIFICATION_ORDERED', 'RECTIFYING'],
  ['OPEN', 'CASE_FILED', 'CASE_FILED'],
  ['OPEN', 'TRANSFERRED_TO_POLICE', 'TRANSFERRED'],
  ['RECTIFYING', 'REINSPECTION_PASSED', 'RESOLVED'],
  ['RECTIFYING', 'REINSPECTION_FAILED', 'RECTIFYING'],
  ['RECTIFYING', 'CASE_FILED', 'CASE_FILED'],
  ['CASE_FILED', 'PENALTY_DECIDED', 'PENALIZED'],
  ['CASE_FILED', 'CLOSED', 'CLOSED'],
  ['CASE_FILED', 'TRANSFERRED_TO_POLICE', 'TRANSFERRED'],
  ['PENALIZED', 'CLOSED', 'CLOSED'],
];

const REFUSED: [FindingStatus, FollowUpAction][] = FINDING_STATUSES.flatMap((status) =>
  FOLLOW_UP_ACTIONS.filter(
    (action) => !ALLOWED.some(([from, allowed]) => from === status && allowed === action),
  ).map((action): [FindingStatus, FollowUpAction] => [status, action]),
);

describe('the follow-up workflow', () => {
  it('covers all 49 status × action pairs between the two tables', () => {
    expect(ALLOWED.length + REFUSED.length).toBe(
      FINDING_STATUSES.length * FOLLOW_UP_ACTIONS.length,
    );
    expect(REFUSED).toHaveLength(39);
  });

  it.each(ALLOWED)('moves a %s finding by %s to %s', (from, action, to) => {
    expect(transition(from, action)).toBe(to);
    expect(nextStatus(from, action)).toBe(to);
  });

  it.each(REFUSED)(
    'refuses %s → %s with INVALID_STATE naming the status and action',
    (from, action) => {
      expect(transition(from, action)).toBeUndefined();
      let thrown: unknown;
      try {
        nextStatus(from, action);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(DomainError);
      expect(thrown).toMatchObject({ code: 'INVALID_STATE', extensions: { from, action } });
    },
  );

  it('says why in English as before, and in Chinese by the names of the state and the action', () => {
    const refusal = (from: FindingStatus, action: FollowUpAction): DomainError => {
      try {
        nextStatus(from, action);
      } catch (error) {
        return error as DomainError;
      }
      throw new Error(`${from} ${action} was allowed`);
    };
    const open = refusal('OPEN', 'CLOSED');
    expect(open.message).toBe(
      'A finding that is OPEN cannot take the follow-up CLOSED; allowed: RECTIFICATION_ORDERED, CASE_FILED, TRANSFERRED_TO_POLICE',
    );
    expect(render(open.described, 'zh')).toBe('当前状态（待处置）下不能结案');
    const resolved = refusal('RESOLVED', 'CASE_FILED');
    expect(resolved.message).toBe(
      'A finding that is RESOLVED cannot take the follow-up CASE_FILED; it is final',
    );
    expect(render(resolved.described, 'zh')).toBe('当前状态（已整改）下不能立案：该问题已处置完毕');
  });

  it.each(['RESOLVED', 'CLOSED', 'TRANSFERRED'] as FindingStatus[])(
    'treats %s as final: no action leaves it',
    (status) => {
      for (const action of FOLLOW_UP_ACTIONS) expect(transition(status, action)).toBeUndefined();
    },
  );
});
