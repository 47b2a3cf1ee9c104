import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

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
] as const;
export type AuditedEntityType = (typeof AUDITED_ENTITY_TYPES)[number];

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
