/**
 * The standard enforcement statistics (执法统计) of a sweep for one scope: the figures of the table
 * "What managers read" in DOMAIN.md. Money is yuan as a two-decimal string, never a float.
 */
export interface Figures {
  /** 出动执法人员（人次）: sum over inspections of the officers present. */
  officerVisits: number;
  /** 检查（户次）: inspections, voided ones excluded. */
  inspections: number;
  /** 检查市场主体（户）: distinct premises inspected. */
  premisesInspected: number;
  /** 任务数: assigned targets in scope. */
  target: number;
  /** 完成率: premisesInspected ÷ target, 4 decimals; null when the target is 0. */
  completionRate: number | null;
  /** 发现问题（个）. */
  findings: number;
  /** 责令整改（户）: distinct premises with at least one rectification order. */
  rectificationOrders: number;
  /** 已整改: findings RESOLVED. */
  rectified: number;
  /** 下架查扣货值（元）. */
  goodsRemovedValue: string;
  /** 立案（件）: findings with a case number. */
  casesFiled: number;
  /** 罚款（元）. */
  fines: string;
  /** 没收（元）. */
  confiscations: string;
  /** 移送公安（件）: findings TRANSFERRED. */
  transferredToPolice: number;
  /** 逾期未整改: findings overdue today (Asia/Shanghai). */
  overdue: number;
  /** 发现被曝光产品: findings tied to an exposed product. */
  exposedProductsFound: number;
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
  fines: '0.00',
  confiscations: '0.00',
  transferredToPolice: 0,
  overdue: 0,
  exposedProductsFound: 0,
};
