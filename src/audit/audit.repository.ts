import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditEvent, type AuditedEntityType } from './audit-event.entity';

/** Events per INSERT: big batches (a holiday year recomputing due days) go in slices. */
const AUDIT_INSERT_SLICE = 2000;

/** An audit event as written: `before` and `after` already JSON text, without secrets. */
export interface NewAuditEvent {
  actorId: string | null;
  action: string;
  entityType: AuditedEntityType;
  entityId: string;
  before: string | null;
  after: string | null;
  requestId: string | null;
}

/**
 * Every SQL statement on audit_events (审计日志), which the database keeps append-only. A trail
 * takes no scope: whether the reader may see the record is asked first of the repository of the
 * record's own area (AuditTrailService).
 */
@Injectable()
export class AuditRepository {
  /**
   * Appends the events in the order given (their ids increase in that order, which a trail is
   * read by): one statement of seven arrays, whatever the number of events (issue 15).
   */
  async insert(manager: EntityManager, events: readonly NewAuditEvent[]): Promise<void> {
    for (let start = 0; start < events.length; start += AUDIT_INSERT_SLICE) {
      const slice = events.slice(start, start + AUDIT_INSERT_SLICE);
      await manager.query(
        `INSERT INTO audit_events (actor_id, action, entity_type, entity_id, before, after, request_id)
         SELECT * FROM unnest($1::uuid[], $2::varchar[], $3::varchar[], $4::uuid[], $5::jsonb[], $6::jsonb[], $7::varchar[])`,
        [
          slice.map((event) => event.actorId),
          slice.map((event) => event.action),
          slice.map((event) => event.entityType),
          slice.map((event) => event.entityId),
          slice.map((event) => event.before),
          slice.map((event) => event.after),
          slice.map((event) => event.requestId),
        ],
      );
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
