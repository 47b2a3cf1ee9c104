import ExcelJS from 'exceljs';
import { randomUUID } from 'node:crypto';
import { cityBureau, createBureau, createOfficer } from '../factories/people';
import type { BureauRecord } from '../factories/people';
import {
  createFinding,
  createInspection,
  createPremises,
  createSweep,
} from '../factories/field-work';
import { startTestApp, TestApp } from '../helpers/test-app';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('GET /reports/sweeps/:id/progress.xlsx', () => {
  let app: TestApp;
  let city: BureauRecord;
  let bureau: BureauRecord;
  let other: BureauRecord;
  let managerToken: string;
  let sweepId: string;

  beforeAll(async () => {
    app = await startTestApp();
    city = await cityBureau(app);
    bureau = await createBureau(app, { code: 'XINGQING', name: '兴庆区分局' });
    other = await createBureau(app, { code: 'JINFENG', name: '金凤区分局' });
    managerToken = (await createOfficer(app, city.id, ['MANAGER'])).token;
    const sweep = await createSweep(app, {
      leadBureauId: city.id,
      code: '2019-315-DPC',
      categoryCodes: ['SEASONED_FLOUR_PRODUCTS', 'CAMPUS_FOOD'],
      assignments: [{ bureauId: bureau.id, categoryCode: 'SEASONED_FLOUR_PRODUCTS', target: 4 }],
    });
    sweepId = sweep.id;
    const premises = await createPremises(app, { bureauId: bureau.id, name: '好再来食品店' });
    const inspection = await createInspection(app, {
      sweepId,
      categoryId: sweep.categoryIds.get('SEASONED_FLOUR_PRODUCTS')!,
      premisesId: premises.id,
      officerIds: [randomUUID(), randomUUID(), randomUUID()],
      inspectedAt: new Date('2019-03-20T02:00:00Z'),
    });
    await createFinding(app, {
      inspectionId: inspection.id,
      status: 'PENALIZED',
      caseNumber: '银市监立〔2019〕7号',
      caseFiledOn: '2019-03-22',
      penaltyDecisionDue: '2019-06-20',
      fine: '30000.00',
      confiscation: '5000.50',
      goodsValue: '1234.56',
    });
  });

  afterAll(() => app?.close());

  async function download(query = '', token = managerToken) {
    return app.get(`/reports/sweeps/${sweepId}/progress.xlsx${query}`, { token });
  }

  async function workbookOf(response: Response): Promise<ExcelJS.Workbook> {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    return workbook;
  }

  it('returns the figures as a typed workbook with three sheets', async () => {
    const response = await download();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(XLSX);
    expect(response.headers.get('content-disposition')).toMatch(
      /attachment; filename="2019-315-DPC-progress-\d{4}-\d{2}-\d{2}\.xlsx"/,
    );
    const workbook = await workbookOf(response);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['汇总', '分类别', '问题清单']);

    const summary = workbook.getWorksheet('汇总')!;
    expect(summary.getRow(1).values).toEqual([
      undefined,
      '单位',
      '出动执法人员（人次）',
      '检查（户次）',
      '检查市场主体（户）',
      '任务数',
      '完成率',
      '发现问题（个）',
      '责令整改（户）',
      '已整改',
      '下架查扣货值（元）',
      '立案（件）',
      '罚没款（元）',
      '移送公安（件）',
      '逾期未整改',
      '发现被曝光产品',
    ]);
    expect(summary.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const totals = summary.getRow(2);
    expect(totals.getCell(1).value).toBe('合计');
    expect(totals.getCell(2).value).toBe(3);
    expect(totals.getCell(5).value).toBe(4);
    expect(totals.getCell(6).value).toBe(0.25);
    expect(totals.getCell(6).numFmt).toBe('0.00%');
    expect(totals.getCell(10).value).toBe(1234.56);
    expect(totals.getCell(10).numFmt).toBe('#,##0.00');
    expect(totals.getCell(12).value).toBe(35000.5);
    expect(summary.getRow(3).getCell(1).value).toBe('市市场监督管理局');
    expect(summary.getRow(4).getCell(1).value).toBe('兴庆区分局');
    expect(summary.getColumn(1).width).toBeGreaterThan(10);

    const categories = workbook.getWorksheet('分类别')!;
    expect(categories.getRow(1).getCell(1).value).toBe('整治对象类别');
    expect(categories.getRow(3).getCell(1).value).toBe('调味面制品');
    expect(categories.getRow(3).getCell(3).value).toBe(1);

    const findings = workbook.getWorksheet('问题清单')!;
    expect(findings.getRow(1).getCell(1).value).toBe('检查对象');
    const finding = findings.getRow(2);
    expect(finding.getCell(1).value).toBe('好再来食品店');
    expect(finding.getCell(2).value).toBe('兴庆区分局');
    expect(finding.getCell(4).value).toBe('较重');
    expect(finding.getCell(5).value).toBe('已处罚');
    expect(finding.getCell(8).value).toBe(30000);
    expect(finding.getCell(11).value).toEqual(new Date('2019-03-20T10:00:00.000Z'));
    expect(finding.getCell(7).value).toBeInstanceOf(Date);
  });

  it('applies the filter from query parameters, categories comma-separated or repeated', async () => {
    const own = await workbookOf(await download(`?bureauId=${other.id}`));
    expect(own.getWorksheet('汇总')!.getRow(2).getCell(3).value).toBe(0);
    expect(own.getWorksheet('问题清单')!.rowCount).toBe(1);
    const repeated = await workbookOf(
      await download('?categoryCodes=CAMPUS_FOOD&categoryCodes=SEASONED_FLOUR_PRODUCTS'),
    );
    expect(repeated.getWorksheet('分类别')!.rowCount).toBe(3);
    const campus = await workbookOf(await download('?categoryCodes=CAMPUS_FOOD'));
    expect(campus.getWorksheet('分类别')!.rowCount).toBe(2);
    expect(campus.getWorksheet('汇总')!.getRow(2).getCell(3).value).toBe(0);
  });

  it('answers 400 with the invalid fields, 404 for an unknown sweep and 401 without a token', async () => {
    const invalid = await download('?from=2019-02-30&bureauId=x');
    expect(invalid.status).toBe(400);
    const body = (await invalid.json()) as { code: string; fields: { path: string }[] };
    expect(body.code).toBe('BAD_USER_INPUT');
    expect(body.fields.map((field) => field.path).sort()).toEqual(['bureauId', 'from']);
    const unknownCode = await download('?categoryCodes=CAMPUS_FOOD,NOPE');
    expect(unknownCode.status).toBe(400);
    expect(((await unknownCode.json()) as { fields: { path: string }[] }).fields[0].path).toBe(
      'categoryCodes[1]',
    );
    const unknown = await app.get(`/reports/sweeps/${randomUUID()}/progress.xlsx`, {
      token: managerToken,
    });
    expect(unknown.status).toBe(404);
    expect((await app.get(`/reports/sweeps/${sweepId}/progress.xlsx`)).status).toBe(401);
  });

  it('limits an inspector to their jurisdiction', async () => {
    const inspector = await createOfficer(app, other.id, ['INSPECTOR']);
    const workbook = await workbookOf(await download('', inspector.token));
    const summary = workbook.getWorksheet('汇总')!;
    expect(summary.getRow(2).getCell(3).value).toBe(0);
    expect(summary.rowCount).toBe(2);
    expect(workbook.getWorksheet('问题清单')!.rowCount).toBe(1);
    expect((await download(`?bureauId=${bureau.id}`, inspector.token)).status).toBe(404);
  });
});
