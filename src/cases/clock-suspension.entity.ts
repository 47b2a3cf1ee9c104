import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  ManyToOne,
  PrimaryGeneratedColumn,
  Relation,
} from 'typeorm';
import { Sample } from '../samples/sample.entity';

export const SUSPENSION_REASONS = [
  'TESTING',
  'QUARANTINE',
  'EXPERT_OPINION',
  'RIGHT_HOLDER_IDENTIFICATION',
  'HEARING',
  'ANNOUNCEMENT',
  'SUSPENDED_INVESTIGATION',
  'PRICE_REFUND',
  'OTHER',
] as const;
export type SuspensionReason = (typeof SUSPENSION_REASONS)[number];

/**
 * An excluded period of a clock (程序规定 第十八条第二款, 第六十四条第二款): a case's penalty decision
 * clock (`caseId`), or a finding's filing clock before any case exists (`findingId`). `to` is the
 * resumption day (the clock runs again the day after it); null while suspended.
 */
@Entity('clock_suspensions')
@Check('clock_suspensions_owner_check', `(case_id IS NULL) <> (finding_id IS NULL)`)
@Check('clock_suspensions_period_check', `"to" IS NULL OR "to" >= "from"`)
@Index('clock_suspensions_case_id_idx', ['caseId'])
@Index('clock_suspensions_finding_id_idx', ['findingId'])
@Index('clock_suspensions_sample_id_idx', ['sampleId'])
export class ClockSuspension {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', nullable: true })
  caseId: string | null;

  @Column({ type: 'uuid', nullable: true })
  findingId: string | null;

  @Column({ type: 'varchar', length: 32 })
  reason: SuspensionReason;

  @Column({ type: 'date' })
  from: string;

  @Column({ type: 'date', nullable: true })
  to: string | null;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  /** The lab test (抽样检验) a TESTING suspension was taken for automatically (src/samples). */
  @Column({ type: 'uuid', nullable: true })
  sampleId: string | null;

  @ManyToOne(() => Sample, { onDelete: 'RESTRICT' })
  sample?: Relation<Sample> | null;

  @Column({ type: 'uuid' })
  officerId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  recordedAt: Date;
}
