import { sweepDateProblems, sweepDays } from './sweep-dates';

describe('sweep dates', () => {
  it('counts both ends', () => {
    expect(sweepDays('2019-03-01', '2019-03-01')).toBe(1);
    expect(sweepDays('2020-01-01', '2020-12-31')).toBe(366);
  });

  it.each([
    ['a leap year', '2020-01-01', '2020-12-31'],
    ['one day', '2019-03-15', '2019-03-15'],
    ['from the first day allowed', '2000-01-01', '2000-06-30'],
  ])('accepts %s', (_, start, end) => {
    expect(sweepDateProblems(start, end)).toEqual([]);
  });

  it.each([
    ['a start before 2000', '0100-01-01', '0100-02-01', ['input.startDate']],
    ['367 days', '2019-01-01', '2020-01-02', ['input.endDate']],
    ['9999 as the end', '2019-01-01', '9999-12-31', ['input.endDate']],
    ['an end before the start', '2019-03-02', '2019-03-01', ['input.endDate']],
  ])('refuses %s', (_, start, end, paths) => {
    expect(sweepDateProblems(start, end).map((problem) => problem.path)).toEqual(paths);
  });
});
