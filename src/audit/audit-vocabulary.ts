import { registerEnumType } from '@nestjs/graphql';

/**
 * The audit log's vocabulary in ONE place: the kinds of records audited and the actions recorded.
 * The GraphQL enums AuditEntityType and AuditAction are made from these lists; callers still pass
 * `action` as a string, and audit-vocabulary.spec.ts fails when one the code records is missing
 * here (GraphQL could not serialize it in an audit trail).
 */
export const AUDITED_ENTITY_TYPES = [
  'Inspection',
  'Finding',
  'Premises',
  'Sweep',
  'Exposure',
  'Bureau',
  'Officer',
  'InspectionPlan',
  'EvidenceFile',
  'Case',
  'HolidayYear',
  'ConflictOfInterestDeclaration',
  'CompulsoryMeasure',
  'Clue',
  'Sample',
] as const;
export type AuditedEntityType = (typeof AUDITED_ENTITY_TYPES)[number];

/**
 * The actions, by their GraphQL name, with the string stored in `audit_events.action` (the same
 * but for the evidence upload, stored before actions were an enum).
 */
export const AUDIT_ACTIONS = {
  LINK_CLUE: 'LINK_CLUE',
  CLOSE_CLUE: 'CLOSE_CLUE',
  TRANSFER_CLUE: 'TRANSFER_CLUE',
  INFORM_CLUE_REPORTER: 'INFORM_CLUE_REPORTER',
  DECIDE_CLUE: 'DECIDE_CLUE',
  EXTEND_CLUE_VERIFICATION: 'EXTEND_CLUE_VERIFICATION',
  REFUSE_CLUE: 'REFUSE_CLUE',
  ACCEPT_CLUE: 'ACCEPT_CLUE',
  ACTIVATE: 'ACTIVATE',
  BOOTSTRAP: 'BOOTSTRAP',
  CASE_FILED: 'CASE_FILED',
  CHANGE_PASSWORD: 'CHANGE_PASSWORD',
  CLOSE: 'CLOSE',
  CLOSED: 'CLOSED',
  CLOSE_CASE: 'CLOSE_CASE',
  CREATE: 'CREATE',
  DEACTIVATE: 'DEACTIVATE',
  DECIDE_CASE: 'DECIDE_CASE',
  DECLARE_CONFLICT_OF_INTEREST: 'DECLARE_CONFLICT_OF_INTEREST',
  DECLINE_CASE: 'DECLINE_CASE',
  DISPOSE_MEASURE: 'DISPOSE_MEASURE',
  DRAW: 'DRAW',
  EVIDENCE_ATTACH: 'evidence.attach',
  EVIDENCE_UPLOAD: 'evidence.upload',
  EXTEND: 'EXTEND',
  EXTEND_CASE_CLOCK: 'EXTEND_CASE_CLOCK',
  EXTEND_FILING_DEADLINE: 'EXTEND_FILING_DEADLINE',
  EXTEND_MEASURE: 'EXTEND_MEASURE',
  IMPOSE_MEASURE: 'IMPOSE_MEASURE',
  LOAD_HOLIDAY_YEAR: 'LOAD_HOLIDAY_YEAR',
  OPEN_CASE: 'OPEN_CASE',
  PENALTY_DECIDED: 'PENALTY_DECIDED',
  PUBLISH_PLAN_RESULTS: 'PUBLISH_PLAN_RESULTS',
  REACTIVATE: 'REACTIVATE',
  RECOMPUTE_DEADLINES: 'RECOMPUTE_DEADLINES',
  RECORD: 'RECORD',
  RECORD_CASE_PUBLICATION: 'RECORD_CASE_PUBLICATION',
  RECORD_CASE_STEP: 'RECORD_CASE_STEP',
  RECORD_PLAN_RESULT: 'RECORD_PLAN_RESULT',
  RECORD_SAMPLE_REPORT: 'RECORD_SAMPLE_REPORT',
  RECORD_TRANSFER_OUTCOME: 'RECORD_TRANSFER_OUTCOME',
  RECTIFICATION_ORDERED: 'RECTIFICATION_ORDERED',
  RELEASE_MEASURE: 'RELEASE_MEASURE',
  REINSPECTION_FAILED: 'REINSPECTION_FAILED',
  REINSPECTION_PASSED: 'REINSPECTION_PASSED',
  RESET_PASSWORD: 'RESET_PASSWORD',
  REST_ON_SAMPLE: 'REST_ON_SAMPLE',
  RESUME_CASE: 'RESUME_CASE',
  RESUME_FILING_CLOCK: 'RESUME_FILING_CLOCK',
  RESUME_MEASURE: 'RESUME_MEASURE',
  SEED: 'SEED',
  SET_ASSIGNMENTS: 'SET_ASSIGNMENTS',
  SUPERSEDE_PLAN: 'SUPERSEDE_PLAN',
  SUSPEND_CASE: 'SUSPEND_CASE',
  SUSPEND_FILING_CLOCK: 'SUSPEND_FILING_CLOCK',
  SUSPEND_MEASURE: 'SUSPEND_MEASURE',
  TRANSFERRED_TO_POLICE: 'TRANSFERRED_TO_POLICE',
  TRANSFER_CASE: 'TRANSFER_CASE',
  UPDATE: 'UPDATE',
  VOID: 'VOID',
  WITHDRAW_CONFLICT_OF_INTEREST: 'WITHDRAW_CONFLICT_OF_INTEREST',
} as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[keyof typeof AUDIT_ACTIONS];

