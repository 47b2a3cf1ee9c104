import ExcelJS from 'exceljs';
import { randomUUID } from 'node:crypto';
import { cityBureau, createBureau, createOfficer } from '../factories/people';
import type { BureauRecord } from '../factories/people';
import {
  createFinding,
  createFollowUp,
  createInspection,
  createPremises,
  createSweep,
} from '../factories/field-work';
import { startTestApp, TestApp } from '../helpers/test-app';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const HEADERS = [
  '单位',
  '出动执法人员（人次）',
  '检查（户次）',
  '检查（户）',
  '任务数',
  '完成率',
  '发现问题（个）',
  '责令整改（户）',
  '已整改（户）',
  '下架、查扣（货值元）',
  '立案（件）',
  '不予立案（件）',
  '罚款（元）',
  '没收违法所得（元）',
  '罚没款（元）',
  '没收非法财物（货值元）',
  '移送公安（件）',
  '逾期未整改',
  '超期未作立案决定',
  '超期未作处罚决定',
  '超期未公示',
  '逾期合计',
  '发现被曝光产品（批次）',
  '抽检（批次）',
  '不合格（批次）',
  '查封扣押（批次）',
  '查封扣押（货值元）',
  '受理投诉举报（件）',
  '办结（件）',
  '办结率',
];

