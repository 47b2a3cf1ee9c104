import { DomainError } from '../common/errors/domain-errors';
import { render } from '../common/messages/message';
import type { FollowUpAction } from './follow-up.entity';
import { allowed, checkMove, FindingTracksState, nextRectification } from './workflow';

const fresh: FindingTracksState = {
  status: 'OPEN',
  rectification: 'OPEN',
  filingDecided: false,
  caseStatus: null,
  caseDecided: false,
};
const rectifying = {
  ...fresh,
  status: 'RECTIFYING' as const,
  rectification: 'RECTIFYING' as const,
};
const resolved = { ...fresh, status: 'RESOLVED' as const, rectification: 'RESOLVED' as const };
const filed = { ...fresh, status: 'CASE_FILED' as const, filingDecided: true, caseStatus: 'FILED' };
const filedRectifying = { ...filed, rectification: 'RECTIFYING' as const };
const decided = {
  ...filed,
  status: 'PENALIZED' as const,
  caseStatus: 'DECIDED',
  caseDecided: true,
};
const closed = { ...decided, status: 'CLOSED' as const, caseStatus: 'CLOSED' };
const declined = { ...fresh, status: 'NOT_FILED' as const, filingDecided: true };
const transferred = { ...filed, status: 'TRANSFERRED' as const, caseStatus: 'TRANSFERRED' };

const ACTIONS: FollowUpAction[] = [
  'RECTIFICATION_ORDERED',
  'REINSPECTION_PASSED',
  'REINSPECTION_FAILED',
  'CASE_FILED',
  'PENALTY_DECIDED',
  'TRANSFERRED_TO_POLICE',
  'CLOSED',
];

/** Each state with the actions it allows; every other action is refused. */
const TABLE: [string, FindingTracksState, FollowUpAction[]][] = [
  ['a fresh finding', fresh, ['RECTIFICATION_ORDERED', 'CASE_FILED', 'TRANSFERRED_TO_POLICE']],
  [
    'a rectifying finding',
    rectifying,
    ['REINSPECTION_PASSED', 'REINSPECTION_FAILED', 'CASE_FILED', 'TRANSFERRED_TO_POLICE'],
  ],
  [
    'a rectified finding still needing a filing decision',
    resolved,
    ['CASE_FILED', 'TRANSFERRED_TO_POLICE'],
  ],
  [
    'a filed case, rectification not ordered (both tracks run together)',
    filed,
    ['RECTIFICATION_ORDERED', 'PENALTY_DECIDED', 'TRANSFERRED_TO_POLICE', 'CLOSED'],
  ],
  [
    'a filed case while rectifying',
    filedRectifying,
    [
      'REINSPECTION_PASSED',
      'REINSPECTION_FAILED',
      'PENALTY_DECIDED',
      'TRANSFERRED_TO_POLICE',
      'CLOSED',
    ],
  ],
  ['a decided case', decided, ['RECTIFICATION_ORDERED', 'CLOSED']],
  ['a closed case', closed, ['RECTIFICATION_ORDERED']],
  ['a declined finding', declined, ['RECTIFICATION_ORDERED']],
  ['a case with the police', transferred, ['RECTIFICATION_ORDERED']],
];

describe('the follow-up workflow on two tracks', () => {
  it.each(TABLE)('%s allows exactly its moves', (_name, state, moves) => {
    expect(ACTIONS.filter((action) => allowed(state, action))).toEqual(moves);
  });

  it.each(
    TABLE.flatMap(([name, state, moves]) =>
      ACTIONS.filter((action) => !moves.includes(action)).map(
        (action): [string, FindingTracksState, FollowUpAction] => [name, state, action],
      ),
    ),
  )('%s refuses %#', (_name, state, action) => {
    let thrown: unknown;
    try {
      checkMove(state, action);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DomainError);
    const error = thrown as DomainError;
    expect(error.code).toBe('INVALID_STATE');
    const from = action.startsWith('RE') ? state.rectification : state.status;
    expect(error.extensions).toEqual({ from, action });
    expect(render(error.described, 'en')).toContain(
      `is ${from} cannot take the follow-up ${action}`,
    );
  });

  it('moves the rectification track and leaves it for case actions', () => {
    expect(nextRectification('OPEN', 'RECTIFICATION_ORDERED')).toBe('RECTIFYING');
    expect(nextRectification('RECTIFYING', 'REINSPECTION_PASSED')).toBe('RESOLVED');
    expect(nextRectification('RECTIFYING', 'REINSPECTION_FAILED')).toBe('RECTIFYING');
    expect(nextRectification('RECTIFYING', 'CASE_FILED')).toBe('RECTIFYING');
  });
});
