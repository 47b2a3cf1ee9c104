import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditEvent, type AuditedEntityType } from './audit-event.entity';

/** One INSERT carries at most 65535 parameters (7 a row): big batches are written in slices. */
const AUDIT_INSERT_SLICE = 2000;

/** An audit event as written: JSON already made plain. */
export interface NewAuditEvent {
  actorId: string | null;
  action: string;
  entityType: AuditedEntityType;
  entityId: string;
  before: object | null;
  after: object | null;
  requestId: string | null;
}

/**
 * Every SQL statement on audit_events (审计日志), which the database keeps append-only. A trail
 * takes no scope: whether the reader may see the record is asked first of the repository of the
 * record's own area (AuditTrailService).
 */
@Injectable()
export class AuditRepository {
  async insert(manager: EntityManager, events: readonly NewAuditEvent[]): Promise<void> {
    for (let start = 0; start < events.length; start += AUDIT_INSERT_SLICE) {
      await manager.insert(AuditEvent, events.slice(start, start + AUDIT_INSERT_SLICE));
    }
  }

  /** The events of one record, oldest first. */
  trail(
    manager: EntityManager,
    entityType: AuditedEntityType,
    entityId: string,
  ): Promise<AuditEvent[]> {
    return manager.find(AuditEvent, { where: { entityType, entityId }, order: { id: 'ASC' } });
  }
}
