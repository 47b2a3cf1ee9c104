import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A field mutation already applied: kept with its input fingerprint and result so a phone's retry
 * gets the same answer (replayed) instead of a second record. Kept at least 30 days.
 */
@Entity('idempotency_records')
export class IdempotencyRecord {
  @PrimaryColumn({ type: 'uuid' })
  officerId: string;

  @PrimaryColumn({ type: 'uuid' })
  key: string;

  @Column({ type: 'varchar', length: 64 })
  operation: string;

  @Column({ type: 'char', length: 64 })
  fingerprint: string;

  @Column({ type: 'jsonb' })
  result: unknown;

  @Index('idempotency_records_created_at_idx')
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
