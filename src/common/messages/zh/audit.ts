import type { auditEn } from '../en/audit';

/** 审计日志。 */
export const auditZh: Record<keyof typeof auditEn, string> = {
  'audit.unknownEntityType': '必须是以下记录类型之一：{types}',
  'entity.EvidenceFile': '证据文件',
};