describe('GET /reports/sweeps/:id/progress.xlsx', () => {
  let app: TestApp;
  let city: BureauRecord;
  let bureau: BureauRecord;
  let other: BureauRecord;
  let station: BureauRecord;
  let managerToken: string;
  let sweepId: string;

  beforeAll(async () => {
    app = await startTestApp();
    city = await cityBureau(app);
    bureau = await createBureau(app, { code: 'XINGQING', name: '兴庆区分局' });
    other = await createBureau(app, { code: 'JINFENG', name: '金凤区分局' });
    station = await createBureau(app, {
      code: 'XQ-STATION',
      name: '兴庆区某所',
      parentId: bureau.id,
    });
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
    const finding = await createFinding(app, {
      inspectionId: inspection.id,
      status: 'PENALIZED',
      caseNumber: '银市监立〔2019〕7号',
      caseFiledOn: '2019-03-22',
      decidedOn: '2019-04-02',
      penaltyDecisionDue: '2019-06-20',
      fine: '30000.00',
      confiscation: '5000.50',
      goodsValue: '1234.56',
    });
    await createFollowUp(app, {
      findingId: finding.id,
      action: 'CASE_FILED',
      fromStatus: 'OPEN',
      toStatus: 'CASE_FILED',
      on: '2019-03-22',
    });
    await createFollowUp(app, {
      findingId: finding.id,
      action: 'PENALTY_DECIDED',
      fromStatus: 'CASE_FILED',
      toStatus: 'PENALIZED',
      on: '2019-04-02',
      documentNumber: '银市监罚〔2019〕2号',
      fine: '30000.00',
      confiscation: '5000.50',
    });
    // The city bureau's own premises (市局本级), a station below 兴庆区分局 and 金凤区分局.
    for (const [owner, day, officers] of [
      [city, '2019-03-21T02:00:00Z', 2],
      [station, '2019-03-22T02:00:00Z', 3],
      [other, '2019-03-23T02:00:00Z', 2],
      [other, '2019-03-24T02:00:00Z', 2],
    ] as const) {
      const place = await createPremises(app, { bureauId: owner.id });
      const visit = await createInspection(app, {
        sweepId,
        categoryId: sweep.categoryIds.get('CAMPUS_FOOD')!,
        premisesId: place.id,
        officerIds: Array.from({ length: officers }, () => randomUUID()),
        inspectedAt: new Date(day),
      });
      const ordered = await createFinding(app, {
        inspectionId: visit.id,
        status: 'RECTIFYING',
        goodsValue: '10.25',
        rectificationOrdered: true,
        rectificationDeadline: '2019-03-28',
      });
      await createFollowUp(app, {
        findingId: ordered.id,
        action: 'RECTIFICATION_ORDERED',
        fromStatus: 'OPEN',
        toStatus: 'RECTIFYING',
        on: day.slice(0, 10),
        dueDate: '2019-03-28',
      });
    }
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
    expect(summary.getRow(1).values).toEqual([undefined, ...HEADERS]);
    expect(summary.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const totals = summary.getRow(2);
    expect(totals.getCell(1).value).toBe('合计');
    expect(totals.getCell(2).value).toBe(12);
    expect(totals.getCell(3).value).toBe(5);
    expect(totals.getCell(5).value).toBe(4);
    expect(totals.getCell(6).value).toBe(0.25);
    expect(totals.getCell(6).numFmt).toBe('0.00%');
    expect(totals.getCell(10).value).toBe(1275.56);
    expect(totals.getCell(10).numFmt).toBe('#,##0.00');
    expect(totals.getCell(13).value).toBe(30000);
    expect(totals.getCell(15).value).toBe(35000.5);
    expect(summary.getColumn(1).width).toBeGreaterThan(10);

    const categories = workbook.getWorksheet('分类别')!;
    expect(categories.getRow(1).getCell(1).value).toBe('整治对象类别');
    // The sweep's own order: 调味面制品 first, as it lists them.
    expect(categories.getRow(2).getCell(1).value).toBe('调味面制品');
    expect(categories.getRow(2).getCell(3).value).toBe(1);
    expect(categories.getRow(3).getCell(1).value).toBe('校园及周边食品');

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

  it('lists 合计, 市局本级 and the subordinate bureaus, which add up to 合计 in every count and amount', async () => {
    const summary = (await workbookOf(await download())).getWorksheet('汇总')!;
    const names = Array.from(
      { length: summary.rowCount - 1 },
      (_, index) => summary.getRow(index + 2).getCell(1).value,
    );
    expect(names).toEqual(['合计', '市局本级', '金凤区分局', '兴庆区分局']);
    expect(summary.getRow(3).getCell(3).value).toBe(1);
    for (const [index, header] of HEADERS.entries()) {
      if (header === '单位' || header === '完成率') continue;
      const column = index + 1;
      const cents = (row: number) =>
        Math.round(Number(summary.getRow(row).getCell(column).value) * 100);
      let rows = 0;
      for (let row = 3; row <= names.length + 1; row++) rows += cents(row);
      expect([header, rows]).toEqual([header, cents(2)]);
      if (
        ['出动执法人员（人次）', '检查（户次）', '发现问题（个）', '责令整改（户）'].includes(
          header,
        )
      ) {
        expect([header, cents(2)]).not.toEqual([header, 0]);
      }
    }
  });

  it('counts as of the `to` day in every sheet', async () => {
    const workbook = await workbookOf(await download('?to=2019-03-31'));
    const totals = workbook.getWorksheet('汇总')!.getRow(2);
    expect(totals.getCell(13).value).toBe(0);
    const finding = workbook.getWorksheet('问题清单')!.getRow(2);
    expect(finding.getCell(5).value).toBe('已立案');
    expect(finding.getCell(8).value).toBeNull();
  });

  it('applies the filter from query parameters, categories comma-separated or repeated', async () => {
    const own = await workbookOf(await download(`?bureauId=${other.id}`));
    expect(own.getWorksheet('汇总')!.getRow(2).getCell(3).value).toBe(2);
    expect(own.getWorksheet('问题清单')!.rowCount).toBe(3);
    const repeated = await workbookOf(
      await download('?categoryCodes=CAMPUS_FOOD&categoryCodes=SEASONED_FLOUR_PRODUCTS'),
    );
    expect(repeated.getWorksheet('分类别')!.rowCount).toBe(3);
    const flour = await workbookOf(await download('?categoryCodes=SEASONED_FLOUR_PRODUCTS'));
    expect(flour.getWorksheet('分类别')!.rowCount).toBe(2);
    expect(flour.getWorksheet('汇总')!.getRow(2).getCell(3).value).toBe(1);
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
    expect(summary.getRow(2).getCell(3).value).toBe(2);
    expect(summary.getRow(3).getCell(1).value).toBe('金凤区分局本级');
    expect(summary.rowCount).toBe(3);
    expect(workbook.getWorksheet('问题清单')!.rowCount).toBe(3);
    expect((await download(`?bureauId=${bureau.id}`, inspector.token)).status).toBe(404);
  });
});
