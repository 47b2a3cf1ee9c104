import { randomUUID } from 'node:crypto';
import { cityBureau, createBureau, createOfficer } from '../factories/people';
import type { BureauRecord, OfficerRecord } from '../factories/people';
import {
  createExposure,
  createFinding,
  createFollowUp,
  createInspection,
  createPremises,
  createSweep,
} from '../factories/field-work';
import { startTestApp, TestApp } from '../helpers/test-app';
import { countStatements } from '../helpers/statements';

/** Figures as the contract's `Figures` fragment returns them, zeros where not given. */
function figures(overrides: Record<string, unknown>): Record<string, unknown> {
  return {
    officerVisits: 0,
    inspections: 0,
    premisesInspected: 0,
    target: 0,
    completionRate: null,
    findings: 0,
    rectificationOrders: 0,
    rectified: 0,
    goodsRemovedValue: '0.00',
    casesFiled: 0,
    casesDeclined: 0,
    fines: '0.00',
    confiscations: '0.00',
    confiscatedGoodsValue: '0.00',
    transferredToPolice: 0,
    overdue: 0,
    overdueRectifications: 0,
    overdueFilingDecisions: 0,
    overduePenaltyDecisions: 0,
    overduePublications: 0,
    exposedProductsFound: 0,
    ...overrides,
  };
}

const officers = (n: number) => Array.from({ length: n }, () => randomUUID());

/**
 * The world: a city bureau, 兴庆区分局 with a 市场监管所 below it, and a county. A city officer
 * (a real record) goes out on 20 March with officers of the bureaus visited (ids without a record,
 * counted in the premises' bureau): the shop checked for two categories in one visit, and the
 * street's shop. The shop is visited again at 00:30 on 22 March (Shanghai), the county's canteen on
 * 24 March; a voided inspection counts nothing. Follow-ups carry the days they took effect:
 * rectification ordered on 20 and 22 March (one passed on 24 March), a case filed on 22 March whose
 * two findings got one penalty decision on 20 April, a transfer to the police on 26 March.
 */
