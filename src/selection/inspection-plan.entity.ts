import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  Relation,
} from 'typeorm';
import { Bureau } from '../bureaus/bureau.entity';
import type { ClassFigure, FrozenInputs, RiskClass, UnassignedReason } from './draw';
import { Officer } from '../officers/officer.entity';
import { Premises } from '../premises/premises.entity';
import { TargetCategory } from '../reference/target-category.entity';
import { Sweep } from '../sweeps/sweep.entity';

export const PLAN_STATUSES = ['BINDING', 'SUPERSEDED'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/**
 * 双随机抽查计划: a stored random draw of premises and officers for one bureau, sweep and
 * category. Never changed after the draw but for being superseded once by a redraw (with its
 * reason); the seed, frozen inputs and fingerprint are published (一公开). One BINDING plan per
 * (sweep, bureau, category).
 */
@Entity('inspection_plans')
@Check('inspection_plans_premises_count_check', `premises_count BETWEEN 1 AND 500`)
@Check('inspection_plans_status_check', `status IN ('BINDING','SUPERSEDED')`)
@Check('inspection_plans_redraw_reason_check', `(supersedes_id IS NULL) = (redraw_reason IS NULL)`)
@Check(
  'inspection_plans_superseded_check',
  `(status = 'SUPERSEDED') = (superseded_by_id IS NOT NULL)`,
)
@Index('inspection_plans_sweep_bureau_idx', ['sweepId', 'bureauId', 'drawnAt'])
@Index('inspection_plans_one_binding_idx', ['sweepId', 'bureauId', 'categoryId'], {
  unique: true,
  where: `status = 'BINDING'`,
})
export class InspectionPlan {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  sweepId: string;

  @ManyToOne(() => Sweep, { onDelete: 'RESTRICT' })
  sweep?: Relation<Sweep>;

  @Column({ type: 'uuid' })
  bureauId: string;

  @ManyToOne(() => Bureau, { onDelete: 'RESTRICT' })
  bureau?: Relation<Bureau>;

  @Column({ type: 'uuid' })
  categoryId: string;

  @ManyToOne(() => TargetCategory, { onDelete: 'RESTRICT' })
  category?: Relation<TargetCategory>;

  /** How many premises were asked for; the plan may hold fewer when candidates ran out. */
  @Column({ type: 'int' })
  premisesCount: number;

  @Column({ type: 'varchar', length: 200 })
  seed: string;

  @Column({ type: 'uuid' })
  drawnById: string;

  @ManyToOne(() => Officer, { onDelete: 'RESTRICT' })
  drawnBy?: Relation<Officer>;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  drawnAt: Date;

  /** SHA-256 (hex) of the canonical inputs; see draw.ts. */
  @Column({ type: 'char', length: 64 })
  inputsFingerprint: string;

  @Column({ type: 'varchar', length: 100 })
  algorithm: string;

  @Column({ type: 'varchar', length: 16, default: 'BINDING' })
  status: PlanStatus;

  /** The plan this one redrew (a redraw), which it superseded. */
  @Column({ type: 'uuid', nullable: true })
  supersedesId: string | null;

  @ManyToOne(() => InspectionPlan, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'supersedes_id', foreignKeyConstraintName: 'inspection_plans_supersedes_fk' })
  supersedes?: Relation<InspectionPlan>;

  @Column({ type: 'uuid', nullable: true })
  supersededById: string | null;

  @ManyToOne(() => InspectionPlan, { onDelete: 'RESTRICT', deferrable: 'INITIALLY DEFERRED' })
  @JoinColumn({
    name: 'superseded_by_id',
    foreignKeyConstraintName: 'inspection_plans_superseded_by_fk',
  })
  supersededBy?: Relation<InspectionPlan>;

  /** Why the earlier binding plan was redrawn; null for a first draw. */
  @Column({ type: 'varchar', length: 500, nullable: true })
  redrawReason: string | null;

  /**
   * The canonical frozen inputs (draw.ts); null for plans drawn before issue 19. Every candidate of
   * the bureau and category is in it, so it is not read with the plan row (`select: false`): the
   * GraphQL field loads it when asked (SelectionRepository.frozenInputsLoader) and the export
   * selects it.
   */
  @Column({ type: 'jsonb', nullable: true, select: false })
  frozenInputs?: FrozenInputs | null;

  @Column({ type: 'jsonb', nullable: true })
  classFigures: ClassFigure[] | null;

  @Column({ type: 'int', nullable: true })
  loadCap: number | null;
}

/** One drawn premises of a plan, in drawing order, with the two officers drawn for it. */
@Entity('inspection_plan_visits')
@Check('inspection_plan_visits_risk_class_check', `risk_class IN ('A','B','C','D','UNGRADED')`)
@Check(
  'inspection_plan_visits_unassigned_reason_check',
  `unassigned_reason IN ('CONFLICT_OF_INTEREST','ROTATION','LOAD_CAP') AND cardinality(officer_ids) = 0 OR unassigned_reason IS NULL`,
)
@Index('inspection_plan_visits_premises_idx', ['premisesId'])
export class InspectionPlanVisit {
  @PrimaryColumn({ type: 'uuid' })
  planId: string;

  @ManyToOne(() => InspectionPlan, { onDelete: 'CASCADE' })
  plan?: Relation<InspectionPlan>;

  @PrimaryColumn({ type: 'int' })
  position: number;

  @Column({ type: 'uuid' })
  premisesId: string;

  @ManyToOne(() => Premises, { onDelete: 'RESTRICT' })
  premises?: Relation<Premises>;

  /** The paired officers; empty when no valid pair existed (unassigned). */
  @Column({ type: 'uuid', array: true, default: () => `'{}'` })
  officerIds: string[];

  /** Null for plans drawn before issue 19. */
  @Column({ type: 'varchar', length: 9, nullable: true })
  riskClass: RiskClass | null;

  @Column({ type: 'varchar', length: 24, nullable: true })
  unassignedReason: UnassignedReason | null;
}
