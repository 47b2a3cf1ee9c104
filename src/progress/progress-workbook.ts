import ExcelJS from 'exceljs';
import type { Figures } from './figures';
import type { FindingListRow, SweepProgress } from './progress.service';

const MONEY_FORMAT = '#,##0.00';
const PERCENT_FORMAT = '0.00%';
const DATE_FORMAT = 'yyyy-mm-dd';
const DATETIME_FORMAT = 'yyyy-mm-dd hh:mm';
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

type Kind = 'count' | 'money' | 'percent' | 'text' | 'date' | 'datetime';

export interface Column<T> {
  header: string;
  kind: Kind;
  width: number;
  value: (row: T) => string | number | Date | null;
}

/** A labelled row of figures of the 汇总 and 分类别 sheets. */
export interface FiguresLine {
  name: string;
  figures: Figures;
}

/**
 * The columns of the standard statistics table (DOMAIN.md, “What managers read”). Every column
 * but the label, 完成率 and 办结率 is additive: the bureau rows of 汇总 add up to 合计.
 */
export function figureColumns(label: string): Column<FiguresLine>[] {
  const f = (pick: (figures: Figures) => string | number | null, header: string, kind: Kind) => ({
    header,
    kind,
    width: Math.max(10, header.length * 2 + 2),
    value: (row: { figures: Figures }) => pick(row.figures),
  });
  return [
    { header: label, kind: 'text', width: 24, value: (row) => row.name },
    f((x) => x.officerVisits, '出动执法人员（人次）', 'count'),
    f((x) => x.inspections, '检查（户次）', 'count'),
    f((x) => x.premisesInspected, '检查（户）', 'count'),
    f((x) => x.target, '任务数', 'count'),
    f((x) => x.completionRate, '完成率', 'percent'),
    f((x) => x.findings, '发现问题（个）', 'count'),
    f((x) => x.rectificationOrders, '责令整改（户）', 'count'),
    f((x) => x.rectified, '已整改（户）', 'count'),
    f((x) => x.goodsRemovedValue, '下架、查扣（货值元）', 'money'),
    f((x) => x.casesFiled, '立案（件）', 'count'),
    f((x) => x.casesDeclined, '不予立案（件）', 'count'),
    f((x) => x.fines, '罚款（元）', 'money'),
    f((x) => x.confiscations, '没收违法所得（元）', 'money'),
    f((x) => addMoney(x.fines, x.confiscations), '罚没款（元）', 'money'),
    f((x) => x.confiscatedGoodsValue, '没收非法财物（货值元）', 'money'),
    f((x) => x.transferredToPolice, '移送公安（件）', 'count'),
    f((x) => x.overdueRectifications, '逾期未整改', 'count'),
    f((x) => x.overdueFilingDecisions, '超期未作立案决定', 'count'),
    f((x) => x.overduePenaltyDecisions, '超期未作处罚决定', 'count'),
    f((x) => x.overduePublications, '超期未公示', 'count'),
    f((x) => x.overdue, '逾期合计', 'count'),
    f((x) => x.exposedProductsFound, '发现被曝光产品（批次）', 'count'),
    f((x) => x.samplesTaken, '抽检（批次）', 'count'),
    f((x) => x.samplesFailed, '不合格（批次）', 'count'),
    f((x) => x.compulsoryMeasures, '查封扣押（批次）', 'count'),
    f((x) => x.compulsoryMeasuresValue, '查封扣押（货值元）', 'money'),
    f((x) => x.cluesReceived, '受理投诉举报（件）', 'count'),
    f((x) => x.cluesClosed, '办结（件）', 'count'),
    f((x) => x.clueClosureRate, '办结率', 'percent'),
  ];
}

/** Chinese labels as the bureau's reports write them. */
const STATUS_LABELS: Record<string, string> = {
  OPEN: '待处置',
  RECTIFYING: '整改中',
  RESOLVED: '已整改',
  CASE_FILED: '已立案',
  PENALIZED: '已处罚',
  CLOSED: '已结案',
  TRANSFERRED: '已移送公安',
};
const SEVERITY_LABELS: Record<string, string> = { MINOR: '一般', MAJOR: '较重', CRITICAL: '严重' };

