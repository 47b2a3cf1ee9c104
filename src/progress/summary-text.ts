import type { Figures } from './figures';

/**
 * The sweep's summary paragraph (工作进展情况) in the style of a bureau's report, from the template
 * of DOMAIN.md (What managers read):
 * “针对“3·15”晚会曝光的辣条生产黑作坊、执业药师挂证等问题，开展调味面制品、…大排查大整治行动。截至2019年4月30日，
 * 全市共出动执法人员36人次，检查各类主体43户次（40户），发现问题14个，责令整改6户，已整改4户，立案4件，
 * 罚没款6.16万元，移送公安1件。”
 * A clause whose figure is 0 is left out, except 人次, 户次 and 发现问题. Numbers carry no thousands
 * separators; money is written by `formatYuan`.
 */
export interface SummaryInput {
  /** The “截至” day, YYYY-MM-DD (Asia/Shanghai): min(`to`, today). */
  asOfDay: string;
  /** “全市” for the whole city, else the bureau's name (e.g. 兴庆区分局). */
  areaName: string;
  /** The sweep's exposures, in the order they were exposed. */
  exposures: { source: string; title: string }[];
  /** Chinese names of the sweep's categories in scope, in the sweep's order. */
  categoryNames: string[];
  /** Kinds of the premises inspected (FOOD_RETAILER, SCHOOL_CANTEEN, …), for the noun. */
  premisesKinds: string[];
  figures: Figures;
}

/** The source as the reports name it. */
const SOURCE_WORDS: Record<string, string> = {
  CCTV_315_GALA: '“3·15”晚会',
  SAMR_NOTICE: '国家市场监督管理总局',
  REGIONAL_NOTICE: '自治区厅',
  MEDIA: '媒体',
  COMPLAINT: '群众投诉举报',
};

/** Premises that are not businesses (市场主体): their presence makes the noun 各类主体. */
const NOT_BUSINESSES = new Set(['SCHOOL_CANTEEN', 'VACCINATION_SITE']);

export function summaryText(input: SummaryInput): string {
  return `${leadIn(input)}截至${chineseDate(input.asOfDay)}，${input.areaName}${figureSentence(input)}。`;
}

/** “针对…曝光的…等问题，开展…大排查大整治行动。”, the parts the sweep has. */
function leadIn(input: SummaryInput): string {
  const sources = unique(
    input.exposures.map((exposure) => SOURCE_WORDS[exposure.source] ?? ''),
  ).filter((word) => word !== '');
  const titles = unique(input.exposures.map((exposure) => titleWithoutSource(exposure)));
  const parts: string[] = [];
  if (titles.length > 0) {
    const source = sources.length > 0 ? `${sources.join('、')}曝光的` : '';
    parts.push(`针对${source}${titles.join('、')}等问题`);
  }
  if (input.categoryNames.length > 0) {
    parts.push(`开展${input.categoryNames.join('、')}大排查大整治行动`);
  }
  return parts.length > 0 ? `${parts.join('，')}。` : '';
}

/** A title with a leading “{source}曝光(的)” removed, so the source is named once. */
function titleWithoutSource(exposure: { source: string; title: string }): string {
  const word = SOURCE_WORDS[exposure.source];
  let title = exposure.title.trim();
  if (word && title.startsWith(`${word}曝光`)) {
    title = title.slice(`${word}曝光`.length).replace(/^的/, '');
  }
  return title;
}

function figureSentence(input: SummaryInput): string {
  const figures = input.figures;
  const noun = input.premisesKinds.some((kind) => NOT_BUSINESSES.has(kind))
    ? '各类主体'
    : '市场主体';
  const penalties = addYuan(figures.fines, figures.confiscations);
  const count = (value: number, clause: string) => (value > 0 ? clause : null);
  const money = (yuan: string, clause: (text: string) => string) =>
    toCents(yuan) > 0n ? clause(formatYuan(yuan)) : null;
  const clauses = [
    `共出动执法人员${figures.officerVisits}人次`,
    `检查${noun}${figures.inspections}户次（${figures.premisesInspected}户）`,
    `发现问题${figures.findings}个`,
    count(
      figures.samplesTaken,
      `抽检${figures.samplesTaken}批次（不合格${figures.samplesFailed}批次）`,
    ),
    count(figures.rectificationOrders, `责令整改${figures.rectificationOrders}户`),
    count(figures.rectified, `已整改${figures.rectified}户`),
    money(figures.goodsRemovedValue, (text) => `下架查扣问题产品货值${text}`),
    count(figures.casesFiled, `立案${figures.casesFiled}件`),
    count(figures.casesDeclined, `不予立案${figures.casesDeclined}件`),
    money(penalties, (text) => `罚没款${text}`),
    count(figures.transferredToPolice, `移送公安${figures.transferredToPolice}件`),
    count(figures.exposedProductsFound, `发现被曝光产品${figures.exposedProductsFound}批次`),
  ];
  return clauses.filter((clause) => clause !== null).join('，');
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

/** 2019-03-31 → 2019年3月31日. */
export function chineseDate(day: string): string {
  const [year, month, date] = day.split('-').map(Number);
  return `${year}年${month}月${date}日`;
}

/** Yuan string → cents, exactly (no floating point). */
function toCents(yuan: string): bigint {
  const [whole, fraction = ''] = yuan.split('.');
  return BigInt(whole) * 100n + BigInt((fraction + '00').slice(0, 2));
}

function addYuan(a: string, b: string): string {
  const cents = toCents(a) + toCents(b);
  return `${cents / 100n}.${(cents % 100n).toString().padStart(2, '0')}`;
}

/**
 * Money as the reports write it, without thousands separators: under 10,000 yuan in 元 with
 * trailing zeros dropped (1234.50 → 1234.5元); from 10,000 yuan in 万元 rounded half up to two
 * decimals, trailing zeros dropped (61600.00 → 6.16万元, 21000.00 → 2.1万元).
 */
export function formatYuan(yuan: string): string {
  const cents = toCents(yuan);
  if (cents < 1_000_000n) return `${trimDecimals(cents / 100n, cents % 100n)}元`;
  // 1万元 = 1,000,000 cents; two decimals of 万元 = units of 10,000 cents.
  const hundredthsOfWan = (cents + 5000n) / 10000n;
  return `${trimDecimals(hundredthsOfWan / 100n, hundredthsOfWan % 100n)}万元`;
}

function trimDecimals(whole: bigint, fraction: bigint): string {
  const decimals = fraction.toString().padStart(2, '0').replace(/0+$/, '');
  return decimals ? `${whole}.${decimals}` : `${whole}`;
}
