import { InvalidState } from '../common/errors/domain-errors';
import { message } from '../common/messages/message';
import type { FindingStatus } from '../inspections/finding.entity';
import type { FollowUpAction } from './follow-up.entity';

/**
 * The follow-up workflow (后续处置) of DOMAIN.md as data: every move a finding may make. Anything
 * not listed is refused with INVALID_STATE.
 *
 * A failed re-inspection (复查不合格) either keeps the rectification going with a new deadline
 * (REINSPECTION_FAILED, RECTIFYING → RECTIFYING; the new deadline is then required) or leads to a
 * case: that branch is a separate fileCase, which is therefore allowed from RECTIFYING too.
 * A filed case found to be a crime may still be transferred to the police (移送公安).
 */
export interface Transition {
  from: FindingStatus;
  action: FollowUpAction;
  to: FindingStatus;
}

export const TRANSITIONS: readonly Transition[] = [
  { from: 'OPEN', action: 'RECTIFICATION_ORDERED', to: 'RECTIFYING' },
  { from: 'RECTIFYING', action: 'REINSPECTION_PASSED', to: 'RESOLVED' },
  { from: 'RECTIFYING', action: 'REINSPECTION_FAILED', to: 'RECTIFYING' },
  { from: 'OPEN', action: 'CASE_FILED', to: 'CASE_FILED' },
  { from: 'RECTIFYING', action: 'CASE_FILED', to: 'CASE_FILED' },
  { from: 'CASE_FILED', action: 'PENALTY_DECIDED', to: 'PENALIZED' },
  { from: 'CASE_FILED', action: 'CLOSED', to: 'CLOSED' },
  { from: 'PENALIZED', action: 'CLOSED', to: 'CLOSED' },
  { from: 'OPEN', action: 'TRANSFERRED_TO_POLICE', to: 'TRANSFERRED' },
  { from: 'CASE_FILED', action: 'TRANSFERRED_TO_POLICE', to: 'TRANSFERRED' },
];

/** The status a finding in `from` moves to by `action`, or undefined when the move is not allowed. */
export function transition(from: FindingStatus, action: FollowUpAction): FindingStatus | undefined {
  return TRANSITIONS.find((move) => move.from === from && move.action === action)?.to;
}

/** Like `transition`, but a refused move throws INVALID_STATE with `from` and `action`. */
export function nextStatus(from: FindingStatus, action: FollowUpAction): FindingStatus {
  const to = transition(from, action);
  if (to === undefined) {
    const allowed = TRANSITIONS.filter((move) => move.from === from).map((move) => move.action);
    const params = {
      status: from,
      move: action,
      from: message(`state.${from}`),
      action: message(`action.${action}`),
    };
    throw new InvalidState(
      allowed.length > 0
        ? message('followUps.invalidMove', { ...params, allowed })
        : message('followUps.invalidMoveFinal', params),
      from,
      action,
    );
  }
  return to;
}
