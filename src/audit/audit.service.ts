import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { AuditedEntityType } from './audit-event.entity';
import { AuditRepository } from './audit.repository';

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
  /** The repository defaults for callers outside Nest (the premises import CLI). */
  constructor(private readonly events: AuditRepository = new AuditRepository()) {}

  async record(manager: EntityManager, ...entries: AuditEntry[]): Promise<void> {
    await this.events.insert(
      manager,
      entries.map((entry) => ({
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

/** JSON text of a record, without secrets; none (SQL NULL) for no record. */
function toJson(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return JSON.stringify(value, (key, inner: unknown) =>
    key === 'passwordHash' ? undefined : inner,
  );
}
