import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Relation,
  UpdateDateColumn,
} from 'typeorm';
import { Bureau } from '../bureaus/bureau.entity';
import { CaseFile } from '../cases/case.entity';
import { Finding } from '../inspections/finding.entity';
import { Officer } from '../officers/officer.entity';
import { Premises } from '../premises/premises.entity';
import { TargetCategory } from '../reference/target-category.entity';
import { Sweep } from '../sweeps/sweep.entity';

/** 行政强制法 第九条: 查封场所、设施或者财物 (SEAL); 扣押财物 (SEIZE). */
export const MEASURE_KINDS = ['SEAL', 'SEIZE'] as const;
export type MeasureKind = (typeof MEASURE_KINDS)[number];

/** IN_FORCE → EXTENDED (still in force) → RELEASED (解除) or DISPOSED (处理). */
export const MEASURE_STATUSES = ['IN_FORCE', 'EXTENDED', 'RELEASED', 'DISPOSED'] as const;
export type MeasureStatus = (typeof MEASURE_STATUSES)[number];

/** 行政强制法 第二十八条: the cases in which a measure is released (解除). */
export const RELEASE_REASONS = [
  'NO_VIOLATION',
  'UNRELATED_TO_VIOLATION',
  'NO_LONGER_NEEDED_AFTER_DECISION',
  'TERM_EXPIRED',
  'OTHER',
] as const;
export type ReleaseReason = (typeof RELEASE_REASONS)[number];

/** 行政强制法 第二十七条: 没收 by a decision, 销毁 as the law provides, or 移送 to another authority. */
export const DISPOSALS = ['CONFISCATED', 'DESTROYED', 'TRANSFERRED'] as const;
export type Disposal = (typeof DISPOSALS)[number];

/**
 * 查封、扣押: a compulsory measure (行政强制措施) taken on a finding, with its decision document
 * (决定书, 行政强制法 第二十四条), the head's approval (第十八条; in an emergency approved afterwards
 * within 24 hours, 第十九条), the two officers who carried it out, its 30-day clock (第二十五条) and
 * how it ended. Copies of the finding's sweep, bureau (the premises'), premises and category place
 * it in scope and in the figures without a join. `itemsValue` is Σ of its list's values (清单),
 * written once with the list. `dueOn` is the clock's due day, stored on every move for the queue.
 */
@Entity('compulsory_measures')
@Check('compulsory_measures_kind_check', `kind IN ('SEAL','SEIZE')`)
@Check(
  'compulsory_measures_status_check',
  `status IN ('IN_FORCE','EXTENDED','RELEASED','DISPOSED')`,
)
@Check('compulsory_measures_officers_check', `cardinality(officer_ids) >= 2`)
@Check('compulsory_measures_extension_check', `extended_by >= 0 AND extended_by <= 30`)
@Check('compulsory_measures_value_check', `items_value >= 0`)
@Check(
  'compulsory_measures_ended_check',
  `(status = 'RELEASED') = (released_on IS NOT NULL AND release_reason IS NOT NULL) AND (status = 'DISPOSED') = (disposed_on IS NOT NULL AND disposal IS NOT NULL)`,
)
@Check(
  'compulsory_measures_approval_check',
  `approved_on <= decided_on + (CASE WHEN emergency THEN 1 ELSE 0 END)`,
)
@Index('compulsory_measures_decision_number_key', ['decisionNumber'], { unique: true })
@Index('compulsory_measures_finding_idx', ['findingId'])
@Index('compulsory_measures_bureau_due_idx', ['bureauId', 'dueOn', 'id'])
export class CompulsoryMeasure {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  findingId: string;

  @ManyToOne(() => Finding, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'finding_id', foreignKeyConstraintName: 'compulsory_measures_finding_fk' })
  finding?: Relation<Finding>;

  @Column({ type: 'uuid' })
  sweepId: string;

  @ManyToOne(() => Sweep, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'sweep_id', foreignKeyConstraintName: 'compulsory_measures_sweep_fk' })
  sweep?: Relation<Sweep>;

  @Column({ type: 'uuid' })
  bureauId: string;

  @ManyToOne(() => Bureau, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'bureau_id', foreignKeyConstraintName: 'compulsory_measures_bureau_fk' })
  bureau?: Relation<Bureau>;

  @Column({ type: 'uuid' })
  premisesId: string;

  @ManyToOne(() => Premises, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'premises_id', foreignKeyConstraintName: 'compulsory_measures_premises_fk' })
  premises?: Relation<Premises>;

  @Column({ type: 'uuid' })
  categoryId: string;

  @ManyToOne(() => TargetCategory, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'category_id', foreignKeyConstraintName: 'compulsory_measures_category_fk' })
  category?: Relation<TargetCategory>;

  @Column({ type: 'varchar', length: 8 })
  kind: MeasureKind;

  @Column({ type: 'varchar', length: 64 })
  decisionNumber: string;

  @Column({ type: 'date' })
  decidedOn: string;

  @Column({ type: 'boolean', default: false })
  emergency: boolean;

  @Column({ type: 'uuid' })
  approvedById: string;

  @ManyToOne(() => Officer, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'approved_by_id',
    foreignKeyConstraintName: 'compulsory_measures_approved_by_fk',
  })
  approvedBy?: Relation<Officer>;

  @Column({ type: 'date' })
  approvedOn: string;

  @Column({ type: 'uuid', array: true })
  officerIds: string[];

  @Column({ type: 'varchar', length: 16, default: 'IN_FORCE' })
  status: MeasureStatus;

  @Column({ type: 'int', default: 1 })
  version: number;

  @Column({ type: 'numeric', precision: 14, scale: 2 })
  itemsValue: string;

  @Column({ type: 'date' })
  dueOn: string;

  /** The first day of a suspension still running (the clock stopped), else null. */
  @Column({ type: 'date', nullable: true })
  suspendedFrom: string | null;

  @Column({ type: 'int', default: 0 })
  extendedBy: number;

  @Column({ type: 'date', nullable: true })
  extendedOn: string | null;

  @Column({ type: 'text', nullable: true })
  extensionReason: string | null;

  @Column({ type: 'uuid', nullable: true })
  extensionApprovedById: string | null;

  @ManyToOne(() => Officer, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'extension_approved_by_id',
    foreignKeyConstraintName: 'compulsory_measures_extension_approved_by_fk',
  })
  extensionApprovedBy?: Relation<Officer> | null;

  @Column({ type: 'date', nullable: true })
  releasedOn: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  releaseReason: ReleaseReason | null;

  @Column({ type: 'date', nullable: true })
  disposedOn: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  disposal: Disposal | null;

  /** The case whose decision the disposal follows (没收), when there is one. */
  @Column({ type: 'uuid', nullable: true })
  disposalCaseId: string | null;

  @ManyToOne(() => CaseFile, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'disposal_case_id',
    foreignKeyConstraintName: 'compulsory_measures_disposal_case_fk',
  })
  disposalCase?: Relation<CaseFile> | null;

  @Column({ type: 'text', nullable: true })
  endNote: string | null;

  @Column({ type: 'uuid' })
  createdById: string;

  @ManyToOne(() => Officer, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'created_by_id',
    foreignKeyConstraintName: 'compulsory_measures_created_by_fk',
  })
  createdBy?: Relation<Officer>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
