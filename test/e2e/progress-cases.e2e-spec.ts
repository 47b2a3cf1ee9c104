import { createInspection, createFinding, createPremises } from '../factories/field-work';
import { createOfficer } from '../factories/people';
import { CaseView, CaseWorld, createCaseWorld } from '../helpers/case-world';

/**
 * The case figures of sweepProgress (立案、不予立案、罚没款、没收非法财物、移送公安) and the four
 * overdue clocks, over case files made by the case engine itself (its stored clocks), as of
 * several days, and their agreement today with `Finding.overdue` and `findings(filter: {overdue})`.
 *
 * One bureau's premises, inspections on 2019-04-10:
 * - A: findings a1 (调味面制品) and a2 (校园及周边食品) in one case filed 04-12, decided 04-20 with a
 *   fine of 3000, illegal gains of 500 and goods of 800 confiscated, never published;
 * - B: finding b1 in a case filed 04-12, never decided; finding d1 declined on 04-15; finding e1
 *   with no filing decision (its stored filing clock due 05-01);
 * - C: finding c1 in a case filed 04-12, transferred to the police on 04-16.
 */
describe('sweepProgress over case files', () => {
  let w: CaseWorld;
  let managerToken: string;
  const ids: Record<string, string> = {};

  async function findingAt(premisesId: string, categoryCode: string): Promise<string> {
    const [category] = await w.app.query<{ id: string }>(
      `SELECT c.id FROM target_categories c WHERE c.code = $1`,
      [categoryCode],
    );
    const [colleague] = await w.app.query<{ id: string }>(
      `SELECT id FROM officers WHERE bureau_id = $1 AND id <> $2 AND 'INSPECTOR' = ANY(roles) LIMIT 1`,
      [w.bureauId, w.inspector.id],
    );
    const { id } = await createInspection(w.app, {
      sweepId: w.sweepId,
      categoryId: category.id,
      premisesId,
      officerIds: [w.inspector.id, colleague.id],
      inspectedAt: new Date('2019-04-10T02:00:00Z'),
    });
    return (await createFinding(w.app, { inspectionId: id, caseDecisionDue: '2019-05-01' })).id;
  }

  beforeAll(async () => {
    w = await createCaseWorld();
    const [city] = await w.app.query<{ id: string }>(`SELECT id FROM bureaus WHERE code = 'CITY'`);
    managerToken = (await createOfficer(w.app, city.id, ['MANAGER'])).token;
    const premisesC = (await createPremises(w.app, { bureauId: w.bureauId })).id;
    ids.a1 = await findingAt(w.premisesA, 'SEASONED_FLOUR_PRODUCTS');
    ids.a2 = await findingAt(w.premisesA, 'CAMPUS_FOOD');
    ids.b1 = await findingAt(w.premisesB, 'SEASONED_FLOUR_PRODUCTS');
    ids.d1 = await findingAt(w.premisesB, 'SEASONED_FLOUR_PRODUCTS');
    ids.e1 = await findingAt(w.premisesB, 'SEASONED_FLOUR_PRODUCTS');
    ids.c1 = await findingAt(premisesC, 'SEASONED_FLOUR_PRODUCTS');

    const caseA: CaseView = await w.open([ids.a1, ids.a2]);
    await w.move('DecideCase', 'decideCase', {
      caseId: caseA.id,
      expectedVersion: caseA.version,
      decisionNumber: '银兴市监罚〔2019〕41号',
      decidedOn: '2019-04-20',
      outcome: 'PENALTY',
      penalties: ['FINE', 'CONFISCATE_ILLEGAL_GAINS', 'CONFISCATE_ILLEGAL_PROPERTY'],
      fine: '3000.00',
      illegalGains: '500.00',
      confiscatedGoodsValue: '800.00',
    });
    ids.caseB = (await w.open([ids.b1])).id;
    const caseC = await w.open([ids.c1]);
    await w.move('TransferCase', 'transferCase', {
      caseId: caseC.id,
      expectedVersion: caseC.version,
      authority: 'POLICE',
      documentNumber: '银兴市监移〔2019〕2号',
      reportedOn: '2019-04-14',
      approvedOn: '2019-04-15',
      transferredOn: '2019-04-16',
    });
    const declined = await w.send('DeclineCase', {
      findingId: ids.d1,
      expectedVersion: 1,
      reason: 'NO_VIOLATION',
      decidedOn: '2019-04-15',
      approvedById: w.head.id,
    });
    expect(declined.errors).toBeUndefined();
  });

  afterAll(() => w?.app.close());

  async function progress(filter: Record<string, unknown> | null) {
    const result = await w.app.gql<{ sweepProgress: any }>(
      'SweepProgress',
      { sweepId: w.sweepId, filter: { bureauId: w.bureauId, ...filter } },
      { token: managerToken },
    );
    expect(result.errors).toBeUndefined();
    return result.data!.sweepProgress;
  }

  const CASES_TODAY = {
    findings: 6,
    casesFiled: 3,
    casesDeclined: 1,
    fines: '3000.00',
    confiscations: '500.00',
    confiscatedGoodsValue: '800.00',
    transferredToPolice: 1,
    overdueRectifications: 0,
    overdueFilingDecisions: 1,
    overduePenaltyDecisions: 1,
    overduePublications: 1,
    overdue: 3,
  };

  it('counts cases once, money once per decision, and each clock overdue today', async () => {
    const { totals, byCategory, byBureau } = await progress(null);
    expect(totals).toMatchObject(CASES_TODAY);
    expect(byBureau).toHaveLength(1);
    expect(byBureau[0].figures).toMatchObject(CASES_TODAY);
    // Case A has a finding in each category: once in each category's row, once in the totals.
    const rows = Object.fromEntries(byCategory.map((row: any) => [row.category.code, row.figures]));
    expect(rows.SEASONED_FLOUR_PRODUCTS).toMatchObject({
      findings: 5,
      casesFiled: 3,
      casesDeclined: 1,
      fines: '3000.00',
      confiscations: '500.00',
      confiscatedGoodsValue: '800.00',
      transferredToPolice: 1,
      overdueFilingDecisions: 1,
      overduePenaltyDecisions: 1,
      overduePublications: 1,
    });
    expect(rows.CAMPUS_FOOD).toMatchObject({
      findings: 1,
      casesFiled: 1,
      casesDeclined: 0,
      fines: '3000.00',
      confiscations: '500.00',
      confiscatedGoodsValue: '800.00',
      transferredToPolice: 0,
      overdueFilingDecisions: 0,
      overduePenaltyDecisions: 0,
      overduePublications: 1,
    });
  });

  it('counts only what was decided by the as-of day, and judges the clocks on it', async () => {
    expect((await progress({ to: '2019-04-14' })).totals).toMatchObject({
      casesFiled: 3,
      casesDeclined: 0,
      fines: '0.00',
      confiscations: '0.00',
      confiscatedGoodsValue: '0.00',
      transferredToPolice: 0,
      overdue: 0,
    });
    expect((await progress({ to: '2019-04-11' })).totals).toMatchObject({
      casesFiled: 0,
      overdue: 0,
    });
    // On 30 April the decision and the transfer count; no clock is past due yet.
    expect((await progress({ to: '2019-04-30' })).totals).toMatchObject({
      ...CASES_TODAY,
      overdueFilingDecisions: 0,
      overduePenaltyDecisions: 0,
      overduePublications: 0,
      overdue: 0,
    });
    // Its filing clock was due on 1 May: overdue from the 2nd.
    expect((await progress({ to: '2019-05-02' })).totals).toMatchObject({
      overdueFilingDecisions: 1,
      overdue: 1,
    });
  });

  it('judges an undecided case’s penalty clock on its stored due day: on time that day, overdue the next', async () => {
    const [row] = await w.app.query<{ due: string }>(
      `SELECT to_char((clock_dues ->> 'PENALTY_DECISION')::date, 'YYYY-MM-DD') AS due FROM cases WHERE id = $1`,
      [ids.caseB],
    );
    const dayAfter = new Date(`${row.due}T00:00:00Z`);
    dayAfter.setUTCDate(dayAfter.getUTCDate() + 1);
    const next = dayAfter.toISOString().slice(0, 10);
    expect((await progress({ to: row.due })).totals.overduePenaltyDecisions).toBe(0);
    expect((await progress({ to: next })).totals.overduePenaltyDecisions).toBe(1);
  });

  it('marks overdue today exactly the findings counted in a clock’s figure', async () => {
    const listed = await w.app.gql<{ findings: any }>(
      'OverdueFindings',
      { sweepId: w.sweepId, first: 50 },
      { token: managerToken },
    );
    expect(listed.errors).toBeUndefined();
    // e1 (filing), b1 (its case's penalty decision), a1 and a2 (their case's publication): one
    // case of two findings counts once in the figure, both findings are overdue.
    expect(listed.data!.findings.edges.map(({ node }: any) => node.id).sort()).toEqual(
      [ids.e1, ids.b1, ids.a1, ids.a2].sort(),
    );
    expect(listed.data!.findings.edges.every(({ node }: any) => node.overdue)).toBe(true);
    const { totals } = await progress(null);
    expect(totals.overdue).toBe(
      totals.overdueRectifications +
        totals.overdueFilingDecisions +
        totals.overduePenaltyDecisions +
        totals.overduePublications,
    );
  });
});
