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
import { Finding } from '../inspections/finding.entity';

export const FOLLOW_UP_ACTIONS = [
  'RECTIFICATION_ORDERED',
  'REINSPECTION_PASSED',
  'REINSPECTION_FAILED',
  'CASE_FILED',
  'PENALTY_DECIDED',
  'TRANSFERRED_TO_POLICE',
  'CLOSED',
] as const;
export type FollowUpAction = (typeof FOLLOW_UP_ACTIONS)[number];

/** 后续处置: one action taken on a finding; the finding's status follows the sequence. */
@Entity('follow_ups')
@Check(
  'follow_ups_action_check',
  `action IN ('RECTIFICATION_ORDERED','REINSPECTION_PASSED','REINSPECTION_FAILED','CASE_FILED','PENALTY_DECIDED','TRANSFERRED_TO_POLICE','CLOSED')`,
)
@Check('follow_ups_money_check', `coalesce(fine, 0) >= 0 AND coalesce(confiscation, 0) >= 0`)
@Index('follow_ups_finding_id_idx', ['findingId', 'at'])
export class FollowUp {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  findingId: string;

  @ManyToOne(() => Finding, { onDelete: 'RESTRICT' })
  finding?: Relation<Finding>;

  @Column({ type: 'varchar', length: 32 })
  action: FollowUpAction;

  @Column({ type: 'varchar', length: 16 })
  fromStatus: string;

  @Column({ type: 'varchar', length: 16 })
  toStatus: string;

  /** When the action took effect: the re-inspection time, or the document's day at 00:00 Asia/Shanghai. */
  @Column({ type: 'timestamptz' })
  at: Date;

  @CreateDateColumn({ type: 'timestamptz' })
  recordedAt: Date;

  @Column({ type: 'uuid' })
  officerId: string;

  @Column({ type: 'uuid', array: true, default: () => `'{}'` })
  officerIds: string[];

  @Column({ type: 'date', nullable: true })
  dueDate: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  documentNumber: string | null;

  @Column({ type: 'numeric', precision: 14, scale: 2, nullable: true })
  fine: string | null;

  @Column({ type: 'numeric', precision: 14, scale: 2, nullable: true })
  confiscation: string | null;

  @Column({ type: 'text', nullable: true })
  note: string | null;
}
