import { InvalidState } from '../common/errors/domain-errors';
import { message, type Message, type MessageKey } from '../common/messages/message';
import type { MeasureStatus } from './compulsory-measure.entity';

/**
 * The moves of a compulsory measure (查封、扣押) as data. A measure is IN_FORCE from its decision;
 * extended once (行政强制法 第二十五条) it is EXTENDED and still in force; it ends RELEASED (解除,
 * 第二十八条) or DISPOSED (处理: 没收、销毁 or 移送, 第二十七条). While its goods are being tested
 * (SUSPENDED: an open excluded period, 第二十五条第三款) it may only resume. Anything else is
 * INVALID_STATE with `from` (the status, or SUSPENDED) and `action`.
 */
export const MEASURE_ACTIONS = ['EXTEND', 'RELEASE', 'DISPOSE', 'SUSPEND', 'RESUME'] as const;
export type MeasureAction = (typeof MEASURE_ACTIONS)[number];

/** A measure's state as the workflow sees it: its status, or SUSPENDED while a test runs. */
export type MeasureState = MeasureStatus | 'SUSPENDED';

export const MEASURE_TRANSITIONS: readonly {
  from: MeasureState;
  action: MeasureAction;
  to: MeasureStatus | 'SUSPENDED' | 'UNCHANGED';
}[] = [
  { from: 'IN_FORCE', action: 'EXTEND', to: 'EXTENDED' },
  { from: 'IN_FORCE', action: 'RELEASE', to: 'RELEASED' },
  { from: 'IN_FORCE', action: 'DISPOSE', to: 'DISPOSED' },
  { from: 'IN_FORCE', action: 'SUSPEND', to: 'SUSPENDED' },
  { from: 'EXTENDED', action: 'RELEASE', to: 'RELEASED' },
  { from: 'EXTENDED', action: 'DISPOSE', to: 'DISPOSED' },
  { from: 'EXTENDED', action: 'SUSPEND', to: 'SUSPENDED' },
  { from: 'SUSPENDED', action: 'RESUME', to: 'UNCHANGED' },
];

/** The workflow's state of a measure: SUSPENDED while an excluded period is open. */
export function stateOf(measure: {
  status: MeasureStatus;
  suspendedFrom: string | null;
}): MeasureState {
  return measure.suspendedFrom !== null ? 'SUSPENDED' : measure.status;
}

export function allowed(state: MeasureState, action: MeasureAction): boolean {
  return MEASURE_TRANSITIONS.some((move) => move.from === state && move.action === action);
}

/** Whether a measure in this status is still in force (its goods held). */
export function inForce(status: MeasureStatus): boolean {
  return status === 'IN_FORCE' || status === 'EXTENDED';
}

/** `inForce` in SQL, for the measure aliased `alias`. */
export function inForceSql(alias: string): string {
  return `${alias}.status IN ('IN_FORCE','EXTENDED')`;
}

/** INVALID_STATE for `action` from `state`, naming why (`reason`) and what is allowed instead. */
export function refusedMove(
  state: MeasureState,
  action: MeasureAction,
  reason?: Message,
): InvalidState {
  const others = MEASURE_ACTIONS.filter((candidate) => allowed(state, candidate));
  return new InvalidState(
    message('measures.invalidMove', {
      from: message(`measures.state.${state}` as MessageKey),
      action: message(`measures.action.${action}` as MessageKey),
      reason:
        reason ??
        (others.length > 0
          ? message('measures.reason.allowed', { allowed: [...others] })
          : message('measures.reason.ended')),
    }),
    state,
    action,
  );
}

/** Throws INVALID_STATE when `action` is not allowed in `state`. */
export function checkMove(state: MeasureState, action: MeasureAction): void {
  if (!allowed(state, action)) throw refusedMove(state, action);
}
