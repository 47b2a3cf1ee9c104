import type { Figures } from './figures';

/**
 * The sweep's summary paragraph (工作进展情况) in the style of the bureau's own reports:
 * “针对“3·15”晚会曝光的辣条等问题，开展调味面制品大排查大整治行动，截至2019年3月31日，全市共出动执法人员
 * 1,234人次，检查市场主体567户次，发现问题89个，责令整改45户，立案12件，罚没款3.5万元。”
 * Counts carry thousands separators; money is in 万元 (see `formatYuan`); a figure that is zero is
 * left out rather than printed (officer visits and inspections are always printed).
 */
export interface SummaryInput {
  /** The “截至” day, YYYY-MM-DD (Asia/Shanghai): the `to` filter day or today. */
  asOfDay: string;
  /** “全市” for the whole city, else the bureau's name (e.g. 兴庆区分局). */
  areaName: string;
  /** The sweep's exposures, in the order they were exposed. */
  exposures: { source: string; title: string }[];
  /** Chinese names of the sweep's categories in scope. */
  categoryNames: string[];
  figures: Figures;
}

const SOURCE_WORDS: Record<string, string> = {
  CCTV_315_GALA: '“3·15”晚会',
  SAMR_NOTICE: '国家市场监督管理总局通报',
  REGIONAL_NOTICE: '自治区厅通报',
  MEDIA: '媒体',
  COMPLAINT: '投诉举报',
  OTHER: '',
};

export function summaryText(input: SummaryInput): string {
  return `${leadIn(input)}截至${chineseDate(input.asOfDay)}，${input.areaName}${figureSentence(input.figures)}。`;
}

/** “针对…曝光的…等问题，开展…大排查大整治行动，”, or nothing when the sweep has neither. */
function leadIn(input: SummaryInput): string {
  const parts: string[] = [];
  const bySource = new Map<string, string[]>();
  for (const exposure of input.exposures) {
    const titles = bySource.get(exposure.source) ?? [];
    titles.push(exposure.title);
    bySource.set(exposure.source, titles);
  }
  if (bySource.size > 0) {
    const problems = [...bySource].map(
      ([source, titles]) => `${SOURCE_WORDS[source] ?? ''}曝光的${titles.join('、')}`,
    );
    parts.push(`针对${problems.join('，')}等问题`);
  }
  if (input.categoryNames.length > 0) {
    parts.push(`开展${input.categoryNames.join('、')}大排查大整治行动`);
  }
  return parts.length > 0 ? `${parts.join('，')}，` : '';
}

function figureSentence(figures: Figures): string {
  const penalties = addYuan(figures.fines, figures.confiscations);
  const clauses = [
    `共出动执法人员${formatCount(figures.officerVisits)}人次`,
    `检查市场主体${formatCount(figures.inspections)}户次`,
    figures.findings > 0 ? `发现问题${formatCount(figures.findings)}个` : null,
    figures.rectificationOrders > 0
      ? `责令整改${formatCount(figures.rectificationOrders)}户`
      : null,
    figures.rectified > 0 ? `已整改${formatCount(figures.rectified)}个` : null,
    isPositive(figures.goodsRemovedValue)
      ? `下架查扣货值${formatYuan(figures.goodsRemovedValue)}`
      : null,
    figures.casesFiled > 0 ? `立案${formatCount(figures.casesFiled)}件` : null,
    isPositive(penalties) ? `罚没款${formatYuan(penalties)}` : null,
    figures.transferredToPolice > 0
      ? `移送公安${formatCount(figures.transferredToPolice)}件`
      : null,
    figures.exposedProductsFound > 0
      ? `发现被曝光产品${formatCount(figures.exposedProductsFound)}批次`
      : null,
  ];
  return clauses.filter((clause) => clause !== null).join('，');
}

/** 2019-03-31 → 2019年3月31日. */
export function chineseDate(day: string): string {
  const [year, month, date] = day.split('-').map(Number);
  return `${year}年${month}月${date}日`;
}

/** 1234567 → 1,234,567. */
export function formatCount(value: number | bigint): string {
  return value.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Yuan string → cents, exactly (no floating point). */
function toCents(yuan: string): bigint {
  const [whole, fraction = ''] = yuan.split('.');
  return BigInt(whole) * 100n + BigInt((fraction + '00').slice(0, 2));
}

function isPositive(yuan: string): boolean {
  return toCents(yuan) > 0n;
}

function addYuan(a: string, b: string): string {
  const cents = toCents(a) + toCents(b);
  return `${cents / 100n}.${(cents % 100n).toString().padStart(2, '0')}`;
}

/**
 * Money as the reports write it. From 100 yuan up: 万元 rounded half up to two decimals, trailing
 * zeros dropped (35000.00 → 3.5万元, 1234.00 → 0.12万元, 12345678.00 → 1,234.57万元). Under 100
 * yuan 万元 would round to 0.01 or 0, so it is written in 元 (80.50 → 80.5元).
 */
export function formatYuan(yuan: string): string {
  const cents = toCents(yuan);
  if (cents < 10000n) return `${trimDecimals(cents / 100n, cents % 100n, 2)}元`;
  // 1万元 = 1,000,000 cents; two decimals of 万元 = units of 10,000 cents.
  const hundredthsOfWan = (cents + 5000n) / 10000n;
  return `${trimDecimals(hundredthsOfWan / 100n, hundredthsOfWan % 100n, 2)}万元`;
}

function trimDecimals(whole: bigint, fraction: bigint, digits: number): string {
  const decimals = fraction.toString().padStart(digits, '0').replace(/0+$/, '');
  return decimals ? `${formatCount(whole)}.${decimals}` : formatCount(whole);
}
