import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  Relation,
} from 'typeorm';
import { Inspection } from '../inspections/inspection.entity';
import { Officer } from '../officers/officer.entity';
import { Premises } from '../premises/premises.entity';
import { InspectionPlan, InspectionPlanVisit } from './inspection-plan.entity';

/** Why an officer must stand aside (回避, 行政处罚法 第四十三条): 近亲属, 利害关系, 曾任职, 其他. */
export const CONFLICT_REASONS = [
  'KINSHIP',
  'FINANCIAL_INTEREST',
  'FORMER_EMPLOYMENT',
  'OTHER',
] as const;
export type ConflictReason = (typeof CONFLICT_REASONS)[number];

/**
 * 随机抽查结果 in the categories published on the National Enterprise Credit Information
 * Publicity System (国家企业信用信息公示系统).
 */
export const SELECTION_RESULTS = [
  'NO_PROBLEM_FOUND',
  'NO_RELEVANT_ACTIVITY',
  'PROBLEM_CORRECTED_ON_ORDER',
  'PROBLEM_PENDING_FOLLOW_UP',
  'UNREACHABLE_AT_REGISTERED_ADDRESS',
  'REFUSED_INSPECTION',
] as const;
export type SelectionResult = (typeof SELECTION_RESULTS)[number];

/**
 * 回避声明: an officer declares (or a supervisor declares for them) a relation to a premises that
 * could affect impartial enforcement. In force from `inForceFrom` until withdrawn; while in force
 * the draw never sends the officer there. One open declaration per officer and premises.
 */
@Entity('conflict_of_interest_declarations')
@Check(
  'conflict_of_interest_reason_check',
  `reason IN ('KINSHIP','FINANCIAL_INTEREST','FORMER_EMPLOYMENT','OTHER')`,
)
@Check(
  'conflict_of_interest_other_text_check',
  `reason <> 'OTHER' OR length(btrim(reason_text)) > 0`,
)
@Check(
  'conflict_of_interest_withdrawal_check',
  `(withdrawn_on IS NULL) = (withdrawn_by_id IS NULL) AND (withdrawn_on IS NULL OR withdrawn_on >= in_force_from)`,
)
@Index('conflict_of_interest_open_idx', ['officerId', 'premisesId'], {
  unique: true,
  where: 'withdrawn_on IS NULL',
})
@Index('conflict_of_interest_premises_idx', ['premisesId'])
export class ConflictOfInterestDeclaration {
  @PrimaryGeneratedColumn('uuid', {
    primaryKeyConstraintName: 'conflict_of_interest_declarations_pkey',
  })
  id: string;

  @Column({ type: 'uuid' })
  officerId: string;

  @ManyToOne(() => Officer, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'officer_id', foreignKeyConstraintName: 'conflict_of_interest_officer_fk' })
  officer?: Relation<Officer>;

  @Column({ type: 'uuid' })
  premisesId: string;

  @ManyToOne(() => Premises, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'premises_id',
    foreignKeyConstraintName: 'conflict_of_interest_premises_fk',
  })
  premises?: Relation<Premises>;

  @Column({ type: 'varchar', length: 24 })
  reason: ConflictReason;

  @Column({ type: 'varchar', length: 500, nullable: true })
  reasonText: string | null;

  @Column({ type: 'date' })
  inForceFrom: string;

  /** The first day it no longer applies; null while in force. */
  @Column({ type: 'date', nullable: true })
  withdrawnOn: string | null;

  @Column({ type: 'uuid' })
  declaredById: string;

  @ManyToOne(() => Officer, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'declared_by_id',
    foreignKeyConstraintName: 'conflict_of_interest_declared_by_fk',
  })
  declaredBy?: Relation<Officer>;

  @CreateDateColumn({ type: 'timestamptz' })
  declaredAt: Date;

  @Column({ type: 'uuid', nullable: true })
  withdrawnById: string | null;

  @ManyToOne(() => Officer, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'withdrawn_by_id',
    foreignKeyConstraintName: 'conflict_of_interest_withdrawn_by_fk',
  })
  withdrawnBy?: Relation<Officer>;
}

/** 抽查结果 of one plan visit, with the day it was formed (形成之日), recorded explicitly. */
@Entity('inspection_plan_results')
@Check(
  'inspection_plan_results_result_check',
  `result IN ('NO_PROBLEM_FOUND','NO_RELEVANT_ACTIVITY','PROBLEM_CORRECTED_ON_ORDER','PROBLEM_PENDING_FOLLOW_UP','UNREACHABLE_AT_REGISTERED_ADDRESS','REFUSED_INSPECTION')`,
)
export class InspectionPlanResult {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'inspection_plan_results_pkey' })
  planId: string;

  @PrimaryColumn({ type: 'int', primaryKeyConstraintName: 'inspection_plan_results_pkey' })
  position: number;

  @ManyToOne(() => InspectionPlanVisit, { onDelete: 'CASCADE' })
  @JoinColumn([
    {
      name: 'plan_id',
      referencedColumnName: 'planId',
      foreignKeyConstraintName: 'inspection_plan_results_visit_fk',
    },
    {
      name: 'position',
      referencedColumnName: 'position',
      foreignKeyConstraintName: 'inspection_plan_results_visit_fk',
    },
  ])
  visit?: Relation<InspectionPlanVisit>;

  @Column({ type: 'varchar', length: 40 })
  result: SelectionResult;

  @Column({ type: 'date' })
  formedOn: string;

  @Column({ type: 'uuid', nullable: true })
  inspectionId: string | null;

  @ManyToOne(() => Inspection, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'inspection_id',
    foreignKeyConstraintName: 'inspection_plan_results_inspection_fk',
  })
  inspection?: Relation<Inspection>;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note: string | null;

  @Column({ type: 'uuid' })
  recordedById: string;

  @ManyToOne(() => Officer, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'recorded_by_id',
    foreignKeyConstraintName: 'inspection_plan_results_recorded_by_fk',
  })
  recordedBy?: Relation<Officer>;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  recordedAt: Date;
}

/**
 * 公示 of a plan's results: exists once every visit has a result; due 20 working days after the
 * day the last result was formed (企业信息公示暂行条例 第六条), published day recorded once.
 */
@Entity('inspection_plan_publications')
@Check('inspection_plan_publications_due_check', `due_on > last_result_on`)
@Check(
  'inspection_plan_publications_published_check',
  `(published_on IS NULL) = (published_by_id IS NULL) AND (published_on IS NULL OR published_on >= last_result_on)`,
)
@Index('inspection_plan_publications_due_idx', ['dueOn', 'planId'], {
  where: 'published_on IS NULL',
})
export class InspectionPlanPublication {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'inspection_plan_publications_pkey' })
  planId: string;

  @ManyToOne(() => InspectionPlan, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'plan_id',
    foreignKeyConstraintName: 'inspection_plan_publications_plan_fk',
  })
  plan?: Relation<InspectionPlan>;

  @Column({ type: 'date' })
  lastResultOn: string;

  @Column({ type: 'date' })
  dueOn: string;

  @Column({ type: 'date', nullable: true })
  publishedOn: string | null;

  @Column({ type: 'uuid', nullable: true })
  publishedById: string | null;

  @ManyToOne(() => Officer, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'published_by_id',
    foreignKeyConstraintName: 'inspection_plan_publications_published_by_fk',
  })
  publishedBy?: Relation<Officer>;
}
