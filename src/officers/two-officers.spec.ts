import { render } from '../common/messages/message';
import { twoOfficersProblem } from './two-officers';

describe('twoOfficersProblem', () => {
  const active = new Map([
    ['a', true],
    ['b', true],
    ['c', false],
  ]);
  const problem = (ids: string[], caller: string): string | null => {
    const found = twoOfficersProblem(ids, caller, active);
    return found && render(found, 'en');
  };

  it('accepts two distinct active officers including the caller', () => {
    expect(problem(['a', 'b'], 'a')).toBeNull();
  });

  it.each([
    ['the same officer twice', ['a', 'a'], 'a', 'needs at least two distinct officers'],
    ['a single officer', ['a'], 'a', 'needs at least two distinct officers'],
    ['an unknown officer', ['a', 'x'], 'a', 'unknown officers: x'],
    ['a deactivated officer', ['a', 'c'], 'a', 'deactivated officers: c'],
    ['officers without the caller', ['a', 'b'], 'z', 'must include the officer recording it'],
  ])('refuses %s', (_name, ids, caller, expected) => {
    expect(problem(ids, caller)).toBe(expected);
  });

  it('names unknown officers before deactivated ones, in Chinese too', () => {
    const found = twoOfficersProblem(['a', 'x', 'c'], 'a', active);
    expect(render(found!, 'en')).toBe('unknown officers: x');
    expect(render(found!, 'zh')).toBe('以下执法人员不存在：x');
  });
});
