import { InvalidState } from '../common/errors/domain-errors';
import { message } from '../common/messages/message';
import type { FindingStatus, RectificationStatus } from '../inspections/finding.entity';
import type { FollowUpAction } from './follow-up.entity';

/**
 * The follow-up workflow (后续处置) of DOMAIN.md as data. A finding runs on two tracks at once
 * (行政处罚法 第二十八条): rectification (责令整改: OPEN → RECTIFYING → RESOLVED, a failed
 * re-inspection keeping it RECTIFYING with a new deadline) and the case (案件), which the older
 * finding-level actions move through the finding's case. Anything not allowed here is refused with
 * INVALID_STATE: `from` is the rectification track's state for its actions, the finding's status
 * for the case actions.
 */
export interface FindingTracksState {
  status: FindingStatus;
  rectification: RectificationStatus;
  /** Whether a filing decision (立案 or 不予立案) exists, or the finding went to the police without a case. */
  filingDecided: boolean;
  /** Its case's status and whether the case is decided, when it is in one. */
  caseStatus: string | null;
  caseDecided: boolean;
}

export const RECTIFICATION_ACTIONS: readonly FollowUpAction[] = [
  'RECTIFICATION_ORDERED',
  'REINSPECTION_PASSED',
  'REINSPECTION_FAILED',
];

/** The rectification track's moves. */
export const RECTIFICATION_TRANSITIONS: readonly {
  from: RectificationStatus;
  action: FollowUpAction;
  to: RectificationStatus;
}[] = [
  { from: 'OPEN', action: 'RECTIFICATION_ORDERED', to: 'RECTIFYING' },
  { from: 'RECTIFYING', action: 'REINSPECTION_PASSED', to: 'RESOLVED' },
  { from: 'RECTIFYING', action: 'REINSPECTION_FAILED', to: 'RECTIFYING' },
];

/** Whether the case track allows one of the older finding-level case actions. */
function caseActionAllowed(state: FindingTracksState, action: FollowUpAction): boolean {
  const openCase = state.caseStatus === 'FILED' && !state.caseDecided;
  switch (action) {
    case 'CASE_FILED':
      return !state.filingDecided;
    case 'PENALTY_DECIDED':
      return openCase;
    case 'TRANSFERRED_TO_POLICE':
      return !state.filingDecided || openCase;
    case 'CLOSED':
      return state.caseStatus === 'FILED' || state.caseStatus === 'DECIDED';
    default:
      return false;
  }
}

/** Whether `action` is allowed in `state`. */
export function allowed(state: FindingTracksState, action: FollowUpAction): boolean {
  if (RECTIFICATION_ACTIONS.includes(action))
    return RECTIFICATION_TRANSITIONS.some(
      (move) => move.from === state.rectification && move.action === action,
    );
  return caseActionAllowed(state, action);
}

/** The rectification track's state after `action` (unchanged for case actions). */
export function nextRectification(
  from: RectificationStatus,
  action: FollowUpAction,
): RectificationStatus {
  return (
    RECTIFICATION_TRANSITIONS.find((move) => move.from === from && move.action === action)?.to ??
    from
  );
}

const ALL_ACTIONS: readonly FollowUpAction[] = [
  'RECTIFICATION_ORDERED',
  'REINSPECTION_PASSED',
  'REINSPECTION_FAILED',
  'CASE_FILED',
  'PENALTY_DECIDED',
  'TRANSFERRED_TO_POLICE',
  'CLOSED',
];

/** Throws INVALID_STATE with `from` and `action` when `action` is not allowed in `state`. */
export function checkMove(state: FindingTracksState, action: FollowUpAction): void {
  if (allowed(state, action)) return;
  const from = RECTIFICATION_ACTIONS.includes(action) ? state.rectification : state.status;
  const others = ALL_ACTIONS.filter((candidate) => allowed(state, candidate));
  const params = {
    status: from,
    move: action,
    from: message(`state.${from}`),
    action: message(`action.${action}`),
  };
  throw new InvalidState(
    others.length > 0
      ? message('followUps.invalidMove', { ...params, allowed: others })
      : message('followUps.invalidMoveFinal', params),
    from,
    action,
  );
}

/**
 * The single-track sequence of follow-up rows (from status, action, to status) that the province
 * scale generator (src/scripts/scale/generator.ts) writes. It predates case files: it does not
 * create `cases` rows, so generated findings with a case number have no case (see docs/cases.md).
 */
export const TRANSITIONS: readonly {
  from: FindingStatus;
  action: FollowUpAction;
  to: FindingStatus;
}[] = [
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
