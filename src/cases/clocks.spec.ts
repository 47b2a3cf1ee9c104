import { computeClock, extensionRefusal, HolidayCalendar, ClockInput } from './clocks';

/** Days of the State Council notices the cases below run through (shared/reference CSV). */
const HOLIDAYS = [
  '2019-04-05',
  '2019-04-06',
  '2019-04-07',
  '2019-05-01',
  '2019-05-02',
  '2019-05-03',
  '2019-05-04',
  '2020-10-01',
  '2020-10-02',
  '2020-10-03',
  '2020-10-04',
  '2020-10-05',
  '2020-10-06',
  '2020-10-07',
  '2020-10-08',
  '2024-02-10',
  '2024-02-11',
  '2024-02-12',
  '2024-02-13',
  '2024-02-14',
  '2024-02-15',
  '2024-02-16',
  '2024-02-17',
  '2025-01-28',
  '2025-01-29',
  '2025-01-30',
  '2025-01-31',
  '2025-02-01',
  '2025-02-02',
  '2025-02-03',
  '2025-02-04',
];
const WORKDAYS = [
  '2019-04-28',
  '2019-05-05',
  '2020-10-10',
  '2024-02-04',
  '2024-02-18',
  '2025-01-26',
  '2025-02-08',
];

const calendar: HolidayCalendar = {
  exceptions: new Map([
    ...HOLIDAYS.map((day): [string, boolean] => [day, false]),
    ...WORKDAYS.map((day): [string, boolean] => [day, true]),
  ]),
  coveredYears: new Set([2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]),
};

type Row = [
  string,
  Omit<ClockInput, 'asOf'> & { asOf?: string },
  Partial<ReturnType<typeof computeClock>>,
];

const ROWS: Row[] = [
  [
    'filing, 15 working days over the 2024 Spring Festival (not 2024-02-16)',
    { kind: 'FILING_DECISION', startedOn: '2024-01-26' },
    { dueOn: '2024-02-21', provisional: false },
  ],
  [
    'filing, 15 working days over the 2025 Spring Festival (not 2025-02-10)',
    { kind: 'FILING_DECISION', startedOn: '2025-01-20' },
    { dueOn: '2025-02-14' },
  ],
  [
    'filing from 2019-04-01: the SAMR rule, Qingming skipped',
    { kind: 'FILING_DECISION', startedOn: '2019-04-01' },
    { dueOn: '2019-04-23', basis: '市场监督管理行政处罚程序规定 第十八条' },
  ],
  [
    'filing before 2019-04-01: 7 working days (工商 rule 第十七条)',
    { kind: 'FILING_DECISION', startedOn: '2019-03-20' },
    { dueOn: '2019-03-29', basis: '工商行政管理机关行政处罚程序规定 第十七条' },
  ],
  [
    'filing before 2019-04-01 extended to 15 working days',
    { kind: 'FILING_DECISION', startedOn: '2019-03-20', extendedBy: 8 },
    { dueOn: '2019-04-11', extendedBy: 8 },
  ],
  [
    'filing extended by 15 working days',
    { kind: 'FILING_DECISION', startedOn: '2019-04-01', extendedBy: 15 },
    { dueOn: '2019-05-15' },
  ],
  [
    'filing suspended two working days',
    {
      kind: 'FILING_DECISION',
      startedOn: '2019-04-01',
      suspensions: [{ from: '2019-04-03', to: '2019-04-04' }],
    },
    { dueOn: '2019-04-25', pausedDays: 2 },
  ],
  [
    'filing suspended and not resumed: paused up to the as-of day, counting a make-up Sunday',
    {
      kind: 'FILING_DECISION',
      startedOn: '2019-04-01',
      suspensions: [{ from: '2019-04-03', to: null }],
      asOf: '2019-04-10',
    },
    { dueOn: '2019-04-29', pausedDays: 5, overdue: false },
  ],
  [
    'penalty decision, 90 days, on a working day',
    { kind: 'PENALTY_DECISION', startedOn: '2019-03-22' },
    { dueOn: '2019-06-20', basis: '工商行政管理机关行政处罚程序规定 第五十七条' },
  ],
  [
    'penalty decision ending in the National Day holiday moves to the next working day',
    { kind: 'PENALTY_DECISION', startedOn: '2020-07-03' },
    { dueOn: '2020-10-09' },
  ],
  [
    'penalty decision extended by 30 days',
    { kind: 'PENALTY_DECISION', startedOn: '2019-04-10', extendedBy: 30 },
    { dueOn: '2019-08-08' },
  ],
  [
    'penalty decision with ten days of testing excluded',
    {
      kind: 'PENALTY_DECISION',
      startedOn: '2019-04-10',
      suspensions: [{ from: '2019-05-01', to: '2019-05-10' }],
    },
    { dueOn: '2019-07-19', pausedDays: 10 },
  ],
  [
    'overlapping suspensions count once, then the Sunday shifts to Monday',
    {
      kind: 'PENALTY_DECISION',
      startedOn: '2019-04-10',
      suspensions: [
        { from: '2019-05-01', to: '2019-05-10' },
        { from: '2019-05-05', to: '2019-05-12' },
      ],
    },
    { dueOn: '2019-07-22', pausedDays: 12 },
  ],
  [
    'a collective discussion fixes the due day',
    {
      kind: 'PENALTY_DECISION',
      startedOn: '2019-04-10',
      extendedBy: 30,
      dueOverride: '2019-09-30',
    },
    { dueOn: '2019-09-30' },
  ],
  [
    'transfer approval, 3 days ending on Qingming moves to Monday',
    { kind: 'TRANSFER_APPROVAL', startedOn: '2019-04-03' },
    { dueOn: '2019-04-08' },
  ],
  [
    'publication, 20 working days',
    { kind: 'PUBLICATION', startedOn: '2019-04-22' },
    { dueOn: '2019-05-21' },
  ],
  [
    'publication into an uncovered year is provisional, weekends only',
    { kind: 'PUBLICATION', startedOn: '2027-01-05' },
    { dueOn: '2027-02-02', provisional: true },
  ],
  [
    'a clock running from 2026 into 2027 is provisional',
    { kind: 'PUBLICATION', startedOn: '2026-12-20' },
    { provisional: true },
  ],
  [
    'payment, 15 days, overdue the day after',
    { kind: 'PAYMENT', startedOn: '2019-05-06', asOf: '2019-05-22' },
    { dueOn: '2019-05-21', overdue: true },
  ],
  [
    'payment on its due day is not overdue',
    { kind: 'PAYMENT', startedOn: '2019-05-06', asOf: '2019-05-21' },
    { overdue: false },
  ],
  [
    'a met clock is never overdue',
    { kind: 'PAYMENT', startedOn: '2019-05-06', metOn: '2019-05-30', asOf: '2019-06-30' },
    { overdue: false, metOn: '2019-05-30' },
  ],
];

