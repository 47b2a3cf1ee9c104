import type { sweepsEn } from '../en/sweeps';

/** 专项整治行动：创建、任务分配与启动。 */
export const sweepsZh: Record<keyof typeof sweepsEn, string> = {
  'sweeps.endBeforeStart': '结束日期不能早于开始日期',
  'sweeps.tooEarly': '不能早于{earliest}',
  'sweeps.tooLong': '专项行动最长{days}天：请在{latest}前结束，需要时再延期',
  'sweeps.noSuchBureau': '执法单位不存在',
  'sweeps.noSuchExposure': '曝光事件不存在',
  'sweeps.notCategoryOfSweep': '{code} 不是该专项整治行动的整治对象类别',
  'sweeps.assignedTwice': '该执法单位已分配过这一整治对象类别，不能重复分配',
  'sweeps.activeNeedsAssignment': '进行中的专项整治行动至少需要一项任务分配',
  'sweeps.closedAssignments': '当前状态（已结束）下不能更改任务分配',
  'sweeps.extendOnlyOpen': '已结束的专项行动不能延期',
  'sweeps.extendLater': '须晚于当前结束日期{endDate}',
  'sweeps.extendTooFar': '每次最多延期{days}天：请在{latest}前结束',
  'sweeps.activateOnlyDraft': '当前状态（{status}）下不能启动：只有草拟状态的专项整治行动才能启动',
  'sweeps.activateNeedsAssignment': '当前状态（草拟）下不能启动：启动前至少需要一项任务分配',
  'sweeps.status.DRAFT': '草拟',
  'sweeps.status.ACTIVE': '进行中',
  'sweeps.status.CLOSED': '已结束',
};
