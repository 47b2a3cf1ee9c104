import { addWorkingDays, isWorkingDay } from './working-days';

const calendar2019 = new Map<string, boolean>([
  ['2019-04-05', false],
  ['2019-04-28', true],
  ['2019-05-01', false],
  ['2019-05-02', false],
  ['2019-05-03', false],
  ['2019-05-05', true],
]);

describe('working days', () => {
  it('skips weekends', () => {
    expect(addWorkingDays('2019-03-15', 1, new Map())).toBe('2019-03-18');
    expect(addWorkingDays('2019-03-15', 15, new Map())).toBe('2019-04-05');
  });

  it('skips a holiday on a weekday (Qingming 2019-04-05)', () => {
    expect(addWorkingDays('2019-03-15', 15, calendar2019)).toBe('2019-04-08');
  });

  it('counts a make-up working day on a weekend', () => {
    expect(isWorkingDay('2019-04-28', calendar2019)).toBe(true);
    expect(addWorkingDays('2019-04-26', 1, calendar2019)).toBe('2019-04-28');
    expect(addWorkingDays('2019-04-30', 1, calendar2019)).toBe('2019-05-05');
  });

  it('adds nothing for zero days', () => {
    expect(addWorkingDays('2019-03-16', 0, new Map())).toBe('2019-03-16');
  });
});
