import type { followUpsEn } from '../en/follow-ups';

/** 后续处置：处置流程及其文书。 */
export const followUpsZh: Record<keyof typeof followUpsEn, string> = {
  'followUps.invalidMove': '当前状态（{from}）下不能{action}',
  'followUps.invalidMoveFinal': '当前状态（{from}）下不能{action}：该问题已处置完毕',
  'followUps.staleVersion': '该记录已被他人修改，请刷新后重试',
  'followUps.notAfterToday': '不能晚于今天（{today}）',
  'followUps.beforeRectificationOrder': '不能早于责令整改之日（{day}）',
  'followUps.newDeadlineRequired': '复查未通过时必须给出新的整改期限（如需立案请使用立案操作）',
  'followUps.newDeadlineForbidden': '复查通过时不应填写新的整改期限',
  'followUps.atLeastTwoOfficers': '至少需要两名执法人员',
  'followUps.officerTwice': '不能重复列出同一执法人员',
  'followUps.uuids': '必须都是有效的 UUID',
};
