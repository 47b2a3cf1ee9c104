import { randomUUID } from 'node:crypto';
import { addDays, shanghaiDay } from '../../src/common/time/shanghai';
import { startTestApp, TestApp } from '../helpers/test-app';

/**
 * One sweep from start to end through the frontend contract's own operations, as the admin
 * screens, the managers' dashboard and the inspectors' app send them.
 */
describe('a sweep from exposure to close, through the contract operations', () => {
  let app: TestApp;
  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = {};
  const today = shanghaiDay(new Date());
  const password = 'journey-password-1';

  async function ok<T = Record<string, any>>(
    operation: string,
    variables: Record<string, unknown>,
    who: string,
  ): Promise<T> {
    const result = await app.gql<T>(operation, variables, { token: tokens[who] });
    expect(result.errors).toBeUndefined();
    return result.data!;
  }

  beforeAll(async () => {
    app = await startTestApp();
    tokens.admin = await app.adminToken();
  });
  afterAll(() => app.close());

  it('lets the admin set up a sub-bureau and its officers', async () => {
    const bureaus = await ok('Bureaus', {}, 'admin');
    ids.city = bureaus.bureaus.find((bureau: { code: string }) => bureau.code === 'CITY').id;
    const created = await ok(
      'CreateBureau',
      {
        input: {
          code: 'XINGQING',
          name: '兴庆分局',
          kind: 'SUB_BUREAU',
          divisionCode: '640104',
          parentId: ids.city,
        },
      },
      'admin',
    );
    ids.bureau = created.createBureau.bureau.id;
    const officers: [string, string, string[], string][] = [
      ['ins1', 'XQ-1', ['INSPECTOR'], ids.bureau],
      ['ins2', 'XQ-2', ['INSPECTOR'], ids.bureau],
      ['sup', 'XQ-S', ['SUPERVISOR'], ids.bureau],
      ['manager', 'CITY-M', ['MANAGER'], ids.city],
    ];
    for (const [key, certificateNumber, roles, bureauId] of officers) {
      const officer = await ok(
        'CreateOfficer',
        { input: { name: `officer ${key}`, certificateNumber, bureauId, roles, password } },
        'admin',
      );
      expect(officer.createOfficer.officer).toMatchObject({
        certificateNumber,
        roles,
        active: true,
        bureau: { id: bureauId },
      });
      ids[key] = officer.createOfficer.officer.id;
      tokens[key] = await app.login(certificateNumber, password);
    }
  });

  it('imports premises row by row', async () => {
    const rows = [
      {
        name: '兴庆区惠民超市',
        kind: 'FOOD_RETAILER',
        bureauCode: 'XINGQING',
        address: '解放东街118号',
        creditCode: '91350100M000100Y43',
        riskLevel: 'C',
      },
      {
        name: '第六中学门口小卖部',
        kind: 'CAMPUS_SHOP',
        bureauCode: 'XINGQING',
        address: '文化东街6号',
      },
      {
        name: '坏码商店',
        kind: 'FOOD_RETAILER',
        bureauCode: 'XINGQING',
        address: '某街1号',
        creditCode: '91350100M000100Y44',
      },
    ];
    const imported = await ok('ImportPremises', { input: { rows } }, 'admin');
    expect(imported.importPremises).toMatchObject({ created: 2, updated: 0 });
    expect(imported.importPremises.rejected).toEqual([{ row: 2, reason: expect.any(String) }]);
  });

  it('lets the manager record the exposure, create, assign and activate the sweep', async () => {
    const reference = await ok('ReferenceData', {}, 'manager');
    expect(reference.targetCategories.map((category: { code: string }) => category.code)).toContain(
      'SEASONED_FLOUR_PRODUCTS',
    );
    const exposure = await ok(
      'RecordExposure',
      {
        input: {
          title: '辣条生产黑作坊',
          source: 'CCTV_315_GALA',
          exposedOn: addDays(today, -2),
          categoryCodes: ['SEASONED_FLOUR_PRODUCTS'],
          involvesJurisdiction: false,
          products: [{ brand: '辣妹子', productName: '香辣面筋', manufacturer: '某食品厂' }],
        },
      },
      'manager',
    );
    ids.exposure = exposure.recordExposure.exposure.id;
    ids.product = exposure.recordExposure.exposure.products[0].id;
    const sweep = await ok(
      'CreateSweep',
      {
        input: {
          code: 'JOURNEY-1',
          title: '辣条专项整治',
          directive: '宁市监办发〔2019〕21号',
          leadBureauId: ids.city,
          exposureIds: [ids.exposure],
          categoryCodes: ['SEASONED_FLOUR_PRODUCTS', 'CAMPUS_FOOD'],
          startDate: addDays(today, -1),
          endDate: addDays(today, 30),
        },
      },
      'manager',
    );
    expect(sweep.createSweep.sweep).toMatchObject({
      status: 'DRAFT',
      exposures: [{ id: ids.exposure }],
    });
    ids.sweep = sweep.createSweep.sweep.id;
    const assigned = await ok(
      'SetSweepAssignments',
      {
        input: {
          sweepId: ids.sweep,
          assignments: [
            { bureauId: ids.bureau, categoryCode: 'SEASONED_FLOUR_PRODUCTS', target: 2 },
          ],
        },
      },
      'manager',
    );
    expect(assigned.setSweepAssignments.sweep.assignments).toEqual([
      { bureau: { id: ids.bureau }, category: { code: 'SEASONED_FLOUR_PRODUCTS' }, target: 2 },
    ]);
    expect(
      (await ok('ActivateSweep', { id: ids.sweep }, 'manager')).activateSweep.sweep.status,
    ).toBe('ACTIVE');
  });

  it('shows the inspector the sweep and the premises to visit', async () => {
    const sweeps = await ok('ActiveSweeps', { first: 10 }, 'ins1');
    const sweep = sweeps.sweeps.edges
      .map((edge: { node: { id: string } }) => edge.node)
      .find((node: { id: string }) => node.id === ids.sweep);
    expect(sweep.exposures[0].products[0].productName).toBe('香辣面筋');
    ids.category = sweep.categories.find(
      (category: { code: string }) => category.code === 'SEASONED_FLOUR_PRODUCTS',
    ).id;
    const search = await ok('SearchPremises', { filter: { search: '惠民' }, first: 10 }, 'ins1');
    expect(search.premisesList.totalCount).toBe(1);
    ids.premises = search.premisesList.edges[0].node.id;
    const detail = await ok('PremisesDetail', { id: ids.premises }, 'ins1');
    expect(detail.premises).toMatchObject({
      name: '兴庆区惠民超市',
      creditCode: '91350100M000100Y43',
      inspections: { edges: [] },
    });
  });

  it('logs an inspection with two findings and works them to an end', async () => {
    const logged = await ok(
      'LogInspection',
      {
        input: {
          idempotencyKey: randomUUID(),
          sweepId: ids.sweep,
          categoryId: ids.category,
          premisesId: ids.premises,
          officerIds: [ids.ins1, ids.ins2],
          inspectedAt: new Date(Date.now() - 3600_000).toISOString(),
          outcome: 'ISSUES_FOUND',
          checklist: [{ itemCode: 'SFP-05', result: 'FAIL', note: '货架有被曝光产品' }],
          findings: [
            {
              violationTypeCode: 'EXPOSED_PRODUCT_ON_SALE',
              description: '在售被曝光的香辣面筋',
              exposedProductId: ids.product,
              goods: { quantity: 10, unit: 'bag', value: '50.00' },
            },
            { violationTypeCode: 'THREE_NO_PRODUCTS', description: '散装辣条无标签' },
          ],
        },
      },
      'ins1',
    );
    const inspection = logged.logInspection.inspection;
    expect(logged.logInspection.replayed).toBe(false);
    expect(inspection.findings.map((finding: { severity: string }) => finding.severity)).toEqual([
      'CRITICAL',
      'MAJOR',
    ]);
    const [exposed, unlabelled] = inspection.findings as { id: string; version: number }[];

    const ordered = await ok(
      'OrderRectification',
      {
        input: {
          idempotencyKey: randomUUID(),
          findingId: unlabelled.id,
          expectedVersion: unlabelled.version,
          deadline: addDays(today, 7),
          documentNumber: '责改〔2019〕1号',
        },
      },
      'ins1',
    );
    expect(ordered.orderRectification.finding).toMatchObject({
      status: 'RECTIFYING',
      rectificationDeadline: addDays(today, 7),
    });
    const reinspected = await ok(
      'RecordReinspection',
      {
        input: {
          idempotencyKey: randomUUID(),
          findingId: unlabelled.id,
          expectedVersion: ordered.orderRectification.finding.version,
          passed: true,
          inspectedAt: new Date().toISOString(),
          officerIds: [ids.ins1, ids.ins2],
        },
      },
      'ins1',
    );
    expect(reinspected.recordReinspection.finding.status).toBe('RESOLVED');
    // Rectified at once and harmless: the head declines to file (不予立案, 程序规定 第二十条), which
    // finishes the finding on both tracks.
    const declined = await ok(
      'DeclineCase',
      {
        input: {
          idempotencyKey: randomUUID(),
          findingId: unlabelled.id,
          expectedVersion: reinspected.recordReinspection.finding.version,
          reason: 'MINOR_CORRECTED_NO_HARM',
          decidedOn: today,
          approvedById: ids.sup,
        },
      },
      'sup',
    );
    expect(declined.declineCase.finding.status).toBe('NOT_FILED');

    const filed = await ok(
      'FileCase',
      {
        input: {
          idempotencyKey: randomUUID(),
          findingId: exposed.id,
          expectedVersion: exposed.version,
          caseNumber: '立〔2019〕7号',
          filedOn: today,
        },
      },
      'sup',
    );
    expect(filed.fileCase.finding).toMatchObject({
      status: 'CASE_FILED',
      caseNumber: '立〔2019〕7号',
    });
    const penalty = await ok(
      'DecidePenalty',
      {
        input: {
          idempotencyKey: randomUUID(),
          findingId: exposed.id,
          expectedVersion: filed.fileCase.finding.version,
          decisionNumber: '罚〔2019〕3号',
          decidedOn: today,
          fine: '3000',
          confiscation: '50.5',
        },
      },
      'sup',
    );
    expect(penalty.decidePenalty.finding).toMatchObject({
      status: 'PENALIZED',
      fine: '3000.00',
      confiscation: '50.50',
    });
    const closed = await ok(
      'CloseFinding',
      {
        input: {
          idempotencyKey: randomUUID(),
          findingId: exposed.id,
          expectedVersion: penalty.decidePenalty.finding.version,
          reason: '罚没款已缴清',
        },
      },
      'sup',
    );
    expect(closed.closeFinding.finding.status).toBe('CLOSED');

    const added = await ok(
      'AddFinding',
      {
        input: {
          idempotencyKey: randomUUID(),
          inspectionId: inspection.id,
          finding: { violationTypeCode: 'COUNTERFEIT', description: '假冒产品' },
        },
      },
      'ins1',
    );
    const transferred = await ok(
      'TransferToPolice',
      {
        input: {
          idempotencyKey: randomUUID(),
          findingId: added.addFinding.finding.id,
          expectedVersion: added.addFinding.finding.version,
          documentNumber: '移〔2019〕1号',
          transferredOn: today,
        },
      },
      'sup',
    );
    expect(transferred.transferToPolice.finding.status).toBe('TRANSFERRED');
    ids.finding = exposed.id;
    ids.inspection = inspection.id;
  });

  it('voids a second inspection logged by mistake', async () => {
    const [shop] = await app.query<{ id: string }>(
      `SELECT id FROM premises WHERE name = '第六中学门口小卖部'`,
    );
    const campus = (await ok('ActiveSweeps', {}, 'ins1')).sweeps.edges[0].node.categories.find(
      (category: { code: string }) => category.code === 'CAMPUS_FOOD',
    );
    const logged = await ok(
      'LogInspection',
      {
        input: {
          idempotencyKey: randomUUID(),
          sweepId: ids.sweep,
          categoryId: campus.id,
          premisesId: shop.id,
          officerIds: [ids.ins2, ids.ins1],
          inspectedAt: new Date().toISOString(),
          outcome: 'COMPLIANT',
        },
      },
      'ins2',
    );
    const voided = await ok(
      'VoidInspection',
      { input: { inspectionId: logged.logInspection.inspection.id, reason: '重复录入' } },
      'sup',
    );
    expect(voided.voidInspection.inspection).toMatchObject({
      voided: true,
      voidReason: '重复录入',
    });
  });

  it('reports the figures to the manager', async () => {
    const open = await ok('MyBureauOpenFindings', { first: 20 }, 'ins1');
    expect(open.findings.totalCount).toBe(0);
    const progress = await ok('SweepProgress', { sweepId: ids.sweep }, 'manager');
    expect(progress.sweepProgress.totals).toMatchObject({
      officerVisits: 2,
      inspections: 1,
      premisesInspected: 1,
      target: 2,
      completionRate: 0.5,
      findings: 3,
      rectificationOrders: 1,
      rectified: 1,
      goodsRemovedValue: '50.00',
      casesFiled: 1,
      fines: '3000.00',
      confiscations: '50.50',
      transferredToPolice: 1,
      overdue: 0,
      exposedProductsFound: 1,
    });
    expect(progress.sweepProgress.summaryText).toContain('检查市场主体1户次');
    expect(
      (await ok('OverdueFindings', { sweepId: ids.sweep }, 'manager')).findings.totalCount,
    ).toBe(0);
    const exposures = await ok('Exposures', {}, 'manager');
    expect(exposures.exposures.edges[0].node.sweeps).toEqual([
      { id: ids.sweep, code: 'JOURNEY-1', status: 'ACTIVE' },
    ]);
    const trail = await ok(
      'AuditTrail',
      { entityType: 'Finding', entityId: ids.finding },
      'manager',
    );
    expect(trail.auditTrail.map((event: { action: string }) => event.action)).toEqual([
      'CREATE',
      'CASE_FILED',
      'PENALTY_DECIDED',
      'CLOSED',
    ]);
  });

  it('closes the sweep and deactivates an officer', async () => {
    const closed = await ok('CloseSweep', { input: { sweepId: ids.sweep } }, 'manager');
    expect(closed.closeSweep.sweep).toMatchObject({
      status: 'CLOSED',
      closedAt: expect.any(String),
    });
    const deactivated = await ok('DeactivateOfficer', { id: ids.ins2 }, 'admin');
    expect(deactivated.deactivateOfficer.officer).toEqual({ id: ids.ins2, active: false });
    expect((await app.gql('Me', {}, { token: tokens.ins2 })).errors![0].extensions!.code).toBe(
      'UNAUTHENTICATED',
    );
  });
});
