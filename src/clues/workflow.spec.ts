import { DomainError } from '../common/errors/domain-errors';
import { render } from '../common/messages/message';
import { CLUE_ACTIONS, checkClueMove, ClueAction, clueMoveAllowed, ClueState } from './workflow';

const complaint: ClueState = {
  kind: 'COMPLAINT',
  status: 'RECEIVED',
  anonymous: false,
  informed: false,
  extended: false,
};
const report: ClueState = { ...complaint, kind: 'REPORT' };
const anonymousReport: ClueState = { ...report, anonymous: true };

/** Each state with exactly the moves it allows and, for each, the status after it. */
const TABLE: [string, ClueState, Partial<Record<ClueAction, string>>][] = [
  [
    'a complaint received',
    complaint,
    {
      ACCEPT: 'ACCEPTED',
      REFUSE: 'REFUSED',
      TRANSFER_TO_BUREAU: 'RECEIVED',
      TRANSFER_OUT: 'TRANSFERRED',
    },
  ],
  [
    'a complaint accepted',
    { ...complaint, status: 'ACCEPTED' },
    { CLOSE: 'CLOSED', LINK: 'ACCEPTED' },
  ],
  ['a complaint refused', { ...complaint, status: 'REFUSED' }, {}],
  ['a complaint transferred out', { ...complaint, status: 'TRANSFERRED' }, {}],
  ['a complaint closed', { ...complaint, status: 'CLOSED' }, {}],
  [
    'a report received',
    report,
    {
      EXTEND_VERIFICATION: 'RECEIVED',
      DECIDE_FILED: 'FILED',
      DECIDE_NOT_FILED: 'NOT_FILED',
      TRANSFER_TO_BUREAU: 'RECEIVED',
      TRANSFER_OUT: 'TRANSFERRED',
      LINK: 'RECEIVED',
    },
  ],
  [
    'a report whose verification was extended already',
    { ...report, extended: true },
    {
      DECIDE_FILED: 'FILED',
      DECIDE_NOT_FILED: 'NOT_FILED',
      TRANSFER_TO_BUREAU: 'RECEIVED',
      TRANSFER_OUT: 'TRANSFERRED',
      LINK: 'RECEIVED',
    },
  ],
  [
    'a named report filed, reporter not told',
    { ...report, status: 'FILED' },
    { INFORM: 'FILED', LINK: 'FILED' },
  ],
  [
    'a named report filed, reporter told',
    { ...report, status: 'FILED', informed: true },
    { CLOSE: 'CLOSED', LINK: 'FILED' },
  ],
  [
    'an anonymous report filed',
    { ...anonymousReport, status: 'FILED' },
    { CLOSE: 'CLOSED', LINK: 'FILED' },
  ],
  [
    'a named report not filed, reporter not told',
    { ...report, status: 'NOT_FILED' },
    { INFORM: 'NOT_FILED', LINK: 'NOT_FILED' },
  ],
  [
    'an anonymous report not filed',
    { ...anonymousReport, status: 'NOT_FILED' },
    { CLOSE: 'CLOSED', LINK: 'NOT_FILED' },
  ],
  ['a report closed', { ...report, status: 'CLOSED', informed: true }, {}],
  ['a report transferred out', { ...report, status: 'TRANSFERRED' }, {}],
];

describe('the moves of a clue', () => {
  it.each(TABLE)('%s allows exactly its moves', (_name, state, moves) => {
    expect(CLUE_ACTIONS.filter((action) => clueMoveAllowed(state, action))).toEqual(
      Object.keys(moves),
    );
    for (const [action, to] of Object.entries(moves))
      expect(checkClueMove(state, action as ClueAction)).toBe(to);
  });

  it.each(
    TABLE.flatMap(([name, state, moves]) =>
      CLUE_ACTIONS.filter((action) => !(action in moves)).map(
        (action): [string, ClueState, ClueAction] => [name, state, action],
      ),
    ),
  )('%s refuses %s', (_name, state, action) => {
    let thrown: unknown;
    try {
      checkClueMove(state, action);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DomainError);
    const error = thrown as DomainError;
    expect(error.code).toBe('INVALID_STATE');
    expect(error.extensions).toEqual({ from: state.status, action });
  });

  it('names the state and the move in both languages', () => {
    let thrown: unknown;
    try {
      checkClueMove({ ...complaint, status: 'REFUSED' }, 'ACCEPT');
    } catch (error) {
      thrown = error;
    }
    const described = (thrown as DomainError).described;
    expect(render(described, 'en')).toBe(
      'A complaint that is refused cannot be accepted; its handling is over',
    );
    expect(render(described, 'zh')).toBe('不予受理的投诉不能受理：该线索已处理完毕');
  });

  it('names the moves still open in the clerk’s words in Chinese, by code in English', () => {
    let thrown: unknown;
    try {
      checkClueMove({ ...complaint, status: 'ACCEPTED' }, 'REFUSE');
    } catch (error) {
      thrown = error;
    }
    const described = (thrown as DomainError).described;
    expect(render(described, 'zh')).toBe(
      '已受理的投诉不能不予受理，当前可以：办结、关联检查记录或发现问题',
    );
    expect(render(described, 'en')).toBe(
      'A complaint that is accepted cannot be refused; allowed: CLOSE, LINK',
    );
  });
});