const ACTION_DESCRIPTIONS: Record<keyof typeof AUDIT_ACTIONS, string> = {
  LINK_CLUE: 'A clue was linked to an inspection or finding it led to.',
  CLOSE_CLUE: 'A clue was closed (办结).',
  TRANSFER_CLUE: 'A clue was transferred to another bureau or authority (转办、移送).',
  INFORM_CLUE_REPORTER: 'A named reporter was told of the decision (告知举报人).',
  DECIDE_CLUE: 'The filing decision on a report clue was recorded (立案 or 不予立案).',
  EXTEND_CLUE_VERIFICATION: "A report clue's verification clock was extended by the head.",
  REFUSE_CLUE: 'A complaint clue was refused (不予受理).',
  ACCEPT_CLUE: 'A complaint clue was accepted (受理).',
  ACTIVATE: 'A sweep was activated.',
  BOOTSTRAP: 'The first administrator and the city bureau were written at first start.',
  CASE_FILED: 'A case was filed (立案) on a finding.',
  CHANGE_PASSWORD: 'An officer changed their own password.',
  CLOSE: 'A sweep was closed.',
  CLOSED: 'A finding was closed (结案).',
  CLOSE_CASE: 'The case was closed (结案).',
  CREATE: 'The record was created.',
  DEACTIVATE: 'An officer was deactivated.',
  DECIDE_CASE: 'The case was decided (处罚决定, 不予行政处罚 or 撤销立案).',
  DECLARE_CONFLICT_OF_INTEREST: 'A conflict of interest was declared (回避声明).',
  DECLINE_CASE: 'Not to file a case was decided (不予立案).',
  DISPOSE_MEASURE: 'The goods of a compulsory measure were dealt with (处理).',
  DRAW: 'A random dual selection plan (双随机) was drawn.',
  EVIDENCE_ATTACH: 'Evidence already stored was attached to another finding by its own upload.',
  EVIDENCE_UPLOAD: 'An evidence file was uploaded.',
  EXTEND: "A sweep's end date was extended.",
  EXTEND_CASE_CLOCK: "The case's decision clock was extended.",
  EXTEND_FILING_DEADLINE: 'The filing-decision clock was extended by the head.',
  EXTEND_MEASURE: 'A compulsory measure was extended (延长查封扣押).',
  IMPOSE_MEASURE: 'A compulsory measure was taken (查封、扣押).',
  LOAD_HOLIDAY_YEAR: 'A year of the official holiday table was loaded.',
  OPEN_CASE: 'A case was opened (立案) on findings of one premises.',
  PENALTY_DECIDED: 'A penalty was decided (处罚决定).',
  PUBLISH_PLAN_RESULTS: "A plan's results were published (抽查结果公示).",
  REACTIVATE: 'An officer was reactivated.',
  RECOMPUTE_DEADLINES: 'Due days were recomputed after a holiday year was loaded.',
  RECORD: 'An exposure was recorded.',
  RECORD_CASE_PUBLICATION: 'The decision was published (公示).',
  RECORD_CASE_STEP:
    'A step after the decision was recorded (告知, hearing, 送达, payment, enforcement).',
  RECORD_PLAN_RESULT: 'The result of a plan visit was recorded (抽查结果).',
  RECORD_SAMPLE_REPORT:
    "A lab's report (检验报告) on a sample was recorded; the clocks it paused resumed.",
  RECORD_TRANSFER_OUTCOME: 'The receiving authority accepted or returned a transfer.',
  RECTIFICATION_ORDERED: 'Rectification was ordered (责令整改).',
  RELEASE_MEASURE: 'A compulsory measure was released (解除).',
  REINSPECTION_FAILED: 'A re-inspection found the problem not rectified.',
  REINSPECTION_PASSED: 'A re-inspection found the problem rectified.',
  RESET_PASSWORD: "An administrator reset an officer's password.",
  REST_ON_SAMPLE:
    'A finding was rested on a test (以检验结论为依据); a lab test suspends its clocks.',
  RESUME_CASE: "The case's clocks resumed.",
  RESUME_FILING_CLOCK: 'The filing-decision clock resumed.',
  RESUME_MEASURE: "A compulsory measure's clock resumed after testing.",
  SEED: 'Written by the demo seed.',
  SET_ASSIGNMENTS: "A sweep's bureau assignments were set.",
  SUPERSEDE_PLAN: 'A binding plan was superseded by a redraw with a reason (重新抽取).',
  SUSPEND_CASE: "The case's clocks were suspended (中止 or an excluded period).",
  SUSPEND_FILING_CLOCK: 'The filing-decision clock was suspended (testing, expert opinion…).',
  SUSPEND_MEASURE: "A compulsory measure's clock stopped for testing.",
  TRANSFERRED_TO_POLICE: 'Transferred to the police (移送公安).',
  TRANSFER_CASE: 'The case was transferred (移送) to the police or another authority.',
  UPDATE: 'The record was updated (a premises by the registry import).',
  VOID: 'A record was voided (作废): an inspection with its findings, or a sample.',
  WITHDRAW_CONFLICT_OF_INTEREST: 'A conflict-of-interest declaration was withdrawn.',
};

