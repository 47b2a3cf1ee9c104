import type { officersEn } from '../en/officers';

/** 执法人员：账号与两名执法人员规则。 */
export const officersZh: Record<keyof typeof officersEn, string> = {
  'officers.twoNeeded': '至少需要两名不同的执法人员',
  'officers.notEligible':
    '以下人员不能作为本次检查的执法人员（须为该场所所属局或其上级局在岗的执法人员或负责人）：{ids}',
  'officers.callerMissing': '录入人必须是在场执法人员之一',
  'officers.passwordTooShort': '长度不能少于12个字符',
  'officers.passwordIsCertificate': '不能包含执法证号',
  'officers.passwordTooCommon': '属于常见密码，请另选',
  'officers.currentPasswordWrong': '当前密码不正确',
  'officers.lastAdmin': '不能停用最后一名在用的系统管理员，也不能取消其系统管理员角色',
};
