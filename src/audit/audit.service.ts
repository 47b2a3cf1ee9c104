import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditEvent, AuditedEntityType } from './audit-event.entity';

const AUDIT_INSERT_SLICE = 2000;

export interface AuditEntry {
  actorId: string | null;
  action: string;
  entityType: AuditedEntityType;
  entityId: string;
  before?: unknown;
  after?: unknown;
  requestId?: string | null;
}

/**
 * Appends audit events (审计日志). Always called with the manager of the transaction that makes
 * the change, so the event and the change commit or roll back together.
 */
@Injectable()
export class AuditService {
  async record(manager: EntityManager, ...entries: AuditEntry[]): Promise<void> {
    // One INSERT carries at most 65535 parameters (7 a row): write big batches in slices.
    for (let start = 0; start < entries.length; start += AUDIT_INSERT_SLICE) {
      await manager.insert(
        AuditEvent,
        entries.slice(start, start + AUDIT_INSERT_SLICE).map((entry) => ({
          actorId: entry.actorId,
          action: entry.action,
          entityType: entry.entityType,
          entityId: entry.entityId,
          before: entry.before === undefined ? null : toJson(entry.before),
          after: entry.after === undefined ? null : toJson(entry.after),
          requestId: entry.requestId ?? null,
        })),
      );
    }
  }
}

/** Plain JSON of a record, without secrets. */
function toJson(value: unknown): object | null {
  return JSON.parse(
    JSON.stringify(value, (key, inner: unknown) => (key === 'passwordHash' ? undefined : inner)),
  ) as object | null;
}
