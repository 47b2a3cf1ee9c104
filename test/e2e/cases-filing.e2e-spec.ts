import { randomUUID } from 'node:crypto';
import { CaseWorld, createCaseWorld, expectError } from '../helpers/case-world';

/** 立案 and 不予立案: opening a case on findings of one premises, declining, the filing clock. */
describe('case files: the filing decision (立案决定)', () => {
  let w: CaseWorld;
  beforeAll(async () => (w = await createCaseWorld()));
  afterAll(() => w.app.close());

  it('opens one case on two findings of one premises, with its clocks, and audits every record', async () => {
    const [first, second] = [await w.finding(), await w.finding()];
    const opened = await w.send('OpenCase', {
      findings: [
        { findingId: first, expectedVersion: 1 },
        { findingId: second, expectedVersion: 1 },
      ],
      caseNumber: '银兴市监立〔2019〕101号',
      filedOn: '2019-04-12',
      approvedById: w.head.id,
    });
    expect(opened.errors).toBeUndefined();
    const c = opened.data!.openCase.case;
    expect(opened.data!.openCase.replayed).toBe(false);
    expect(c).toMatchObject({
      caseNumber: '银兴市监立〔2019〕101号',
      status: 'FILED',
      version: 1,
      filedOn: '2019-04-12',
      approvedBy: { id: w.head.id },
      premises: { id: w.premisesA },
      decision: null,
      transfer: null,
    });
    expect(c.findings.map((f: { id: string }) => f.id).sort()).toEqual([first, second].sort());
    expect(
      c.findings.every(
        (f: { status: string; version: number }) => f.status === 'CASE_FILED' && f.version === 2,
      ),
    ).toBe(true);
    expect(c.clocks).toEqual([
      // 15 working days from 2019-04-10, the Sunday 2019-04-28 worked in exchange counted.
      expect.objectContaining({
        kind: 'FILING_DECISION',
        startedOn: '2019-04-10',
        dueOn: '2019-04-30',
        metOn: '2019-04-12',
        overdue: false,
      }),
      // 90 days from filing (第六十四条), not met, long overdue today.
      expect.objectContaining({
        kind: 'PENALTY_DECISION',
        startedOn: '2019-04-12',
        dueOn: '2019-07-11',
        metOn: null,
        overdue: true,
        provisional: false,
      }),
    ]);
    const finding = await w.stored('findings', first);
    expect(finding).toMatchObject({
      case_id: c.id,
      filing_decision: 'FILED',
      status: 'CASE_FILED',
      case_number: '银兴市监立〔2019〕101号',
    });
    expect(await w.stored('cases', c.id)).toMatchObject({
      next_due_on: '2019-07-11',
      clock_dues: { PENALTY_DECISION: '2019-07-11' },
    });
    expect(await w.audit(c.id)).toEqual([{ action: 'OPEN_CASE', entity_type: 'Case' }]);
    expect(await w.audit(first)).toEqual([{ action: 'OPEN_CASE', entity_type: 'Finding' }]);

    const read = await w.app.gql(
      `query($id: ID!) { finding(id: $id) { status dueOn case { id caseNumber } filingDecision { decision decidedOn approvedBy { id } } } }`,
      { id: second },
      { token: w.inspector.token },
    );
    expect(read.data!.finding).toEqual({
      status: 'CASE_FILED',
      dueOn: '2019-07-11',
      case: { id: c.id, caseNumber: '银兴市监立〔2019〕101号' },
      filingDecision: { decision: 'FILED', decidedOn: '2019-04-12', approvedBy: { id: w.head.id } },
    });
  });

  it('replays a repeated openCase without opening a second case', async () => {
    const findingId = await w.finding();
    const input = {
      idempotencyKey: randomUUID(),
      findings: [{ findingId, expectedVersion: 1 }],
      caseNumber: '银兴市监立〔2019〕102号',
      filedOn: '2019-04-12',
      approvedById: w.head.id,
    };
    const once = await w.app.gql('OpenCase', { input }, { token: w.head.token });
    const twice = await w.app.gql('OpenCase', { input }, { token: w.head.token });
    expect(twice.data!.openCase).toMatchObject({
      replayed: true,
      case: { id: once.data!.openCase.case.id },
    });
    expect(
      await w.app.query(`SELECT id FROM cases WHERE case_number = '银兴市监立〔2019〕102号'`),
    ).toHaveLength(1);
  });

  describe('refuses', () => {
    it('findings of two premises (one case is one party) as BAD_USER_INPUT on input.findings', async () => {
      const result = await w.send('OpenCase', {
        findings: [
          { findingId: await w.finding('A'), expectedVersion: 1 },
          { findingId: await w.finding('B'), expectedVersion: 1 },
        ],
        caseNumber: randomUUID().slice(0, 10),
        filedOn: '2019-04-12',
        approvedById: w.head.id,
      });
      expect(
        (expectError(result, 'BAD_USER_INPUT').fields as { path: string }[]).map((f) => f.path),
      ).toEqual(['input.findings']);
    });

    it.each([
      ['an inspector of the bureau', (w: CaseWorld) => w.inspector.id],
      ['the head of another bureau', (w: CaseWorld) => w.otherHead.id],
      ['a city manager, for a sub-bureau’s case', (w: CaseWorld) => w.managerId],
    ])('an approver who is %s', async (_who, approver) => {
      const findingId = await w.finding();
      const result = await w.send('OpenCase', {
        findings: [{ findingId, expectedVersion: 1 }],
        caseNumber: randomUUID().slice(0, 10),
        filedOn: '2019-04-12',
        approvedById: approver(w),
      });
      expect((expectError(result, 'BAD_USER_INPUT').fields as { path: string }[])[0].path).toBe(
        'input.approvedById',
      );
      expect((await w.stored('findings', findingId)).version).toBe(1);
    });

    it('a stale version (CONFLICT), a finding already decided (INVALID_STATE), a used number (CONFLICT), a future day', async () => {
      const findingId = await w.finding();
      const base = {
        caseNumber: randomUUID().slice(0, 10),
        filedOn: '2019-04-12',
        approvedById: w.head.id,
      };
      expectError(
        await w.send('OpenCase', { ...base, findings: [{ findingId, expectedVersion: 7 }] }),
        'CONFLICT',
      );
      const c = await w.open([findingId]);
      const again = await w.send('OpenCase', {
        ...base,
        findings: [{ findingId, expectedVersion: 2 }],
      });
      expect(expectError(again, 'INVALID_STATE')).toMatchObject({
        from: 'CASE_FILED',
        action: 'OPEN_CASE',
      });
      const other = await w.finding();
      expectError(
        await w.send('OpenCase', {
          ...base,
          caseNumber: c.caseNumber,
          findings: [{ findingId: other, expectedVersion: 1 }],
        }),
        'CONFLICT',
      );
      const future = await w.send('OpenCase', {
        ...base,
        filedOn: '2999-01-01',
        findings: [{ findingId: other, expectedVersion: 1 }],
      });
      expect((expectError(future, 'BAD_USER_INPUT').fields as { path: string }[])[0].path).toBe(
        'input.filedOn',
      );
    });

    it('an inspector (FORBIDDEN) and another bureau’s head (NOT_FOUND)', async () => {
      const findingId = await w.finding();
      const input = {
        findings: [{ findingId, expectedVersion: 1 }],
        caseNumber: randomUUID().slice(0, 10),
        filedOn: '2019-04-12',
        approvedById: w.head.id,
      };
      expectError(await w.send('OpenCase', input, w.inspector.token), 'FORBIDDEN');
      expectError(await w.send('OpenCase', input, w.otherHead.token), 'NOT_FOUND');
    });
  });

  it('declines to file (不予立案): NOT_FILED, no overdue filing clock, and no case', async () => {
    const findingId = await w.finding();
    const result = await w.send('DeclineCase', {
      findingId,
      expectedVersion: 1,
      reason: 'NO_VIOLATION',
      note: '检测合格，不构成违法',
      decidedOn: '2019-04-20',
      approvedById: w.head.id,
    });
    expect(result.errors).toBeUndefined();
    expect(result.data!.declineCase.finding).toEqual({
      id: findingId,
      status: 'NOT_FILED',
      version: 2,
      filingDecision: {
        decision: 'DECLINED',
        reason: 'NO_VIOLATION',
        decidedOn: '2019-04-20',
        approvedBy: { id: w.head.id },
      },
    });
    expect(await w.stored('findings', findingId)).toMatchObject({
      due_on: null,
      case_id: null,
      filing_decision: 'DECLINED',
    });
    const again = await w.send('DeclineCase', {
      findingId,
      expectedVersion: 2,
      reason: 'OTHER',
      decidedOn: '2019-04-20',
      approvedById: w.head.id,
    });
    expect(expectError(again, 'INVALID_STATE')).toMatchObject({
      from: 'NOT_FILED',
      action: 'DECLINE_CASE',
    });
    expectError(
      await w.send('OpenCase', {
        findings: [{ findingId, expectedVersion: 2 }],
        caseNumber: 'x-1',
        filedOn: '2019-04-21',
        approvedById: w.head.id,
      }),
      'INVALID_STATE',
    );
  });

  it('extends the filing clock once by 15 working days, refusing a second extension with the rule named', async () => {
    const findingId = await w.finding();
    const extended = await w.send('ExtendFilingDeadline', {
      findingId,
      expectedVersion: 1,
      approvedById: w.head.id,
      reason: '案情复杂',
    });
    expect(extended.errors).toBeUndefined();
    // 2019-04-30 + 15 working days, the May Day holidays skipped and the Sunday 2019-05-05 worked.
    expect(extended.data!.extendFilingDeadline.finding).toEqual({
      id: findingId,
      version: 2,
      caseDecisionDue: '2019-05-23',
    });
    const twice = await w.send('ExtendFilingDeadline', {
      findingId,
      expectedVersion: 2,
      approvedById: w.head.id,
      reason: '再次延长',
    });
    expect(expectError(twice, 'INVALID_STATE')).toMatchObject({
      from: 'OPEN',
      action: 'EXTEND_FILING_DEADLINE',
    });
    expect(twice.errors![0].message).toContain('市场监督管理行政处罚程序规定 第十八条');
  });

  it('times a finding of before 2019-04-01 by the 工商 rule: 7 working days, extendable to 15 in all', async () => {
    const findingId = await w.finding('A', '2019-03-20T02:00:00Z');
    const extended = await w.send('ExtendFilingDeadline', {
      findingId,
      expectedVersion: 1,
      approvedById: w.head.id,
      reason: '特殊情况',
    });
    expect(extended.data!.extendFilingDeadline.finding.caseDecisionDue).toBe('2019-04-11');
  });

  it('suspends the filing clock for testing and resumes it, moving the due day by the working days excluded', async () => {
    const findingId = await w.finding();
    const suspended = await w.send('SuspendFilingClock', {
      findingId,
      expectedVersion: 1,
      reason: 'TESTING',
      from: '2019-04-15',
      note: '抽样送检',
    });
    expect(suspended.errors).toBeUndefined();
    const resumed = await w.send('ResumeFilingClock', {
      findingId,
      expectedVersion: 2,
      resumedOn: '2019-04-19',
    });
    expect(resumed.errors).toBeUndefined();
    // Five working days (04-15..04-19) excluded: 2019-04-30 becomes 2019-05-09.
    expect(resumed.data!.resumeFilingClock.finding).toEqual({
      id: findingId,
      version: 3,
      caseDecisionDue: '2019-05-09',
    });
    const notSuspended = await w.send('ResumeFilingClock', {
      findingId,
      expectedVersion: 3,
      resumedOn: '2019-04-20',
    });
    expect(expectError(notSuspended, 'INVALID_STATE')).toMatchObject({
      action: 'RESUME_FILING_CLOCK',
    });
    expect((await w.audit(findingId)).map((e) => e.action)).toEqual([
      'SUSPEND_FILING_CLOCK',
      'RESUME_FILING_CLOCK',
    ]);
  });

  describe('the older fileCase on the finding’s case', () => {
    const filing = (findingId: string, caseNumber: string) => ({
      findingId,
      expectedVersion: 1,
      caseNumber,
      filedOn: '2019-04-12',
    });

    it('adds a finding of the same premises to the case of that number, counted once', async () => {
      const c = await w.open([await w.finding()]);
      const joined = await w.send('FileCase', filing(await w.finding(), c.caseNumber));
      expect(joined.errors).toBeUndefined();
      const [row] = await w.app.query(
        `SELECT count(*)::int AS n FROM findings WHERE case_id = $1`,
        [c.id],
      );
      expect(row.n).toBe(2);
      expect(
        await w.app.query(`SELECT id FROM cases WHERE case_number = $1`, [c.caseNumber]),
      ).toHaveLength(1);
    });

    it('refuses a number of another premises (CONFLICT) and a decided case (INVALID_STATE)', async () => {
      const c = await w.open([await w.finding('A')]);
      expectError(await w.send('FileCase', filing(await w.finding('B'), c.caseNumber)), 'CONFLICT');
      await w.move('DecideCase', 'decideCase', {
        caseId: c.id,
        expectedVersion: 1,
        decisionNumber: '决-1',
        decidedOn: '2019-05-10',
        outcome: 'PENALTY',
        penalties: ['WARNING'],
      });
      const late = await w.send('FileCase', filing(await w.finding('A'), c.caseNumber));
      expect(expectError(late, 'INVALID_STATE')).toMatchObject({ from: 'OPEN' });
    });
  });
});
