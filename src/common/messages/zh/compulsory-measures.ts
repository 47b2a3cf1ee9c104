import type { compulsoryMeasuresEn } from '../en/compulsory-measures';

/** 查封、扣押（行政强制措施）及其期限。 */
export const compulsoryMeasuresZh: Record<keyof typeof compulsoryMeasuresEn, string> = {
  'entity.CompulsoryMeasure': '查封扣押措施',
  'measures.state.IN_FORCE': '实施中',
  'measures.state.EXTENDED': '已延长',
  'measures.state.RELEASED': '已解除',
  'measures.state.DISPOSED': '已处理',
  'measures.state.SUSPENDED': '检测期间已中止计算',
  'measures.action.EXTEND': '延长期限',
  'measures.action.RELEASE': '解除',
  'measures.action.DISPOSE': '作出处理',
  'measures.action.SUSPEND': '中止期限计算',
  'measures.action.RESUME': '恢复期限计算',
  'measures.invalidMove': '查封扣押当前状态（{from}）下不能{action}：{reason}',
  'measures.reason.allowed': '当前仅可办理：{allowed}',
  'measures.reason.ended': '该措施已终结',
  'measures.reason.pastDue':
    '延长须在期限内决定，本措施期限已于{dueOn}届满（《行政强制法》第二十五条）',
  'measures.staleVersion': '该查封扣押记录已被他人修改，请刷新后重试',
  'measures.decisionNumberTaken': '决定书文号{decisionNumber}已被使用',
  'measures.recorderNotOfBureau': '只有该市场主体所属单位的执法人员可以登记其查封扣押',
  'measures.headOnly': '该事项只能由本单位负责人或市局管理人员登记',
  'measures.approverNotHead': '批准人须为本单位在岗的负责人（市局本级的措施为市局管理人员）',
  'measures.twoOfficers': '查封扣押须由两名以上在岗执法人员实施（《行政强制法》第十八条）',
  'measures.approvalLate':
    '查封扣押须事先报经负责人批准，批准日期不得晚于{day}（《行政强制法》第十八条）',
  'measures.emergencyApprovalLate':
    '情况紧急当场实施的，须在二十四小时内补办批准手续，即不晚于{day}（《行政强制法》第十九条）',
  'measures.confiscationNeedsDecision':
    '没收须依据该问题所属案件作出的没收非法财物处罚决定（《行政强制法》第二十七条）',
  'measures.termNotExpired':
    '查封、扣押期限至{dueOn}届满，此前解除不能以期限届满为由（《行政强制法》第二十八条第一款第四项）',
};
