import { inspectedAtProblem, officersProblem } from './inspection-rules';

const sweep = { startDate: '2019-03-16', endDate: '2019-04-30' };
const now = new Date('2019-04-01T00:00:00Z');

describe('inspectedAtProblem', () => {
  it.each([
    ['the first Shanghai day of the sweep, just after midnight', '2019-03-15T16:00:00Z', null],
    ['the last Shanghai day before the sweep', '2019-03-15T15:59:59Z', 'within'],
    ['the last Shanghai day of the sweep', '2019-03-31T23:00:00Z', null],
    ['a minute ahead of the server clock', '2019-04-01T00:01:00Z', null],
    ['ten minutes ahead of the server clock', '2019-04-01T00:10:00Z', 'future'],
  ])('judges %s', (_name, instant, expected) => {
    const problem = inspectedAtProblem(new Date(instant), now, sweep);
    if (expected === null) expect(problem).toBeNull();
    else expect(problem).toContain(expected);
  });

  it('refuses a day after the sweep ended even when it is in the past', () => {
    const problem = inspectedAtProblem(
      new Date('2019-04-30T16:00:00Z'),
      new Date('2020-01-01T00:00:00Z'),
      sweep,
    );
    expect(problem).toContain('within');
  });
});

describe('officersProblem', () => {
  const active = new Map([
    ['a', true],
    ['b', true],
    ['c', false],
  ]);

  it('accepts two distinct active officers including the caller', () => {
    expect(officersProblem(['a', 'b'], 'a', active)).toBeNull();
  });

  it('refuses the same officer twice', () => {
    expect(officersProblem(['a', 'a'], 'a', active)).toContain('two distinct');
  });

  it('refuses an unknown officer', () => {
    expect(officersProblem(['a', 'x'], 'a', active)).toContain('unknown');
  });

  it('refuses a deactivated officer', () => {
    expect(officersProblem(['a', 'c'], 'a', active)).toContain('deactivated');
  });

  it('refuses when the caller is not among the officers', () => {
    expect(officersProblem(['a', 'b'], 'z', active)).toContain('must include');
  });
});
