/**
 * The standard enforcement statistics (执法统计) of a sweep for one scope: the figures of the table
 * "What managers read" in DOMAIN.md, as of the end of the as-of day (截至). Money is yuan as a
 * two-decimal string, never a float.
 */
export interface Figures {
  /** 出动执法人员（人次）: distinct (officer, day) pairs. */
  officerVisits: number;
  /** 检查（户次）: distinct (premises, day) visits; re-inspections are not inspections. */
  inspections: number;
  /** 检查（户）: distinct premises inspected. */
  premisesInspected: number;
  /** 任务数: assigned targets in scope. */
  target: number;
  /** 完成率: Σ per assignment min(premises inspected, target) ÷ Σ targets, 4 decimals; null when the target is 0. */
  completionRate: number | null;
  /** 发现问题（个）. */
  findings: number;
  /** 责令整改（户）: distinct premises with a rectification order. */
  rectificationOrders: number;
  /** 已整改（户）: distinct premises whose every ordered finding passed re-inspection. */
  rectified: number;
  /** 下架、查扣（货值元）: goods removed voluntarily (findings' goods) plus compulsory measures' lists. */
  goodsRemovedValue: string;
  /** 立案（件）: distinct cases. */
  casesFiled: number;
  /** 不予立案（件）: declining decisions. */
  casesDeclined: number;
  /** 罚款（元）, once per case decision. */
  fines: string;
  /** 没收违法所得（元）, once per case decision. */
  confiscations: string;
  /** 没收非法财物（货值元）, once per case decision. */
  confiscatedGoodsValue: string;
  /** 移送公安（件）: distinct cases transferred, plus findings transferred without a case. */
  transferredToPolice: number;
  /** 逾期未整改. */
  overdueRectifications: number;
  /** 超期未作立案决定. */
  overdueFilingDecisions: number;
  /** 超期未作处罚决定. */
  overduePenaltyDecisions: number;
  /** 超期未公示. */
  overduePublications: number;
  /** The four overdue figures added up. */
  overdue: number;
  /** 发现被曝光产品（批次）: findings tied to an exposed product. */
  exposedProductsFound: number;
  /** 查封扣押（批次）: compulsory measures decided by the as-of day (one decision, one 批次). */
  compulsoryMeasures: number;
  /** 查封扣押（货值元）: Σ of those measures' lists. */
  compulsoryMeasuresValue: string;
  /** 受理投诉举报（件）: complaints accepted and reports received by the as-of day (docs/clues.md). */
  cluesReceived: number;
  /** 办结（件）: of those, closed by the as-of day. */
  cluesClosed: number;
  /** 办结率: cluesClosed ÷ cluesReceived, 4 decimals; null when none was received. */
  clueClosureRate: number | null;
  /** 抽检（批次）: samples taken by the as-of day on inspections counted (src/samples). */
  samplesTaken: number;
  /** 不合格（批次）: of those, the ones whose FAIL was reported by the as-of day. */
  samplesFailed: number;
}

export const EMPTY_FIGURES: Figures = {
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
  overdueRectifications: 0,
  overdueFilingDecisions: 0,
  overduePenaltyDecisions: 0,
  overduePublications: 0,
  overdue: 0,
  exposedProductsFound: 0,
  compulsoryMeasures: 0,
  compulsoryMeasuresValue: '0.00',
  cluesReceived: 0,
  cluesClosed: 0,
  clueClosureRate: null,
  samplesTaken: 0,
  samplesFailed: 0,
};

/** Completion (完成率) from the capped count and the target: 4 decimals, null when no target. */
export function completionRate(completed: number, target: number): number | null {
  return target === 0 ? null : Math.round((completed * 10000) / target) / 10000;
}
