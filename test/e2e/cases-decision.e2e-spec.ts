import { CaseWorld, createCaseWorld, expectError } from '../helpers/case-world';

/** A filed case through its clocks, decision, steps, publication, transfer and closing (结案). */
describe('case files: from filing to closing (结案)', () => {
  let w: CaseWorld;
  beforeAll(async () => (w = await createCaseWorld()));
  afterAll(() => w.app.close());

  const penaltyClock = (c: { clocks: { kind: string }[] }) =>
    c.clocks.find((clock) => clock.kind === 'PENALTY_DECISION');

  it('extends the penalty decision clock by 30 days, then only after a collective discussion', async () => {
    const c = await w.open([await w.finding()]);
    const extended = await w.move('ExtendCaseClock', 'extendCaseClock', {
      caseId: c.id,
      expectedVersion: 1,
      clock: 'PENALTY_DECISION',
      approvedById: w.head.id,
      reason: '案情复杂',
    });
    expect(penaltyClock(extended)).toMatchObject({ dueOn: '2019-08-12', extendedBy: 30 });
    const beyond = await w.send('ExtendCaseClock', {
      caseId: c.id,
      expectedVersion: 2,
      clock: 'PENALTY_DECISION',
      approvedById: w.head.id,
      reason: '再次延长',
    });
    expect(expectError(beyond, 'INVALID_STATE')).toMatchObject({
      from: 'FILED',
      action: 'EXTEND_CASE_CLOCK',
    });
    expect(beyond.errors![0].message).toContain('第六十四条');
    const collective = await w.move('ExtendCaseClock', 'extendCaseClock', {
      caseId: c.id,
      expectedVersion: 2,
      clock: 'PENALTY_DECISION',
      approvedById: w.head.id,
      reason: '集体讨论决定延期',
      collectiveDiscussionOn: '2019-08-01',
      newDueOn: '2019-09-30',
    });
    expect(penaltyClock(collective)).toMatchObject({ dueOn: '2019-09-30' });
    const payment = await w.send('ExtendCaseClock', {
      caseId: c.id,
      expectedVersion: 3,
      clock: 'PAYMENT',
      approvedById: w.head.id,
      reason: '延期缴纳',
    });
    expect(expectError(payment, 'INVALID_STATE')).toMatchObject({ action: 'EXTEND_CASE_CLOCK' });
  });

  it('suspends the case for testing: excluded days move the due day; no decision while suspended', async () => {
    const c = await w.open([await w.finding()]);
    const suspended = await w.move('SuspendCase', 'suspendCase', {
      caseId: c.id,
      expectedVersion: 1,
      reason: 'TESTING',
      from: '2019-05-06',
      note: '送检',
    });
    expect(suspended.suspensions).toEqual([{ reason: 'TESTING', from: '2019-05-06', to: null }]);
    const blocked = await w.send('DecideCase', {
      caseId: c.id,
      expectedVersion: 2,
      decisionNumber: '决-2',
      decidedOn: '2019-05-20',
      penalties: ['WARNING'],
    });
    expect(expectError(blocked, 'INVALID_STATE')).toMatchObject({
      from: 'SUSPENDED',
      action: 'DECIDE_CASE',
    });
    const resumed = await w.move('ResumeCase', 'resumeCase', {
      caseId: c.id,
      expectedVersion: 2,
      resumedOn: '2019-05-15',
    });
    // Ten days excluded (05-06..05-15): 2019-07-11 becomes 2019-07-21, a Sunday, so 2019-07-22.
    expect(penaltyClock(resumed)).toMatchObject({ dueOn: '2019-07-22', pausedDays: 10 });
    const twice = await w.send('ResumeCase', {
      caseId: c.id,
      expectedVersion: 3,
      resumedOn: '2019-05-16',
    });
    expect(expectError(twice, 'INVALID_STATE')).toMatchObject({
      from: 'FILED',
      action: 'RESUME_CASE',
    });
  });

  it('decides with money kept apart, records service and payment, publication, and closes', async () => {
    const [first, second] = [await w.finding(), await w.finding()];
    const c = await w.open([first, second]);
    const badInput = await w.send('DecideCase', {
      caseId: c.id,
      expectedVersion: 1,
      decisionNumber: '银兴市监罚〔2019〕9号',
      decidedOn: '2019-05-20',
      penalties: ['WARNING'],
      fine: '100.00',
      confiscatedGoodsValue: '50.00',
    });
    expect(
      (expectError(badInput, 'BAD_USER_INPUT').fields as { path: string }[])
        .map((f) => f.path)
        .sort(),
    ).toEqual(['input.confiscatedGoodsValue', 'input.fine']);
    const decided = await w.move('DecideCase', 'decideCase', {
      caseId: c.id,
      expectedVersion: 1,
      decisionNumber: '银兴市监罚〔2019〕9号',
      decidedOn: '2019-05-20',
      outcome: 'PENALTY',
      penalties: ['FINE', 'CONFISCATE_ILLEGAL_GAINS', 'CONFISCATE_ILLEGAL_PROPERTY'],
      fine: '30000.00',
      illegalGains: '5000.00',
      confiscatedGoodsValue: '4800.00',
    });
    expect(decided).toMatchObject({
      status: 'DECIDED',
      version: 2,
      decision: {
        outcome: 'PENALTY',
        fine: '30000.00',
        illegalGains: '5000.00',
        confiscatedGoodsValue: '4800.00',
      },
    });
    expect(decided.findings.map((f) => f.status)).toEqual(['PENALIZED', 'PENALIZED']);
    // 20 working days from the decision (公示).
    expect(decided.clocks.find((k) => k.kind === 'PUBLICATION')).toMatchObject({
      dueOn: '2019-06-18',
      metOn: null,
    });
    const again = await w.send('DecideCase', {
      caseId: c.id,
      expectedVersion: 2,
      decisionNumber: 'x',
      decidedOn: '2019-05-21',
      penalties: ['WARNING'],
    });
    expect(expectError(again, 'INVALID_STATE')).toMatchObject({
      from: 'DECIDED',
      action: 'DECIDE_CASE',
    });
    const legacy = await w.send('DecidePenalty', {
      findingId: first,
      expectedVersion: 3,
      decisionNumber: 'x',
      decidedOn: '2019-05-21',
      fine: '1.00',
    });
    expect(expectError(legacy, 'INVALID_STATE')).toMatchObject({
      from: 'PENALIZED',
      action: 'PENALTY_DECIDED',
    });

    const early = await w.send('CloseCase', {
      caseId: c.id,
      expectedVersion: 2,
      closedOn: '2019-06-01',
    });
    expect(expectError(early, 'INVALID_STATE')).toMatchObject({
      from: 'DECIDED',
      action: 'CLOSE_CASE',
    });
    const paidFirst = await w.send('RecordCaseStep', {
      caseId: c.id,
      expectedVersion: 2,
      step: 'PAID',
      on: '2019-05-22',
      amount: '35000.00',
    });
    expect(expectError(paidFirst, 'INVALID_STATE')).toMatchObject({ action: 'RECORD_CASE_STEP' });
    const served = await w.move('RecordCaseStep', 'recordCaseStep', {
      caseId: c.id,
      expectedVersion: 2,
      step: 'SERVED',
      on: '2019-05-21',
    });
    expect(served.clocks.find((k) => k.kind === 'PAYMENT')).toMatchObject({
      startedOn: '2019-05-21',
      dueOn: '2019-06-05',
      metOn: null,
    });
    const paid = await w.move('RecordCaseStep', 'recordCaseStep', {
      caseId: c.id,
      expectedVersion: 3,
      step: 'PAID',
      on: '2019-06-03',
      amount: '35000.00',
    });
    expect(paid.steps).toEqual([
      { step: 'SERVED', on: '2019-05-21', amount: null },
      { step: 'PAID', on: '2019-06-03', amount: '35000.00' },
    ]);
    const published = await w.move('RecordCasePublication', 'recordCasePublication', {
      caseId: c.id,
      expectedVersion: 4,
      publishedOn: '2019-06-10',
      reference: '国家企业信用信息公示系统',
    });
    expect(published.publishedOn).toBe('2019-06-10');
    const closed = await w.move('CloseCase', 'closeCase', {
      caseId: c.id,
      expectedVersion: 5,
      closedOn: '2019-06-12',
      note: '罚没款已缴清',
    });
    expect(closed).toMatchObject({ status: 'CLOSED', closedOn: '2019-06-12' });
    expect(closed.findings.map((f) => f.status)).toEqual(['CLOSED', 'CLOSED']);
    expect(closed.clocks.every((k) => !k.overdue)).toBe(true);
    expect(await w.stored('cases', c.id)).toMatchObject({ next_due_on: null, clock_dues: {} });
    expect((await w.audit(c.id)).map((e) => e.action)).toEqual([
      'OPEN_CASE',
      'DECIDE_CASE',
      'RECORD_CASE_STEP',
      'RECORD_CASE_STEP',
      'RECORD_CASE_PUBLICATION',
      'CLOSE_CASE',
    ]);
    const stale = await w.send('CloseCase', {
      caseId: c.id,
      expectedVersion: 2,
      closedOn: '2019-06-12',
    });
    expectError(stale, 'CONFLICT');
  });

  it('closes a case decided NOT_ESTABLISHED (撤销立案) straight from FILED', async () => {
    const c = await w.open([await w.finding()]);
    const decided = await w.move('DecideCase', 'decideCase', {
      caseId: c.id,
      expectedVersion: 1,
      decisionNumber: '撤-1',
      decidedOn: '2019-05-02',
      outcome: 'NOT_ESTABLISHED',
      penalties: [],
    });
    expect(decided).toMatchObject({ status: 'FILED', decision: { outcome: 'NOT_ESTABLISHED' } });
    const closed = await w.move('CloseCase', 'closeCase', {
      caseId: c.id,
      expectedVersion: 2,
      closedOn: '2019-05-03',
    });
    expect(closed.status).toBe('CLOSED');
  });

  it('transfers to the police, takes the case back when they return it, and closes when accepted', async () => {
    const findingId = await w.finding();
    const c = await w.open([findingId]);
    const transfer = {
      authority: 'POLICE',
      documentNumber: '移-1',
      reportedOn: '2019-04-15',
      approvedOn: '2019-04-17',
      transferredOn: '2019-04-18',
    };
    const transferred = await w.move('TransferCase', 'transferCase', {
      caseId: c.id,
      expectedVersion: 1,
      ...transfer,
    });
    expect(transferred).toMatchObject({
      status: 'TRANSFERRED',
      transfer: { ...transfer, outcome: 'PENDING', outcomeOn: null },
    });
    expect(transferred.clocks.find((k) => k.kind === 'TRANSFER_APPROVAL')).toMatchObject({
      startedOn: '2019-04-15',
      dueOn: '2019-04-18',
      metOn: '2019-04-17',
      overdue: false,
    });
    expect(transferred.findings[0].status).toBe('TRANSFERRED');
    const pending = await w.send('RecordTransferOutcome', {
      caseId: c.id,
      expectedVersion: 2,
      outcome: 'PENDING',
      outcomeOn: '2019-04-20',
    });
    expectError(pending, 'BAD_USER_INPUT');
    const returned = await w.move('RecordTransferOutcome', 'recordTransferOutcome', {
      caseId: c.id,
      expectedVersion: 2,
      outcome: 'RETURNED',
      outcomeOn: '2019-04-25',
      note: '不予立案',
    });
    expect(returned).toMatchObject({
      status: 'FILED',
      transfer: { outcome: 'RETURNED', outcomeOn: '2019-04-25' },
    });
    expect(returned.findings[0].status).toBe('CASE_FILED');
    // The days with the police (04-18..04-25) are excluded from the decision clock.
    expect(penaltyClock(returned)).toMatchObject({ dueOn: '2019-07-19', pausedDays: 8 });
    const again = await w.move('TransferCase', 'transferCase', {
      caseId: c.id,
      expectedVersion: 3,
      ...transfer,
      authority: 'AGRICULTURE',
      reportedOn: '2019-04-26',
      approvedOn: '2019-04-26',
      transferredOn: '2019-04-26',
    });
    const accepted = await w.move('RecordTransferOutcome', 'recordTransferOutcome', {
      caseId: c.id,
      expectedVersion: again.version,
      outcome: 'ACCEPTED',
      outcomeOn: '2019-04-30',
    });
    expect(accepted).toMatchObject({ status: 'CLOSED', closedOn: '2019-04-30' });
    const late = await w.send('TransferCase', {
      caseId: c.id,
      expectedVersion: accepted.version,
      ...transfer,
    });
    expect(expectError(late, 'INVALID_STATE')).toMatchObject({
      from: 'CLOSED',
      action: 'TRANSFER_CASE',
    });
  });

  it('lists the work queue by nearest due day, filtered by overdue clock, in scope only', async () => {
    const soon = await w.open([await w.finding('B')], { filedOn: '2019-04-11' });
    const decided = await w.open([await w.finding('B')], { filedOn: '2019-04-11' });
    await w.move('DecideCase', 'decideCase', {
      caseId: decided.id,
      expectedVersion: 1,
      decisionNumber: '决-9',
      decidedOn: '2019-04-20',
      penalties: ['WARNING'],
    });
    const all = await w.app.gql(
      'CasesDue',
      { filter: { bureauId: w.bureauId }, first: 100 },
      { token: w.head.token },
    );
    expect(all.errors).toBeUndefined();
    const nodes = all.data!.cases.edges.map(
      (e: { node: { id: string; nextDueOn: string | null } }) => e.node,
    );
    const dues = nodes.map((n: { nextDueOn: string | null }) => n.nextDueOn ?? '9999');
    expect(dues).toEqual([...dues].sort());
    expect(nodes.find((n: { id: string }) => n.id === soon.id)).toMatchObject({
      nextDueOn: '2019-07-10',
      overdue: true,
      status: 'FILED',
    });
    const byClock = await w.app.gql(
      'CasesDue',
      { filter: { bureauId: w.bureauId, overdueClock: 'PUBLICATION' }, first: 100 },
      { token: w.head.token },
    );
    expect(byClock.data!.cases.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([
      decided.id,
    ]);
    const paged = await w.app.gql(
      'CasesDue',
      { filter: { bureauId: w.bureauId }, first: 1 },
      { token: w.head.token },
    );
    const next = await w.app.gql(
      'CasesDue',
      { filter: { bureauId: w.bureauId }, first: 1, after: paged.data!.cases.pageInfo.endCursor },
      { token: w.head.token },
    );
    expect(next.data!.cases.edges[0].node.id).toBe(nodes[1].id);
    const outside = await w.app.gql('CasesDue', { filter: {} }, { token: w.otherHead.token });
    expect(outside.data!.cases.totalCount).toBe(0);
    const detail = await w.app.gql('CaseDetail', { id: soon.id }, { token: w.otherHead.token });
    expect(detail.data!.case).toBeNull();
    expect(detail.errors![0].extensions!.code).toBe('NOT_FOUND');
  });
});
