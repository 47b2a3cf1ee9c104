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
  'Sample',
] as const;
export type AuditedEntityType = (typeof AUDITED_ENTITY_TYPES)[number];

/**
 * The actions, by their GraphQL name, with the string stored in `audit_events.action` (the same
 * but for the evidence upload, stored before actions were an enum).
 */
export const AUDIT_ACTIONS = {
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
  DECLINE_CASE: 'DECLINE_CASE',
  DRAW: 'DRAW',
  EVIDENCE_ATTACH: 'evidence.attach',
  EVIDENCE_UPLOAD: 'evidence.upload',
  EXTEND: 'EXTEND',
  EXTEND_CASE_CLOCK: 'EXTEND_CASE_CLOCK',
  EXTEND_FILING_DEADLINE: 'EXTEND_FILING_DEADLINE',
  LOAD_HOLIDAY_YEAR: 'LOAD_HOLIDAY_YEAR',
  OPEN_CASE: 'OPEN_CASE',
  PENALTY_DECIDED: 'PENALTY_DECIDED',
  REACTIVATE: 'REACTIVATE',
  RECOMPUTE_DEADLINES: 'RECOMPUTE_DEADLINES',
  RECORD: 'RECORD',
  RECORD_CASE_PUBLICATION: 'RECORD_CASE_PUBLICATION',
  RECORD_CASE_STEP: 'RECORD_CASE_STEP',
  RECORD_SAMPLE_REPORT: 'RECORD_SAMPLE_REPORT',
  RECORD_TRANSFER_OUTCOME: 'RECORD_TRANSFER_OUTCOME',
  RECTIFICATION_ORDERED: 'RECTIFICATION_ORDERED',
  REINSPECTION_FAILED: 'REINSPECTION_FAILED',
  REINSPECTION_PASSED: 'REINSPECTION_PASSED',
  RESET_PASSWORD: 'RESET_PASSWORD',
  REST_ON_SAMPLE: 'REST_ON_SAMPLE',
  RESUME_CASE: 'RESUME_CASE',
  RESUME_FILING_CLOCK: 'RESUME_FILING_CLOCK',
  SEED: 'SEED',
  SET_ASSIGNMENTS: 'SET_ASSIGNMENTS',
  SUSPEND_CASE: 'SUSPEND_CASE',
  SUSPEND_FILING_CLOCK: 'SUSPEND_FILING_CLOCK',
  TRANSFERRED_TO_POLICE: 'TRANSFERRED_TO_POLICE',
  TRANSFER_CASE: 'TRANSFER_CASE',
  UPDATE: 'UPDATE',
  VOID: 'VOID',
} as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[keyof typeof AUDIT_ACTIONS];

const ACTION_DESCRIPTIONS: Record<keyof typeof AUDIT_ACTIONS, string> = {
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
  DECLINE_CASE: 'Not to file a case was decided (不予立案).',
  DRAW: 'A random dual selection plan (双随机) was drawn.',
  EVIDENCE_ATTACH: 'Evidence already stored was attached to another finding by its own upload.',
  EVIDENCE_UPLOAD: 'An evidence file was uploaded.',
  EXTEND: "A sweep's end date was extended.",
  EXTEND_CASE_CLOCK: "The case's decision clock was extended.",
  EXTEND_FILING_DEADLINE: 'The filing-decision clock was extended by the head.',
  LOAD_HOLIDAY_YEAR: 'A year of the official holiday table was loaded.',
  OPEN_CASE: 'A case was opened (立案) on findings of one premises.',
  PENALTY_DECIDED: 'A penalty was decided (处罚决定).',
  REACTIVATE: 'An officer was reactivated.',
  RECOMPUTE_DEADLINES: 'Due days were recomputed after a holiday year was loaded.',
  RECORD: 'An exposure was recorded.',
  RECORD_CASE_PUBLICATION: 'The decision was published (公示).',
  RECORD_CASE_STEP:
    'A step after the decision was recorded (告知, hearing, 送达, payment, enforcement).',
  RECORD_SAMPLE_REPORT:
    "A lab's report (检验报告) on a sample was recorded; the clocks it paused resumed.",
  RECORD_TRANSFER_OUTCOME: 'The receiving authority accepted or returned a transfer.',
  RECTIFICATION_ORDERED: 'Rectification was ordered (责令整改).',
  REINSPECTION_FAILED: 'A re-inspection found the problem not rectified.',
  REINSPECTION_PASSED: 'A re-inspection found the problem rectified.',
  RESET_PASSWORD: "An administrator reset an officer's password.",
  REST_ON_SAMPLE:
    'A finding was rested on a test (以检验结论为依据); a lab test suspends its clocks.',
  RESUME_CASE: "The case's clocks resumed.",
  RESUME_FILING_CLOCK: 'The filing-decision clock resumed.',
  SEED: 'Written by the demo seed.',
  SET_ASSIGNMENTS: "A sweep's bureau assignments were set.",
  SUSPEND_CASE: "The case's clocks were suspended (中止 or an excluded period).",
  SUSPEND_FILING_CLOCK: 'The filing-decision clock was suspended (testing, expert opinion…).',
  TRANSFERRED_TO_POLICE: 'Transferred to the police (移送公安).',
  TRANSFER_CASE: 'The case was transferred (移送) to the police or another authority.',
  UPDATE: 'The record was updated (a premises by the registry import).',
  VOID: 'An inspection was voided (作废).',
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
