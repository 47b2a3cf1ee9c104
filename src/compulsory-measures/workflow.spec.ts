import { DomainError } from '../common/errors/domain-errors';
import { render } from '../common/messages/message';
import {
  allowed,
  checkMove,
  MEASURE_ACTIONS,
  stateOf,
  type MeasureAction,
  type MeasureState,
} from './workflow';

/** Each state with the moves it allows; every other move is refused. */
const TABLE: [MeasureState, MeasureAction[]][] = [
  ['IN_FORCE', ['EXTEND', 'RELEASE', 'DISPOSE', 'SUSPEND']],
  ['EXTENDED', ['RELEASE', 'DISPOSE', 'SUSPEND']],
  ['SUSPENDED', ['RESUME']],
  ['RELEASED', []],
  ['DISPOSED', []],
];

describe('the compulsory measure workflow (查封、扣押)', () => {
  describe.each(TABLE)('a measure %s', (state, moves) => {
    it.each(MEASURE_ACTIONS.map((action) => [action, moves.includes(action)] as const))(
      '%s allowed: %s',
      (action, expected) => {
        expect(allowed(state, action)).toBe(expected);
      },
    );
  });

  it('extends only once: an EXTENDED measure cannot extend again (第二十五条)', () => {
    expect(() => checkMove('EXTENDED', 'EXTEND')).toThrow(DomainError);
  });

  it('refuses with INVALID_STATE, from and action, in both languages', () => {
    let error: DomainError | undefined;
    try {
      checkMove('RELEASED', 'EXTEND');
    } catch (caught) {
      error = caught as DomainError;
    }
    expect(error?.code).toBe('INVALID_STATE');
    expect(error?.extensions).toEqual({ from: 'RELEASED', action: 'EXTEND' });
    expect(render(error!.described, 'zh')).toBe(
      '查封扣押当前状态（已解除）下不能延长期限：该措施已终结',
    );
    expect(render(error!.described, 'en')).toBe(
      'A measure that is released cannot extend it: the measure has ended',
    );
  });

  it('is SUSPENDED while an excluded period runs, whatever its status', () => {
    expect(stateOf({ status: 'EXTENDED', suspendedFrom: '2019-04-12' })).toBe('SUSPENDED');
    expect(stateOf({ status: 'IN_FORCE', suspendedFrom: null })).toBe('IN_FORCE');
  });
});