const FINDING_COLUMNS: Column<FindingListRow>[] = [
  { header: '检查对象', kind: 'text', width: 30, value: (row) => row.premises },
  { header: '执法单位', kind: 'text', width: 20, value: (row) => row.bureau },
  { header: '问题类型', kind: 'text', width: 28, value: (row) => row.violation },
  {
    header: '严重程度',
    kind: 'text',
    width: 10,
    value: (row) => SEVERITY_LABELS[row.severity] ?? row.severity,
  },
  {
    header: '处置状态',
    kind: 'text',
    width: 12,
    value: (row) => STATUS_LABELS[row.status] ?? row.status,
  },
  { header: '整改期限', kind: 'date', width: 12, value: (row) => row.rectification_deadline },
  { header: '立案决定期限', kind: 'date', width: 14, value: (row) => row.case_decision_due },
  { header: '罚款（元）', kind: 'money', width: 14, value: (row) => row.fine },
  { header: '没收（元）', kind: 'money', width: 14, value: (row) => row.confiscation },
  { header: '货值（元）', kind: 'money', width: 14, value: (row) => row.goods_value },
  { header: '检查时间', kind: 'datetime', width: 18, value: (row) => row.inspected_at },
];

/** Exact yuan sum of two two-decimal strings. */
function addMoney(a: string, b: string): string {
  const cents = (yuan: string) => {
    const [whole, fraction = ''] = yuan.split('.');
    return BigInt(whole) * 100n + BigInt((fraction + '00').slice(0, 2));
  };
  const total = cents(a) + cents(b);
  return `${total / 100n}.${(total % 100n).toString().padStart(2, '0')}`;
}

/**
 * A typed cell value. Money becomes a number only here, at the edge, because Excel has no decimal
 * type; amounts up to 10^13 yuan survive a double with their cents. Days are written as Excel dates
 * at midnight; instants are shown in Asia/Shanghai wall time, as the bureau reads them.
 */
function cellValue(kind: Kind, value: string | number | Date | null): ExcelJS.CellValue {
  if (value === null) return null;
  switch (kind) {
    case 'money':
      return Number(value);
    case 'date':
      return new Date(`${String(value)}T00:00:00.000Z`);
    case 'datetime':
      return new Date(new Date(value).getTime() + SHANGHAI_OFFSET_MS);
    default:
      return value;
  }
}

const FORMATS: Partial<Record<Kind, string>> = {
  money: MONEY_FORMAT,
  percent: PERCENT_FORMAT,
  date: DATE_FORMAT,
  datetime: DATETIME_FORMAT,
};

function addSheet<T>(workbook: ExcelJS.Workbook, name: string, columns: Column<T>[], rows: T[]) {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((column, index) => ({
    key: String(index),
    header: column.header,
    width: column.width,
    style: FORMATS[column.kind] ? { numFmt: FORMATS[column.kind] } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) {
    sheet.addRow(columns.map((column) => cellValue(column.kind, column.value(row))));
  }
  return sheet;
}

/**
 * The rows of 汇总 (DOMAIN.md, Workbook): 合计, then the report bureau's own records (市局本级 for
 * the city bureau), then each bureau directly below it with its subtree, so that the bureau rows
 * add up to 合计 for every count and amount.
 */
export function summaryLines(progress: SweepProgress): FiguresLine[] {
  const lines: FiguresLine[] = [{ name: '合计', figures: progress.totals }];
  const own = progress.ownRow;
  if (!own) return lines;
  lines.push({
    name: own.bureau.kind === 'MUNICIPAL' ? '市局本级' : `${own.bureau.name}本级`,
    figures: own.figures,
  });
  for (const row of progress.byBureau) {
    if (row.bureau.parentId === own.bureau.id) {
      lines.push({ name: row.bureau.name, figures: row.figures });
    }
  }
  return lines;
}

/**
 * The progress workbook: 汇总 (合计, 本级, the bureaus directly below), 分类别 (per category, in the
 * sweep's order) and 问题清单 (the findings counted), all as of the same day.
 */
export async function progressWorkbook(
  progress: SweepProgress,
  findings: FindingListRow[],
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'sweep-tracker';
  workbook.created = progress.asOf;
  addSheet(workbook, '汇总', figureColumns('单位'), summaryLines(progress));
  addSheet(
    workbook,
    '分类别',
    figureColumns('整治对象类别'),
    progress.byCategory.map((row) => ({ name: row.category.name, figures: row.figures })),
  );
  addSheet(workbook, '问题清单', FINDING_COLUMNS, findings);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
