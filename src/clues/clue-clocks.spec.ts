import type { HolidayCalendar } from '../cases/clocks';
import { ClueClockFacts, clueClocks, clueDueOn } from './clue-clocks';

/** The days of the State Council notices the cases below run through. */
const calendar: HolidayCalendar = {
  exceptions: new Map<string, boolean>([
    ...['2019-04-05', '2019-04-06', '2019-04-07', '2019-05-01', '2019-05-02', '2019-05-03']
      .concat(['2019-05-04'])
      .map((day): [string, boolean] => [day, false]),
    ...['2020-10-01', '2020-10-02', '2020-10-03', '2020-10-04', '2020-10-05', '2020-10-06']
      .concat(['2020-10-07', '2020-10-08'])
      .map((day): [string, boolean] => [day, false]),
    ['2019-05-05', true],
    ['2020-10-10', true],
  ]),
  coveredYears: new Set([2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]),
};

const complaint: ClueClockFacts = {
  kind: 'COMPLAINT',
  anonymous: false,
  receivedOn: '2019-04-01',
  acceptedOn: null,
  refusedOn: null,
  verificationExtendedBy: 0,
  decidedOn: null,
  informedOn: null,
  transferredOn: null,
  closedOn: null,
};
const report: ClueClockFacts = { ...complaint, kind: 'REPORT', receivedOn: '2020-09-28' };

type Row = [string, ClueClockFacts, string, Record<string, unknown>[]];
const ROWS: Row[] = [
  [
    'a complaint: 7 working days to accept, over the Qingming holiday (第十四条)',
    complaint,
    '2019-04-03',
    [{ kind: 'CLUE_ACCEPTANCE', dueOn: '2019-04-11', metOn: null, overdue: false }],
  ],
  [
    'a complaint not decided after its due day is overdue',
    complaint,
    '2019-04-12',
    [{ kind: 'CLUE_ACCEPTANCE', dueOn: '2019-04-11', overdue: true }],
  ],
  [
    'a complaint refused in time is met, not overdue',
    { ...complaint, refusedOn: '2019-04-11' },
    '2019-05-30',
    [{ kind: 'CLUE_ACCEPTANCE', metOn: '2019-04-11', overdue: false }],
  ],
  [
    'a complaint sent on to another authority meets its acceptance clock',
    { ...complaint, transferredOn: '2019-04-02' },
    '2019-05-30',
    [{ kind: 'CLUE_ACCEPTANCE', metOn: '2019-04-02', overdue: false }],
  ],
  [
    'an accepted complaint: 45 working days of mediation from acceptance (第二十一条), over May Day',
    { ...complaint, acceptedOn: '2019-04-03' },
    '2019-04-03',
    [
      { kind: 'CLUE_ACCEPTANCE', metOn: '2019-04-03', overdue: false },
      // 4 April counts 1 (the 5th is Qingming), May Day 1–4 off, Sunday 5 May worked: the 45th
      // working day is Monday 10 June in this table (it lacks 端午, 7 June)
      { kind: 'CLUE_MEDIATION', startedOn: '2019-04-03', dueOn: '2019-06-10', metOn: null },
    ],
  ],
  [
    'a complaint closed meets its mediation clock',
    { ...complaint, acceptedOn: '2019-04-03', closedOn: '2019-05-20' },
    '2019-07-01',
    [
      { kind: 'CLUE_ACCEPTANCE', overdue: false },
      { kind: 'CLUE_MEDIATION', metOn: '2019-05-20', overdue: false },
    ],
  ],
  [
    'a complaint accepted and not closed by its mediation due day is overdue',
    { ...complaint, acceptedOn: '2019-04-03' },
    '2019-06-11',
    [
      { kind: 'CLUE_ACCEPTANCE', overdue: false },
      { kind: 'CLUE_MEDIATION', dueOn: '2019-06-10', overdue: true },
    ],
  ],
  [
    'a report: 15 working days to verify, over National Day and its Saturday worked (第十八条)',
    report,
    '2020-09-29',
    [{ kind: 'CLUE_VERIFICATION', dueOn: '2020-10-26', extendedBy: 0, provisional: false }],
  ],
  [
    'a report extended once by 15 working days',
    { ...report, verificationExtendedBy: 15 },
    '2020-09-29',
    [{ kind: 'CLUE_VERIFICATION', dueOn: '2020-11-16', extendedBy: 15 }],
  ],
  [
    'a named report decided: 5 working days to tell the reporter, from the decision (第三十二条)',
    { ...report, receivedOn: '2019-04-22', decidedOn: '2019-04-30' },
    '2019-05-06',
    [
      { kind: 'CLUE_VERIFICATION', metOn: '2019-04-30', overdue: false },
      { kind: 'CLUE_INFORMING', startedOn: '2019-04-30', dueOn: '2019-05-09', metOn: null },
    ],
  ],
  [
    'an anonymous report decided has no informing clock',
    { ...report, anonymous: true, receivedOn: '2019-04-22', decidedOn: '2019-04-30' },
    '2019-05-06',
    [{ kind: 'CLUE_VERIFICATION', metOn: '2019-04-30' }],
  ],
  [
    'a clue received in a year the holiday table lacks is provisional',
    { ...complaint, receivedOn: '2027-01-04' },
    '2027-01-05',
    [{ kind: 'CLUE_ACCEPTANCE', dueOn: '2027-01-13', provisional: true }],
  ],
];

describe('the clocks of a clue', () => {
  it.each(ROWS)('%s', (_name, facts, asOf, expected) => {
    const clocks = clueClocks(facts, calendar, asOf);
    expect(clocks).toHaveLength(expected.length);
    expected.forEach((clock, index) => expect(clocks[index]).toMatchObject(clock));
  });

  it('is due on the earliest clock not met, and on no day once every clock is met', () => {
    const decided = { ...report, receivedOn: '2019-04-22', decidedOn: '2019-04-30' };
    expect(clueDueOn(clueClocks(decided, calendar, '2019-05-01'))).toBe('2019-05-09');
    expect(
      clueDueOn(clueClocks({ ...decided, informedOn: '2019-05-06' }, calendar, '2019-05-06')),
    ).toBeNull();
    expect(clueDueOn(clueClocks(complaint, calendar, '2019-04-01'))).toBe('2019-04-11');
    const accepted = { ...complaint, acceptedOn: '2019-04-03' };
    expect(clueDueOn(clueClocks(accepted, calendar, '2019-04-03'))).toBe('2019-06-10');
    expect(
      clueDueOn(clueClocks({ ...accepted, closedOn: '2019-04-30' }, calendar, '2019-04-30')),
    ).toBeNull();
  });
});
