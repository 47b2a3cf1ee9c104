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
  CLOSE: 'CLOSE',
  CLOSED: 'CLOSED',
  CREATE: 'CREATE',
  DEACTIVATE: 'DEACTIVATE',
  DRAW: 'DRAW',
  EVIDENCE_UPLOAD: 'evidence.upload',
  PENALTY_DECIDED: 'PENALTY_DECIDED',
  RECORD: 'RECORD',
  RECTIFICATION_ORDERED: 'RECTIFICATION_ORDERED',
  REINSPECTION_FAILED: 'REINSPECTION_FAILED',
  REINSPECTION_PASSED: 'REINSPECTION_PASSED',
  SEED: 'SEED',
  SET_ASSIGNMENTS: 'SET_ASSIGNMENTS',
  TRANSFERRED_TO_POLICE: 'TRANSFERRED_TO_POLICE',
  UPDATE: 'UPDATE',
  VOID: 'VOID',
} as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[keyof typeof AUDIT_ACTIONS];

const ACTION_DESCRIPTIONS: Record<keyof typeof AUDIT_ACTIONS, string> = {
  ACTIVATE: 'A sweep was activated.',
  BOOTSTRAP: 'The first administrator and the city bureau were written at first start.',
  CASE_FILED: 'A case was filed (立案) on a finding.',
  CLOSE: 'A sweep was closed.',
  CLOSED: 'A finding was closed (结案).',
  CREATE: 'The record was created.',
  DEACTIVATE: 'An officer was deactivated.',
  DRAW: 'A random dual selection plan (双随机) was drawn.',
  EVIDENCE_UPLOAD: 'An evidence file was uploaded.',
  PENALTY_DECIDED: 'A penalty was decided (处罚决定).',
  RECORD: 'An exposure was recorded.',
  RECTIFICATION_ORDERED: 'Rectification was ordered (责令整改).',
  REINSPECTION_FAILED: 'A re-inspection found the problem not rectified.',
  REINSPECTION_PASSED: 'A re-inspection found the problem rectified.',
  SEED: 'Written by the demo seed.',
  SET_ASSIGNMENTS: "A sweep's bureau assignments were set.",
  TRANSFERRED_TO_POLICE: 'Transferred to the police (移送公安).',
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
};

registerEnumType(AuditEntityTypeEnum, {
  name: 'AuditEntityType',
  description:
    'The kinds of records the audit log covers; `auditTrail(entityType:)` takes these names as a string.',
  valuesMap: Object.fromEntries(
    AUDITED_ENTITY_TYPES.map((type) => [type, { description: ENTITY_TYPE_DESCRIPTIONS[type] }]),
  ),
});
