import { InvalidState } from '../common/errors/domain-errors';
import { message } from '../common/messages/message';
import type { ClueKind, ClueStatus } from './clue.entity';

/**
 * The moves of a clue (投诉举报线索) as data, by 市场监督管理投诉举报处理暂行办法 (总局令第20号):
 * - a complaint (投诉) is accepted (受理) or refused (不予受理) within 7 working days of receipt
 *   (第十四条), or sent on to the competent authority (移送); once accepted it is handled (mediation,
 *   inspection) and closed (办结), a mediation without agreement ending 45 working days after
 *   acceptance (第二十一条);
 * - a report (举报) is verified (核查) and the head decides whether a case is filed (立案 or 不予立案,
 *   市场监督管理行政处罚程序规定 第十八条: 15 working days, extendable once by 15); a named reporter
 *   is then told of the decision (办法 第三十二条), an anonymous one is not; then it is closed.
 * A transfer to another bureau of the city keeps the status (the clue changes hands); a transfer to
 * another authority ends our handling (TRANSFERRED). Linking inspections and findings (the
 * verification's work) is open while the clue is being handled. Anything else is INVALID_STATE.
 */
export const CLUE_ACTIONS = [
  'ACCEPT',
  'REFUSE',
  'EXTEND_VERIFICATION',
  'DECIDE_FILED',
  'DECIDE_NOT_FILED',
  'INFORM',
  'TRANSFER_TO_BUREAU',
  'TRANSFER_OUT',
  'CLOSE',
  'LINK',
] as const;
export type ClueAction = (typeof CLUE_ACTIONS)[number];

export interface ClueState {
  kind: ClueKind;
  status: ClueStatus;
  anonymous: boolean;
  /** Whether the reporter was told of the filing decision. */
  informed: boolean;
  /** Whether the verification clock was extended already (once only). */
  extended: boolean;
}

type Guard = (state: ClueState) => boolean;
const always: Guard = () => true;
/** 第三十二条: only a named reporter is told, once. */
const toInform: Guard = (state) => !state.anonymous && !state.informed;
/** A named reporter must have been told before the report is closed. */
const informedOrAnonymous: Guard = (state) => state.anonymous || state.informed;
const notExtended: Guard = (state) => !state.extended;

export const CLUE_MOVES: readonly {
  kind: ClueKind;
  from: ClueStatus;
  action: ClueAction;
  to: ClueStatus;
  when: Guard;
}[] = [
  { kind: 'COMPLAINT', from: 'RECEIVED', action: 'ACCEPT', to: 'ACCEPTED', when: always },
  { kind: 'COMPLAINT', from: 'RECEIVED', action: 'REFUSE', to: 'REFUSED', when: always },
  {
    kind: 'COMPLAINT',
    from: 'RECEIVED',
    action: 'TRANSFER_TO_BUREAU',
    to: 'RECEIVED',
    when: always,
  },
  { kind: 'COMPLAINT', from: 'RECEIVED', action: 'TRANSFER_OUT', to: 'TRANSFERRED', when: always },
  { kind: 'COMPLAINT', from: 'ACCEPTED', action: 'LINK', to: 'ACCEPTED', when: always },
  { kind: 'COMPLAINT', from: 'ACCEPTED', action: 'CLOSE', to: 'CLOSED', when: always },
  {
    kind: 'REPORT',
    from: 'RECEIVED',
    action: 'EXTEND_VERIFICATION',
    to: 'RECEIVED',
    when: notExtended,
  },
  { kind: 'REPORT', from: 'RECEIVED', action: 'DECIDE_FILED', to: 'FILED', when: always },
  { kind: 'REPORT', from: 'RECEIVED', action: 'DECIDE_NOT_FILED', to: 'NOT_FILED', when: always },
  { kind: 'REPORT', from: 'RECEIVED', action: 'TRANSFER_TO_BUREAU', to: 'RECEIVED', when: always },
  { kind: 'REPORT', from: 'RECEIVED', action: 'TRANSFER_OUT', to: 'TRANSFERRED', when: always },
  { kind: 'REPORT', from: 'RECEIVED', action: 'LINK', to: 'RECEIVED', when: always },
  { kind: 'REPORT', from: 'FILED', action: 'INFORM', to: 'FILED', when: toInform },
  { kind: 'REPORT', from: 'FILED', action: 'LINK', to: 'FILED', when: always },
  { kind: 'REPORT', from: 'FILED', action: 'CLOSE', to: 'CLOSED', when: informedOrAnonymous },
  { kind: 'REPORT', from: 'NOT_FILED', action: 'INFORM', to: 'NOT_FILED', when: toInform },
  { kind: 'REPORT', from: 'NOT_FILED', action: 'LINK', to: 'NOT_FILED', when: always },
  {
    kind: 'REPORT',
    from: 'NOT_FILED',
    action: 'CLOSE',
    to: 'CLOSED',
    when: informedOrAnonymous,
  },
];

function moveOf(state: ClueState, action: ClueAction) {
  return CLUE_MOVES.find(
    (move) =>
      move.kind === state.kind &&
      move.from === state.status &&
      move.action === action &&
      move.when(state),
  );
}

export function clueMoveAllowed(state: ClueState, action: ClueAction): boolean {
  return moveOf(state, action) !== undefined;
}

/** The status after `action`; throws INVALID_STATE with `from` and `action` when not allowed. */
export function checkClueMove(state: ClueState, action: ClueAction): ClueStatus {
  const move = moveOf(state, action);
  if (move) return move.to;
  const others = CLUE_ACTIONS.filter((candidate) => clueMoveAllowed(state, candidate));
  const params = {
    kind: message(`clues.kind.${state.kind}`),
    status: message(`clues.status.${state.status}`),
    move: message(`clues.action.${action}`),
  };
  throw new InvalidState(
    others.length > 0
      ? message('clues.invalidMove', {
          ...params,
          allowed: others,
          allowedMoves: others.map((other) => message(`clues.action.${other}`)),
        })
      : message('clues.invalidMoveFinal', params),
    state.status,
    action,
  );
}
