import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

import type { AuditedEntityType } from './audit-vocabulary';

// The vocabulary lives in audit-vocabulary.ts; re-exported for the existing importers.
export { AUDITED_ENTITY_TYPES, type AuditedEntityType } from './audit-vocabulary';

/** 审计日志: append-only; the database refuses UPDATE, DELETE and TRUNCATE on this table. */
@Entity('audit_events')
@Index('audit_events_entity_idx', ['entityType', 'entityId', 'id'])
export class AuditEvent {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at: Date;

  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  /** One of AUDIT_ACTIONS (audit-vocabulary.ts): what GraphQL's AuditAction can serialize. */
  @Column({ type: 'varchar', length: 64 })
  action: string;

  @Column({ type: 'varchar', length: 32 })
  entityType: AuditedEntityType;

  @Column({ type: 'uuid' })
  entityId: string;

  @Column({ type: 'jsonb', nullable: true })
  before: object | null;

  @Column({ type: 'jsonb', nullable: true })
  after: object | null;

  @Column({ type: 'varchar', length: 128, nullable: true })
  requestId: string | null;
}
