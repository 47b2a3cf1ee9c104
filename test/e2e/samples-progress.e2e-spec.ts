import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { createFieldWorld, FieldWorld, logInspection } from '../helpers/field-world';
import { proposedOp } from '../helpers/contract';
import { startTestApp, TestApp } from '../helpers/test-app';

const LOT = {
  kind: 'FOOD',
  productName: '香辣条',
  productionDate: '2019-03-01',
  shelfLife: '9个月',
  producerName: '平江县某某食品有限公司',
  producerLicence: 'SC10643062600123',
};
const FAILED_ITEM = { item: '苯甲酸及其钠盐', measured: '0.85', limit: '≤0.5', unit: 'g/kg' };

const PROGRESS = proposedOp('SampleProgress');

interface Counts {
  samplesTaken: number;
  samplesFailed: number;
}

/**
 * 抽检 / 不合格 (批次) in the progress figures, the summary and the workbook. Bureau A holds shop A
 * and, through its child A1, the campus shop; bureau B its own shop.
 */
describe('samples in the progress figures (抽检批次、不合格批次)', () => {
  let app: TestApp;
  let world: FieldWorld;
  let numbers = 0;

  async function sample(
    inspectionId: string,
    token: string,
    overrides: Record<string, unknown>,
  ): Promise<{ id: string }> {
    numbers += 1;
    const result = await app.gql(
      proposedOp('RecordSample'),
      {
        input: {
          idempotencyKey: randomUUID(),
          inspectionId,
          method: 'LAB_TEST',
          sampleNumber: `PG-${numbers}`,
          product: LOT,
          takenOn: '2019-03-20',
          labName: '市食品药品检验所',
          ...overrides,
        },
      },
      { token },
    );
    if (!result.data?.recordSample) throw new Error(JSON.stringify(result.errors));
    return result.data.recordSample.sample as { id: string };
  }

  async function report(sampleId: string, reportedOn: string, result: 'PASS' | 'FAIL') {
    const answer = await app.gql(
      proposedOp('RecordSampleReport'),
      {
        input: {
          idempotencyKey: randomUUID(),
          sampleId,
          expectedVersion: 1,
          reportNumber: `R-${sampleId.slice(0, 8)}`,
          reportedOn,
          result,
          failedItems: result === 'FAIL' ? [FAILED_ITEM] : [],
        },
      },
      { token: world.manager.token },
    );
    if (answer.errors) throw new Error(JSON.stringify(answer.errors));
  }

  const rapid = (result: 'PASS' | 'FAIL', takenOn = '2019-03-20') => ({
    method: 'RAPID_TEST',
    labName: null,
    takenOn,
    result,
    failedItems: result === 'FAIL' ? [FAILED_ITEM] : [],
  });

  beforeAll(async () => {
    app = await startTestApp();
    world = await createFieldWorld(app);
    // Shop A (bureau A), 2019-03-20: a lab test failed on 03-28, a rapid PASS, a rapid FAIL on 03-22.
    const shopA = (await logInspection(app, world)).id;
    await report((await sample(shopA, world.inspectorA.token, {})).id, '2019-03-28', 'FAIL');
    await sample(shopA, world.inspectorA.token, rapid('PASS'));
    await sample(shopA, world.inspectorA.token, rapid('FAIL', '2019-03-22'));
    // The campus shop (bureau A1, 校园及周边食品): a lab test still pending.
    const campus = (
      await logInspection(app, world, {
        premisesId: world.shopA1.id,
        categoryId: world.sweep.categoryIds.get('CAMPUS_FOOD'),
        checklist: [],
      })
    ).id;
    await sample(campus, world.inspectorA.token, {});
    // Shop B (bureau B): a lab test that passed.
    const shopB = (
      await logInspection(
        app,
        world,
        { premisesId: world.shopB.id, officerIds: [world.inspectorB.id, world.supervisorB.id] },
        world.inspectorB.token,
      )
    ).id;
    await report((await sample(shopB, world.inspectorB.token, {})).id, '2019-03-25', 'PASS');
    // A voided inspection voids its samples from the figures.
    const voided = (await logInspection(app, world)).id;
    await sample(voided, world.inspectorA.token, rapid('FAIL'));
    const refused = await app.gql(
      'VoidInspection',
      { input: { inspectionId: voided, reason: '重复录入' } },
      { token: world.supervisorA.token },
    );
    if (refused.errors) throw new Error(JSON.stringify(refused.errors));
  });
  afterAll(() => app?.close());

  async function progress(filter: Record<string, unknown> = {}, token = world.manager.token) {
    const result = await app.gql(PROGRESS, { sweepId: world.sweep.id, filter }, { token });
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    const data = result.data!.sweepProgress as {
      totals: Counts;
      byBureau: { bureau: { id: string }; figures: Counts }[];
      byCategory: { category: { code: string }; figures: Counts }[];
      summaryText: string;
    };
    return {
      totals: data.totals,
      bureau: (id: string) => data.byBureau.find((row) => row.bureau.id === id)?.figures,
      category: (code: string) =>
        data.byCategory.find((row) => row.category.code === code)?.figures,
      summaryText: data.summaryText,
    };
  }

  it('counts samples taken and failed by the premises’ bureau and the inspection’s category, voided ones left out', async () => {
    const figures = await progress();
    expect(figures.totals).toEqual({ samplesTaken: 5, samplesFailed: 2 });
    expect(figures.bureau(world.bureauA.id)).toEqual({ samplesTaken: 4, samplesFailed: 2 });
    expect(figures.bureau(world.bureauB.id)).toEqual({ samplesTaken: 1, samplesFailed: 0 });
    expect(figures.category('SEASONED_FLOUR_PRODUCTS')).toEqual({
      samplesTaken: 4,
      samplesFailed: 2,
    });
    expect(figures.category('CAMPUS_FOOD')).toEqual({ samplesTaken: 1, samplesFailed: 0 });
    expect(figures.summaryText).toContain('发现问题3个，抽检5批次（不合格2批次）。');
  });

  it('counts as of the 截至 day: samples taken by then, failures reported by then', async () => {
    // By 2019-03-21 the rapid FAIL of 03-22 was not taken and the lab FAIL of 03-28 not reported.
    expect((await progress({ to: '2019-03-21' })).totals).toEqual({
      samplesTaken: 4,
      samplesFailed: 0,
    });
    expect((await progress({ to: '2019-03-27' })).totals).toEqual({
      samplesTaken: 5,
      samplesFailed: 1,
    });
  });

  it('reads the same from the raw tables (a from day) as from the summaries', async () => {
    const raw = await progress({ from: '2019-03-16', to: '2019-04-30' });
    const summaries = await progress({ to: '2019-04-30' });
    expect(raw.totals).toEqual({ samplesTaken: 5, samplesFailed: 2 });
    expect(summaries.totals).toEqual(raw.totals);
    expect(raw.bureau(world.bureauA.id)).toEqual(summaries.bureau(world.bureauA.id));
  });

  it('applies the bureau filter and the caller’s jurisdiction, and the category filter', async () => {
    expect((await progress({ bureauId: world.bureauA1.id })).totals).toEqual({
      samplesTaken: 1,
      samplesFailed: 0,
    });
    expect((await progress({}, world.inspectorB.token)).totals).toEqual({
      samplesTaken: 1,
      samplesFailed: 0,
    });
    expect((await progress({ categoryCodes: ['CAMPUS_FOOD'] })).totals).toEqual({
      samplesTaken: 1,
      samplesFailed: 0,
    });
  });

  it('writes 抽检 and 不合格 columns in the workbook, the bureau rows adding up to 合计', async () => {
    const response = await app.get(`/reports/sweeps/${world.sweep.id}/progress.xlsx`, {
      token: world.manager.token,
    });
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const summary = workbook.getWorksheet('汇总')!;
    const headers = summary.getRow(1).values as unknown[];
    const taken = headers.indexOf('抽检（批次）');
    const failed = headers.indexOf('不合格（批次）');
    expect(taken).toBeGreaterThan(0);
    const rows: { name: unknown; taken: unknown; failed: unknown }[] = [];
    summary.eachRow((row, index) => {
      if (index > 1)
        rows.push({
          name: row.getCell(1).value,
          taken: row.getCell(taken).value,
          failed: row.getCell(failed).value,
        });
    });
    expect(rows[0]).toEqual({ name: '合计', taken: 5, failed: 2 });
    const sum = (pick: (row: (typeof rows)[number]) => unknown) =>
      rows.slice(1).reduce((total, row) => total + Number(pick(row) ?? 0), 0);
    expect([sum((row) => row.taken), sum((row) => row.failed)]).toEqual([5, 2]);
    const categories = workbook.getWorksheet('分类别')!;
    const categoryHeaders = categories.getRow(1).values as unknown[];
    const seasoned = categories.getRow(2);
    expect(seasoned.getCell(1).value).toBe('调味面制品');
    expect(seasoned.getCell(categoryHeaders.indexOf('抽检（批次）')).value).toBe(4);
    expect(seasoned.getCell(categoryHeaders.indexOf('不合格（批次）')).value).toBe(2);
  });
});
