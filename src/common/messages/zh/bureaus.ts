import type { bureausEn } from '../en/bureaus';

/** 执法单位：市局、分局和县局组成的单位树。 */
export const bureausZh: Record<keyof typeof bureausEn, string> = {
  'bureaus.municipalHasNoParent': '市局是单位树的根节点，不能有上级单位',
  'bureaus.parentNeeded': '分局或县局必须指定上级单位',
  'bureaus.municipalExists': '市局已存在，不能再创建',
  'bureaus.divisionCode': '必须是6位数字',
};
