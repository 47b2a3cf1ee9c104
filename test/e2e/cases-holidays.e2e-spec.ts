import { CaseWorld, createCaseWorld, expectError } from '../helpers/case-world';

/** The holiday table: complete for 2019–2026, and a year loaded by an ADMIN recomputes due days. */
describe('the holiday calendar (节假日表)', () => {
  let w: CaseWorld;
  beforeAll(async () => (w = await createCaseWorld()));
  afterAll(() => w.app.close());

  it('covers 2019–2026 and serves the days, to anyone logged in', async () => {
    const result = await w.app.gql('HolidayCalendar', {}, { token: w.inspector.token });
    expect(result.errors).toBeUndefined();
    const calendar = result.data!.holidayCalendar;
    expect(calendar.coveredYears).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    const days = new Map(
      calendar.days.map((day: { date: string; kind: string }) => [day.date, day.kind]),
    );
    expect(days.get('2024-02-16')).toBe('HOLIDAY');
    expect(days.get('2024-02-18')).toBe('WORKDAY');
    expect(days.get('2025-01-28')).toBe('HOLIDAY');
    expect(days.get('2026-02-16')).toBe('HOLIDAY');
  });

  it('times a 2024 finding over the Spring Festival (due 2024-02-21, not 2024-02-16)', async () => {
    const findingId = await w.finding('A', '2024-01-26T02:00:00Z');
    const suspended = await w.send('SuspendFilingClock', {
      findingId,
      expectedVersion: 1,
      reason: 'TESTING',
      from: '2024-01-29',
    });
    const resumed = await w.send('ResumeFilingClock', {
      findingId,
      expectedVersion: 2,
      resumedOn: '2024-01-28',
    });
    expect(suspended.errors).toBeUndefined();
    // A resumption before the suspension began is refused.
    expectError(resumed, 'BAD_USER_INPUT');
    const back = await w.send('ResumeFilingClock', {
      findingId,
      expectedVersion: 2,
      resumedOn: '2024-01-29',
    });
    // One working day (2024-01-29) excluded: 2024-02-21 becomes 2024-02-22.
    expect(back.data!.resumeFilingClock.finding.caseDecisionDue).toBe('2024-02-22');
  });

  it('refuses a year that is not a notice’s: a WORKDAY on a weekday, a day twice, a day of another year', async () => {
    const result = await w.app.gql(
      'LoadHolidayYear',
      {
        input: {
          year: 2027,
          notice: '国办发明电〔2026〕9号',
          days: [
            { date: '2027-01-01', kind: 'HOLIDAY', name: '元旦' },
            { date: '2027-01-01', kind: 'HOLIDAY', name: '元旦' },
            { date: '2027-01-05', kind: 'WORKDAY', name: '元旦' },
            { date: '2026-12-31', kind: 'HOLIDAY', name: '元旦' },
          ],
        },
      },
      { token: w.managerToken },
    );
    expect(
      (expectError(result, 'BAD_USER_INPUT').fields as { path: string }[]).map((f) => f.path),
    ).toEqual(['input.days.1.date', 'input.days.2.date', 'input.days.3.date']);
  });

  it('is for ADMIN only', async () => {
    const result = await w.app.gql(
      'LoadHolidayYear',
      { input: { year: 2027, notice: 'x', days: [] } },
      { token: w.head.token },
    );
    expectError(result, 'FORBIDDEN');
  });

  it('loads 2027 and recomputes the provisional due days running into it, in one go, with audit', async () => {
    // A finding of 2026-12-28: 15 working days run into 2027, provisional (weekends only).
    const findingId = await w.finding('A', '2026-12-28T02:00:00Z');
    const beforeFinding = await w.send('SuspendFilingClock', {
      findingId,
      expectedVersion: 1,
      reason: 'TESTING',
      from: '2026-11-01',
    });
    expectError(beforeFinding, 'BAD_USER_INPUT');
    const extended = await w.send('ExtendFilingDeadline', {
      findingId,
      expectedVersion: 1,
      approvedById: w.head.id,
      reason: '案情复杂',
    });
    expect(extended.errors).toBeUndefined();
    // 30 working days from 2026-12-28, 2027 with weekends only: 2027-02-08.
    expect(extended.data!.extendFilingDeadline.finding.caseDecisionDue).toBe('2027-02-08');
    const loaded = await w.app.gql(
      'LoadHolidayYear',
      {
        input: {
          year: 2027,
          notice: '国办发明电〔2026〕9号',
          days: [
            { date: '2027-01-01', kind: 'HOLIDAY', name: '元旦' },
            { date: '2027-02-06', kind: 'HOLIDAY', name: '春节' },
            { date: '2027-02-07', kind: 'HOLIDAY', name: '春节' },
            { date: '2027-02-08', kind: 'HOLIDAY', name: '春节' },
            { date: '2027-02-09', kind: 'HOLIDAY', name: '春节' },
            { date: '2027-02-20', kind: 'WORKDAY', name: '春节' },
          ],
        },
      },
      { token: w.managerToken },
    );
    expect(loaded.errors).toBeUndefined();
    expect(loaded.data!.loadHolidayYear).toEqual({ year: 2027, days: 6, recomputedDeadlines: 1 });
    // 2027-01-01 and 2027-02-08/09 are not working days now: three more days to count.
    expect(await w.stored('findings', findingId)).toMatchObject({
      case_decision_due: '2027-02-11',
      due_on: '2027-02-11',
      version: 3,
    });
    const calendar = await w.app.gql('HolidayCalendar', {}, { token: w.inspector.token });
    expect(calendar.data!.holidayCalendar.coveredYears).toContain(2027);
    expect((await w.audit(findingId)).map((e) => e.action)).toContain('RECOMPUTE_DEADLINES');
    expect(await w.audit('00000000-0000-0000-0000-000000002027')).toEqual([
      { action: 'LOAD_HOLIDAY_YEAR', entity_type: 'HolidayYear' },
    ]);
  });
});
