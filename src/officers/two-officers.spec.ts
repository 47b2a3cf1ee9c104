import { render } from '../common/messages/message';
import { twoOfficersProblem } from './two-officers';

describe('twoOfficersProblem', () => {
  const eligible = new Set(['a', 'b']);
  const problem = (ids: string[], caller: string): string | null => {
    const found = twoOfficersProblem(ids, caller, eligible);
    return found && render(found, 'en');
  };

  it('accepts two distinct eligible officers including the caller', () => {
    expect(problem(['a', 'b'], 'a')).toBeNull();
  });

  it.each([
    ['the same officer twice', ['a', 'a'], 'a', 'needs at least two distinct officers'],
    ['a single officer', ['a'], 'a', 'needs at least two distinct officers'],
    ['officers without the caller', ['a', 'b'], 'z', 'must include the officer recording it'],
  ])('refuses %s', (_name, ids, caller, expected) => {
    expect(problem(ids, caller)).toBe(expected);
  });

  it('refuses every ineligible id (unknown, deactivated, wrong role or bureau) with one message naming them all', () => {
    const found = twoOfficersProblem(['a', 'x', 'c'], 'a', eligible);
    expect(found).toEqual({ key: 'officers.notEligible', params: { ids: ['x', 'c'] } });
    expect(render(found!, 'en')).toMatch(/: x, ?c$/);
    expect(render(found!, 'zh')).toMatch(/：x、c$/);
  });
});
