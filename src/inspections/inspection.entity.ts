import { Check, Column, Entity, Index, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { Bureau } from '../bureaus/bureau.entity';
import { Premises } from '../premises/premises.entity';
import { TargetCategory } from '../reference/target-category.entity';
import { Sweep } from '../sweeps/sweep.entity';

export const INSPECTION_OUTCOMES = [
  'COMPLIANT',
  'ISSUES_FOUND',
  'PREMISES_CLOSED',
  'REFUSED_ENTRY',
] as const;
export type InspectionOutcome = (typeof INSPECTION_OUTCOMES)[number];
export const CHECKLIST_RESULTS = ['PASS', 'FAIL', 'NOT_APPLICABLE'] as const;
export type ChecklistResult = (typeof CHECKLIST_RESULTS)[number];

export interface ChecklistAnswer {
  itemCode: string;
  result: ChecklistResult;
  note: string | null;
}

/**
 * 检查记录: one visit to one premises within one sweep and category. Never deleted; a supervisor
 * voids it with a reason. `bureauId` is the premises' responsible bureau when it was logged, so
 * statistics and scope follow the jurisdiction that holds the premises.
 */
@Entity('inspections')
@Check(
  'inspections_outcome_check',
  `outcome IN ('COMPLIANT','ISSUES_FOUND','PREMISES_CLOSED','REFUSED_ENTRY')`,
)
@Check('inspections_officer_ids_check', `cardinality(officer_ids) >= 2`)
@Check('inspections_void_check', `voided = (void_reason IS NOT NULL)`)
@Index('inspections_sweep_bureau_idx', ['sweepId', 'bureauId', 'categoryId'])
@Index('inspections_premises_inspected_idx', ['premisesId', 'inspectedAt'])
export class Inspection {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  sweepId: string;

  @ManyToOne(() => Sweep, { onDelete: 'RESTRICT' })
  sweep?: Relation<Sweep>;

  @Column({ type: 'uuid' })
  categoryId: string;

  @ManyToOne(() => TargetCategory, { onDelete: 'RESTRICT' })
  category?: Relation<TargetCategory>;

  @Column({ type: 'uuid' })
  premisesId: string;

  @ManyToOne(() => Premises, { onDelete: 'RESTRICT' })
  premises?: Relation<Premises>;

  @Column({ type: 'uuid' })
  bureauId: string;

  @ManyToOne(() => Bureau, { onDelete: 'RESTRICT' })
  bureau?: Relation<Bureau>;

  /** The officers present (at least two, 两名执法人员), in the order given. */
  @Column({ type: 'uuid', array: true })
  officerIds: string[];

  @Column({ type: 'uuid' })
  recordedById: string;

  @Column({ type: 'timestamptz' })
  inspectedAt: Date;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  recordedAt: Date;

  @Column({ type: 'varchar', length: 20 })
  outcome: InspectionOutcome;

  @Column({ type: 'jsonb', default: () => `'[]'` })
  checklist: ChecklistAnswer[];

  @Column({ type: 'text', nullable: true })
  notes: string | null;

  @Column({ type: 'boolean', default: false })
  voided: boolean;

  @Column({ type: 'text', nullable: true })
  voidReason: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  voidedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  voidedById: string | null;
}