export const AuditActionEnum = AUDIT_ACTIONS;
registerEnumType(AuditActionEnum, {
  name: 'AuditAction',
  description: 'What an audit event records.',
  valuesMap: Object.fromEntries(
    Object.entries(ACTION_DESCRIPTIONS).map(([name, description]) => [name, { description }]),
  ),
});

export const AuditEntityTypeEnum = Object.fromEntries(
  AUDITED_ENTITY_TYPES.map((type) => [type, type]),
) as { [T in AuditedEntityType]: T };
const ENTITY_TYPE_DESCRIPTIONS: Record<AuditedEntityType, string> = {
  Inspection: 'An inspection (检查记录).',
  Finding: 'A finding (发现问题).',
  Premises: 'A premises (市场主体).',
  Sweep: 'A sweep (专项整治行动).',
  Exposure: 'An exposure (曝光事件).',
  Bureau: 'A bureau (执法单位).',
  Officer: 'An officer (执法人员).',
  InspectionPlan: 'A random dual selection plan (双随机抽查计划).',
  EvidenceFile: 'An evidence file (证据文件).',
  Case: 'A case file (案件).',
  HolidayYear: 'A year of the official holiday table (节假日安排).',
  ConflictOfInterestDeclaration: 'A conflict-of-interest declaration (回避声明).',
  CompulsoryMeasure: 'A compulsory measure (查封扣押).',
  Clue: 'A complaint or report clue (投诉举报线索); personal data redacted.',
  Sample: 'A sample and its test (抽样检验 / 快检).',
};

registerEnumType(AuditEntityTypeEnum, {
  name: 'AuditEntityType',
  description:
    'The kinds of records the audit log covers; `auditTrail(entityType:)` takes these names as a string.',
  valuesMap: Object.fromEntries(
    AUDITED_ENTITY_TYPES.map((type) => [type, { description: ENTITY_TYPE_DESCRIPTIONS[type] }]),
  ),
});
