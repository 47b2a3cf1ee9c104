import type { selectionEn } from '../en/selection';

/** 双随机、一公开：抽取检查计划。 */
export const selectionZh: Record<keyof typeof selectionEn, string> = {
  'selection.categoryCode': '必须是整治对象类别代码（大写字母、数字或下划线）',
  'selection.categoryNotCovered': '不是该专项整治行动涵盖的整治对象类别',
  'selection.sweepNotDrawable':
    '当前状态（{from}）下不能抽取检查计划：只能为草拟或进行中的专项整治行动抽取',
  'selection.fewerThanTwoOfficers': '该执法单位在岗的检查人员不足两名，无法配对（两名执法人员）',
};
