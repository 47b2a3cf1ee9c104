import type { inspectionsEn } from '../en/inspections';

/** 检查记录：录入与作废，以及对录入内容的检查。 */
export const inspectionsZh: Record<keyof typeof inspectionsEn, string> = {
  'inspections.sweepNotActive': '专项整治行动当前状态为“{status}”，只有进行中时才能录入检查',
  'inspections.alreadyVoided': '该检查记录已作废，不能重复作废',
  'inspections.twoOfficersNeeded': '至少需要两名执法人员',
  'inspections.categoryNotOfSweep': '不属于该专项行动的整治类别',
  'inspections.categoryIdOrCode': '整治对象类别的编号与代码须填写且只能填写其中一项',
  'inspections.unknownCategoryCode': '整治对象类别代码不存在',
  'inspections.kindNotCovered': '该市场主体的类型为 {kind}，不在整治对象类别 {category} 的范围内',
  'inspections.outsideSweepDates': '必须在专项行动期间 {startDate} 至 {endDate}（北京时间）之内',
  'inspections.notAChecklistItem': '不是整治对象类别 {category} 检查表中的项目',
  'inspections.answeredTwice': '同一检查项不能重复填写',
  'inspections.voidReasonEmpty': '作废原因不能为空',
};