describe('sweepProgress', () => {
  let app: TestApp;
  let managerToken: string;
  let city: BureauRecord;
  let xingqing: BureauRecord;
  let street: BureauRecord;
  let county: BureauRecord;
  let inspectorOfXingqing: OfficerRecord;
  let sweepId: string;

  /** 兴庆区分局's subtree in the city's view: the city officer's day counts in the city's row. */
  const XINGQING = figures({
    officerVisits: 5,
    inspections: 3,
    premisesInspected: 2,
    target: 6,
    completionRate: 0.5,
    findings: 5,
    rectificationOrders: 1,
    goodsRemovedValue: '1000.50',
    casesFiled: 1,
    fines: '30000.00',
    confiscations: '5000.00',
    // Every finding needs a filing decision, even one rectified: the OPEN, RECTIFYING and RESOLVED
    // findings have none past their filing clock.
    overdue: 4,
    overdueRectifications: 1,
    overdueFilingDecisions: 3,
    exposedProductsFound: 1,
  });
  const TOTALS = figures({
    officerVisits: 10,
    inspections: 4,
    premisesInspected: 3,
    target: 10,
    completionRate: 0.4,
    findings: 6,
    rectificationOrders: 1,
    goodsRemovedValue: '1200.50',
    casesFiled: 1,
    fines: '30000.00',
    confiscations: '5000.00',
    transferredToPolice: 1,
    // Every finding needs a filing decision, even one rectified: the OPEN, RECTIFYING and RESOLVED
    // findings have none past their filing clock.
    overdue: 4,
    overdueRectifications: 1,
    overdueFilingDecisions: 3,
    exposedProductsFound: 1,
  });

  beforeAll(async () => {
    app = await startTestApp();
    city = await cityBureau(app);
    managerToken = (await createOfficer(app, city.id, ['MANAGER'])).token;
    const cityOfficer = (await createOfficer(app, city.id, ['INSPECTOR'])).id;
    xingqing = await createBureau(app, { code: 'XINGQING', name: '兴庆区分局' });
    street = await createBureau(app, {
      code: 'XQ-STREET',
      name: '解放街市场监管所',
      parentId: xingqing.id,
    });
    county = await createBureau(app, {
      code: 'YONGNING',
      name: '永宁县市场监督管理局',
      kind: 'COUNTY',
    });
    inspectorOfXingqing = await createOfficer(app, xingqing.id, ['INSPECTOR']);

    const exposure = await createExposure(app, { title: '辣条' });
    const sweep = await createSweep(app, {
      leadBureauId: city.id,
      categoryCodes: ['SEASONED_FLOUR_PRODUCTS', 'CAMPUS_FOOD'],
      exposureIds: [exposure.id],
      assignments: [
        { bureauId: xingqing.id, categoryCode: 'SEASONED_FLOUR_PRODUCTS', target: 4 },
        { bureauId: street.id, categoryCode: 'SEASONED_FLOUR_PRODUCTS', target: 2 },
        { bureauId: county.id, categoryCode: 'CAMPUS_FOOD', target: 2 },
        { bureauId: county.id, categoryCode: 'SEASONED_FLOUR_PRODUCTS', target: 2 },
      ],
    });
    sweepId = sweep.id;
    const flour = sweep.categoryIds.get('SEASONED_FLOUR_PRODUCTS')!;
    const campus = sweep.categoryIds.get('CAMPUS_FOOD')!;
    const shop = await createPremises(app, { bureauId: xingqing.id });
    const otherShop = await createPremises(app, { bureauId: xingqing.id });
    const streetShop = await createPremises(app, { bureauId: street.id });
    const canteen = await createPremises(app, { bureauId: county.id, kind: 'SCHOOL_CANTEEN' });

    const [x1, x2, x3] = officers(3);
    const first = await createInspection(app, {
      sweepId,
      categoryId: flour,
      premisesId: shop.id,
      officerIds: [cityOfficer, x1],
      inspectedAt: new Date('2019-03-20T02:00:00Z'),
    });
    // The same visit checks the second category: one 户次, one 人次 each.
    await createInspection(app, {
      sweepId,
      categoryId: campus,
      premisesId: shop.id,
      officerIds: [cityOfficer, x1],
      inspectedAt: new Date('2019-03-20T02:10:00Z'),
    });
    // 00:30 on 22 March in Shanghai, still the 21st in UTC.
    const revisit = await createInspection(app, {
      sweepId,
      categoryId: flour,
      premisesId: shop.id,
      officerIds: [x1, x2, x3],
      inspectedAt: new Date('2019-03-21T16:30:00Z'),
    });
    const atStreet = await createInspection(app, {
      sweepId,
      categoryId: flour,
      premisesId: streetShop.id,
      officerIds: [cityOfficer, ...officers(1)],
      inspectedAt: new Date('2019-03-20T05:00:00Z'),
    });
    const atCanteen = await createInspection(app, {
      sweepId,
      categoryId: campus,
      premisesId: canteen.id,
      officerIds: officers(4),
      inspectedAt: new Date('2019-03-24T01:00:00Z'),
    });
    const voided = await createInspection(app, {
      sweepId,
      categoryId: flour,
      premisesId: otherShop.id,
      officerIds: officers(2),
      inspectedAt: new Date('2019-03-25T01:00:00Z'),
      voided: true,
    });

    // OPEN: its filing decision was due on 10 April (overdue today, not on 31 March).
    await createFinding(app, {
      inspectionId: first.id,
      violationTypeCode: 'EXPOSED_PRODUCT_ON_SALE',
      exposedProductId: exposure.productIds[0],
      goodsQuantity: '12',
      goodsUnit: 'bag',
      goodsValue: '1000.50',
      caseDecisionDue: '2019-04-10',
    });
    const rectifying = await createFinding(app, {
      inspectionId: first.id,
      status: 'RECTIFYING',
      rectificationOrdered: true,
      rectificationDeadline: '2019-03-30',
    });
    await createFollowUp(app, {
      findingId: rectifying.id,
      action: 'RECTIFICATION_ORDERED',
      fromStatus: 'OPEN',
      toStatus: 'RECTIFYING',
      on: '2019-03-20',
      dueDate: '2019-03-30',
    });
    const resolved = await createFinding(app, {
      inspectionId: revisit.id,
      status: 'RESOLVED',
      rectificationOrdered: true,
      rectificationDeadline: '2019-03-25',
    });
    await createFollowUp(app, {
      findingId: resolved.id,
      action: 'RECTIFICATION_ORDERED',
      fromStatus: 'OPEN',
      toStatus: 'RECTIFYING',
      on: '2019-03-22',
      dueDate: '2019-03-25',
    });
    await createFollowUp(app, {
      findingId: resolved.id,
      action: 'REINSPECTION_PASSED',
      fromStatus: 'RECTIFYING',
      toStatus: 'RESOLVED',
      on: new Date('2019-03-24T03:00:00Z'),
    });
    // One case, two findings, one decision: its money counts once.
    for (const violationTypeCode of ['EXPIRED_FOOD', 'EXPIRED_FOOD']) {
      const penalized = await createFinding(app, {
        inspectionId: atStreet.id,
        violationTypeCode,
        status: 'PENALIZED',
        caseNumber: '银市监立〔2019〕7号',
        caseFiledOn: '2019-03-22',
        decidedOn: '2019-04-20',
        publishedOn: '2019-04-26',
        penaltyDecisionDue: '2019-06-20',
        fine: '30000.00',
        confiscation: '5000.00',
      });
      await createFollowUp(app, {
        findingId: penalized.id,
        action: 'CASE_FILED',
        fromStatus: 'OPEN',
        toStatus: 'CASE_FILED',
        on: '2019-03-22',
        documentNumber: '银市监立〔2019〕7号',
      });
      await createFollowUp(app, {
        findingId: penalized.id,
        action: 'PENALTY_DECIDED',
        fromStatus: 'CASE_FILED',
        toStatus: 'PENALIZED',
        on: '2019-04-20',
        documentNumber: '银市监罚〔2019〕3号',
        fine: '30000.00',
        confiscation: '5000.00',
      });
    }
    const transferred = await createFinding(app, {
      inspectionId: atCanteen.id,
      status: 'TRANSFERRED',
      goodsValue: '200.00',
    });
    await createFollowUp(app, {
      findingId: transferred.id,
      action: 'TRANSFERRED_TO_POLICE',
      fromStatus: 'OPEN',
      toStatus: 'TRANSFERRED',
      on: '2019-03-26',
    });
    await createFinding(app, {
      inspectionId: voided.id,
      goodsValue: '999.00',
      rectificationOrdered: true,
      status: 'RECTIFYING',
      rectificationDeadline: '2019-03-26',
    });
  });

  afterAll(() => app?.close());

  async function progress(filter: Record<string, unknown> | null, token = managerToken) {
    return app.gql<{ sweepProgress: any }>('SweepProgress', { sweepId, filter }, { token });
  }

  it('counts every figure of the sweep in total, voided inspections and their findings left out', async () => {
    const result = await progress(null);
    expect(result.errors).toBeUndefined();
    expect(result.data!.sweepProgress.totals).toEqual(TOTALS);
    expect(new Date(result.data!.sweepProgress.asOf).getTime()).toBeGreaterThan(
      Date.now() - 60_000,
    );
  });

  it('counts 人次 per officer and day, 户次 per premises and day, completion per assignment capped', async () => {
    const { totals, byCategory } = (await progress(null)).data!.sweepProgress;
    // 10 officer-days: the city officer once on 20 March however many premises they visited.
    expect(totals.officerVisits).toBe(10);
    // The shop's two-category visit is one 户次 in total and one in each category's row.
    expect(totals.inspections).toBe(4);
    expect(
      byCategory.map((row: any) => [
        row.category.code,
        row.figures.inspections,
        row.figures.premisesInspected,
        row.figures.officerVisits,
        row.figures.target,
        row.figures.completionRate,
      ]),
    ).toEqual([
      ['SEASONED_FLOUR_PRODUCTS', 3, 2, 6, 8, 0.375],
      ['CAMPUS_FOOD', 2, 2, 6, 2, 0.5],
    ]);
  });

  it('lists each bureau with figures over its subtree; 人次 in the officer’s own bureau', async () => {
    const { byBureau } = (await progress(null)).data!.sweepProgress;
    expect(byBureau.map((row: any) => row.bureau.code)).toEqual([
      'CITY',
      'XINGQING',
      'XQ-STREET',
      'YONGNING',
    ]);
    const byCode = Object.fromEntries(byBureau.map((row: any) => [row.bureau.code, row.figures]));
    expect(byCode.CITY).toEqual(TOTALS);
    expect(byCode.XINGQING).toEqual(XINGQING);
    expect(byCode['XQ-STREET']).toEqual(
      figures({
        officerVisits: 1,
        inspections: 1,
        premisesInspected: 1,
        target: 2,
        completionRate: 0.5,
        findings: 2,
        casesFiled: 1,
        fines: '30000.00',
        confiscations: '5000.00',
      }),
    );
    expect(byCode.YONGNING).toEqual(
      figures({
        officerVisits: 4,
        inspections: 1,
        premisesInspected: 1,
        target: 4,
        completionRate: 0.25,
        findings: 1,
        goodsRemovedValue: '200.00',
        transferredToPolice: 1,
      }),
    );
  });

  it('gives figures per violation type (most first) and per Shanghai day with empty days', async () => {
    const { byViolationType, daily } = (await progress(null)).data!.sweepProgress;
    expect(byViolationType).toEqual([
      { violationType: { code: 'THREE_NO_PRODUCTS', name: '三无产品' }, count: 3 },
      { violationType: { code: 'EXPIRED_FOOD', name: expect.any(String) }, count: 2 },
      { violationType: { code: 'EXPOSED_PRODUCT_ON_SALE', name: '销售被曝光产品' }, count: 1 },
    ]);
    expect(daily).toEqual([
      { date: '2019-03-20', inspections: 2, findings: 4 },
      { date: '2019-03-21', inspections: 0, findings: 0 },
      { date: '2019-03-22', inspections: 1, findings: 1 },
      { date: '2019-03-23', inspections: 0, findings: 0 },
      { date: '2019-03-24', inspections: 1, findings: 1 },
    ]);
  });

  it('agrees today with the findings marked overdue and with findings(filter: { overdue })', async () => {
    const { totals } = (await progress(null)).data!.sweepProgress;
    const overdue = await app.gql<{ findings: any }>(
      'OverdueFindings',
      { sweepId, first: 50 },
      { token: managerToken },
    );
    expect(overdue.errors).toBeUndefined();
    // The findings marked overdue are those counted in at least one clock's figure: the OPEN one
    // (filing), the RECTIFYING one (its rectification deadline and its filing clock: one finding
    // in two figures) and the RESOLVED one (filing); the total adds the four figures up.
    expect(
      overdue.data!.findings.edges.map(({ node }: any) => node.status as string).sort(),
    ).toEqual(['OPEN', 'RECTIFYING', 'RESOLVED']);
    expect(overdue.data!.findings.totalCount).toBe(3);
    expect(totals).toMatchObject({
      overdueRectifications: 1,
      overdueFilingDecisions: 3,
      overduePenaltyDecisions: 0,
      overduePublications: 0,
    });
    expect(totals.overdue).toBe(
      totals.overdueRectifications +
        totals.overdueFilingDecisions +
        totals.overduePenaltyDecisions +
        totals.overduePublications,
    );
    expect(overdue.data!.findings.edges.every(({ node }: any) => node.overdue)).toBe(true);
  });

  it('counts as of the end of the `to` day: follow-ups of later days and their money do not count', async () => {
    const result = await progress({ to: '2019-03-31' });
    expect(result.errors).toBeUndefined();
    const { totals, asOf, summaryText } = result.data!.sweepProgress;
    expect(asOf).toBe('2019-03-31T15:59:59.999Z');
    expect(totals).toEqual(
      figures({
        ...TOTALS,
        fines: '0.00',
        confiscations: '0.00',
        // The rectification deadline of 30 March has passed; the filing clocks of 10 April not yet.
        overdue: 1,
        overdueRectifications: 1,
        overdueFilingDecisions: 0,
      }),
    );
    expect(summaryText).toBe(
      '针对“3·15”晚会曝光的辣条等问题，开展调味面制品、校园及周边食品大排查大整治行动。截至2019年3月31日，全市共出动执法人员10人次，检查各类主体4户次（3户），发现问题6个，责令整改1户，下架查扣问题产品货值1200.5元，立案1件，移送公安1件，发现被曝光产品1批次。',
    );
  });

  it('counts a premises rectified only once every ordered finding passed re-inspection by the day', async () => {
    const before = (await progress({ from: '2019-03-21', to: '2019-03-23' })).data!.sweepProgress;
    expect(before.totals).toMatchObject({
      inspections: 1,
      officerVisits: 3,
      findings: 1,
      rectificationOrders: 1,
      rectified: 0,
      target: 10,
    });
    expect(before.daily).toEqual([{ date: '2019-03-22', inspections: 1, findings: 1 }]);
    const after = (await progress({ from: '2019-03-21', to: '2019-03-24' })).data!.sweepProgress;
    expect(after.totals).toMatchObject({ rectificationOrders: 1, rectified: 1 });
  });

  it('limits figures, targets and bureaus to the categories asked for', async () => {
    const { totals, byBureau, byCategory } = (await progress({ categoryCodes: ['CAMPUS_FOOD'] }))
      .data!.sweepProgress;
    expect(totals).toMatchObject({
      inspections: 2,
      target: 2,
      completionRate: 0.5,
      transferredToPolice: 1,
    });
    expect(byBureau.map((row: any) => row.bureau.code)).toEqual(['CITY', 'XINGQING', 'YONGNING']);
    expect(byCategory.map((row: any) => row.category.code)).toEqual(['CAMPUS_FOOD']);
  });

  it('limits figures to a bureau subtree and names the bureau in the summary', async () => {
    const { totals, byBureau, summaryText } = (
      await progress({ bureauId: xingqing.id, to: '2019-03-31' })
    ).data!.sweepProgress;
    // The city officer is outside the subtree: their day counts with the premises they visited.
    expect(totals).toEqual(
      figures({
        ...XINGQING,
        officerVisits: 6,
        fines: '0.00',
        confiscations: '0.00',
        overdue: 1,
        overdueFilingDecisions: 0,
      }),
    );
    expect(byBureau.map((row: any) => row.bureau.code)).toEqual(['XINGQING', 'XQ-STREET']);
    expect(summaryText).toContain('截至2019年3月31日，兴庆区分局共出动执法人员6人次');
  });

  it('limits an inspector to their jurisdiction and hides bureaus outside it', async () => {
    const own = await progress(null, inspectorOfXingqing.token);
    expect(own.errors).toBeUndefined();
    expect(own.data!.sweepProgress.totals).toEqual(figures({ ...XINGQING, officerVisits: 6 }));
    expect(own.data!.sweepProgress.byBureau.map((row: any) => row.bureau.code)).toEqual([
      'XINGQING',
      'XQ-STREET',
    ]);
    expect(own.data!.sweepProgress.summaryText).toContain('兴庆区分局共出动执法人员6人次');
    const outside = await progress({ bureauId: county.id }, inspectorOfXingqing.token);
    expect(outside.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(outside.data).toBeNull();
  });

  it('serves Sweep.progress over the list of active sweeps with the figures of sweepProgress', async () => {
    const range = { from: '2019-03-16', to: '2019-03-31' };
    const list = await app.gql<{ sweeps: any }>('ActiveSweepsProgress', range, {
      token: managerToken,
    });
    expect(list.errors).toBeUndefined();
    const node = list.data!.sweeps.edges.find((edge: any) => edge.node.id === sweepId).node;
    const single = (await progress(range)).data!.sweepProgress;
    expect(node.progress.asOf).toBe(single.asOf);
    expect(node.progress.totals).toEqual(single.totals);
    expect(node.progress.byBureau).toEqual(
      single.byBureau.map((row: any) => ({
        bureau: { id: expect.any(String), name: row.bureau.name },
        figures: row.figures,
      })),
    );
    const inspector = await app.gql<{ sweeps: any }>('ActiveSweepsProgress', range, {
      token: inspectorOfXingqing.token,
    });
    const own = inspector.data!.sweeps.edges.find((edge: any) => edge.node.id === sweepId).node;
    expect(own.progress.totals).toEqual(
      (await progress(range, inspectorOfXingqing.token)).data!.sweepProgress.totals,
    );
  });

  it('answers NOT_FOUND for an unknown sweep and bureau', async () => {
    const sweep = await app.gql(
      'SweepProgress',
      { sweepId: randomUUID() },
      { token: managerToken },
    );
    expect(sweep.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const bureau = await progress({ bureauId: randomUUID() });
    expect(bureau.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('refuses unknown category codes, reversed days and malformed ids naming the field', async () => {
    const codes = await progress({ categoryCodes: ['CAMPUS_FOOD', 'SPICY_STRIPS'] });
    expect(codes.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ path: 'filter.categoryCodes[1]', message: expect.any(String) }],
    });
    const days = await progress({ from: '2019-03-22', to: '2019-03-21' });
    expect(days.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(days.errors?.[0].extensions?.fields[0].path).toBe('filter.to');
    const bureau = await progress({ bureauId: 'not-a-uuid' });
    expect(bureau.errors?.[0].extensions?.fields[0].path).toBe('filter.bureauId');
    const sweep = await app.gql('SweepProgress', { sweepId: 'nope' }, { token: managerToken });
    expect(sweep.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('needs a login', async () => {
    const result = await app.gql('SweepProgress', { sweepId });
    expect(result.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('runs the same number of SQL statements for 2 bureaus as for 8', async () => {
    async function sweepWithBureaus(count: number): Promise<string> {
      const sweep = await createSweep(app, {
        leadBureauId: city.id,
        categoryCodes: ['SEASONED_FLOUR_PRODUCTS'],
      });
      for (let index = 0; index < count; index++) {
        const bureau = await createBureau(app);
        await app.query(
          `INSERT INTO sweep_assignments (sweep_id, bureau_id, category_id, target) VALUES ($1, $2, $3, 3)`,
          [sweep.id, bureau.id, sweep.categoryIds.get('SEASONED_FLOUR_PRODUCTS')],
        );
        const premises = await createPremises(app, { bureauId: bureau.id });
        await createInspection(app, {
          sweepId: sweep.id,
          categoryId: sweep.categoryIds.get('SEASONED_FLOUR_PRODUCTS')!,
          premisesId: premises.id,
          officerIds: officers(2),
        });
      }
      return sweep.id;
    }
    const small = await sweepWithBureaus(2);
    const large = await sweepWithBureaus(8);
    async function statements(id: string): Promise<number> {
      const { result, count } = await countStatements(app, () =>
        app.gql<{ sweepProgress: any }>('SweepProgress', { sweepId: id }, { token: managerToken }),
      );
      expect(result.errors).toBeUndefined();
      return count;
    }
    const smallCount = await statements(small);
    const largeCount = await statements(large);
    expect(smallCount).toBeGreaterThan(3);
    expect(largeCount).toBe(smallCount);
    const largeResult = await app.gql<{ sweepProgress: any }>(
      'SweepProgress',
      { sweepId: large },
      { token: managerToken },
    );
    expect(largeResult.data!.sweepProgress.byBureau).toHaveLength(9);
  });
});
