import type { HolidayCalendar } from '../cases/clocks';
import { measureClock } from './measure-clock';

/** 2019: 清明 5 April off; 劳动节 1–4 May off, Sunday 28 April and Sunday 5 May worked. */
const calendar: HolidayCalendar = {
  exceptions: new Map([
    ['2019-04-05', false],
    ['2019-04-28', true],
    ['2019-05-01', false],
    ['2019-05-02', false],
    ['2019-05-03', false],
    ['2019-05-04', false],
    ['2019-05-05', true],
  ]),
  coveredYears: new Set([2019]),
};

const measure = (decidedOn: string, extendedBy = 0) => ({
  decidedOn,
  extendedBy,
  releasedOn: null,
  disposedOn: null,
});

describe('the clock of a compulsory measure (行政强制法 第二十五条)', () => {
  it.each([
    // [decided on, extension, suspensions, as of, due on, paused days, overdue]
    [
      '30 calendar days, the start day not counted',
      '2019-04-10',
      0,
      [],
      '2019-05-10',
      '2019-05-10',
      0,
      false,
    ],
    ['overdue the day after its due day', '2019-04-10', 0, [], '2019-05-11', '2019-05-10', 0, true],
    [
      'a last day on a Saturday moves to Monday',
      '2019-04-11',
      0,
      [],
      '2019-05-10',
      '2019-05-13',
      0,
      false,
    ],
    [
      'a last day on the May Day holiday moves to the Sunday worked in exchange',
      '2019-04-02',
      0,
      [],
      '2019-04-20',
      '2019-05-05',
      0,
      false,
    ],
    [
      'an extension of 30 days adds before the shift',
      '2019-04-10',
      30,
      [],
      '2019-05-10',
      '2019-06-10',
      0,
      false,
    ],
    [
      'ten days of testing are excluded',
      '2019-04-10',
      0,
      [{ from: '2019-04-15', to: '2019-04-24' }],
      '2019-05-10',
      '2019-05-20',
      10,
      false,
    ],
    [
      'a test still running counts up to the as-of day',
      '2019-04-10',
      0,
      [{ from: '2019-04-15', to: null }],
      '2019-04-20',
      '2019-05-16',
      6,
      false,
    ],
  ] as const)(
    '%s',
    (_name, decidedOn, extendedBy, suspensions, asOf, dueOn, pausedDays, overdue) => {
      const clock = measureClock(measure(decidedOn, extendedBy), suspensions, calendar, asOf);
      expect(clock).toMatchObject({
        kind: 'COMPULSORY_MEASURE',
        startedOn: decidedOn,
        dueOn,
        pausedDays,
        overdue,
        basis: '行政强制法 第二十五条',
      });
    },
  );

  it('is met the day the measure is released, and is then never overdue', () => {
    const clock = measureClock(
      { ...measure('2019-04-10'), releasedOn: '2019-05-20' },
      [],
      calendar,
      '2019-06-30',
    );
    expect(clock).toMatchObject({ metOn: '2019-05-20', overdue: false });
  });
});