describe('legal clocks (期限)', () => {
  it.each(ROWS)('%s', (_name, input, expected) => {
    expect(computeClock({ asOf: '2019-01-01', ...input }, calendar)).toMatchObject(expected);
  });
});

describe('extensions', () => {
  it.each([
    ['filing +15 once under the SAMR rule', 'FILING_DECISION', '2019-04-01', 0, 15, false, null],
    [
      'filing +16 is beyond 第十八条',
      'FILING_DECISION',
      '2019-04-01',
      0,
      16,
      false,
      '市场监督管理行政处罚程序规定 第十八条',
    ],
    [
      'filing a second time is beyond 第十八条',
      'FILING_DECISION',
      '2019-04-01',
      15,
      1,
      false,
      '市场监督管理行政处罚程序规定 第十八条',
    ],
    ['filing +8 under the 工商 rule', 'FILING_DECISION', '2019-03-20', 0, 8, false, null],
    [
      'filing +9 beyond the 工商 rule',
      'FILING_DECISION',
      '2019-03-20',
      0,
      9,
      false,
      '工商行政管理机关行政处罚程序规定 第十七条',
    ],
    ['penalty +30', 'PENALTY_DECISION', '2019-04-10', 0, 30, false, null],
    [
      'penalty beyond 30 without a collective discussion',
      'PENALTY_DECISION',
      '2019-04-10',
      30,
      10,
      false,
      '市场监督管理行政处罚程序规定 第六十四条',
    ],
    [
      'penalty beyond 30 after a collective discussion',
      'PENALTY_DECISION',
      '2019-04-10',
      30,
      0,
      true,
      null,
    ],
    ['payment cannot be extended', 'PAYMENT', '2019-04-10', 0, 1, false, '行政处罚法 第六十七条'],
  ] as const)('%s', (_name, kind, startedOn, already, requested, collective, refusal) => {
    expect(extensionRefusal(kind, startedOn, already, requested, collective)).toBe(refusal);
  });
});
