/** The audit log (审计日志). */
export const auditEn = {
  'audit.unknownEntityType': 'must be one of {types}',
  // An audited record kind without a name in common.ts (NotFound looks names up as entity.<Type>).
  'entity.EvidenceFile': 'Evidence file',
} as const;
