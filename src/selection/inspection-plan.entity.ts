import {
  Check,
  Column,
  Entity,
  Index,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  Relation,
} from 'typeorm';
import { Bureau } from '../bureaus/bureau.entity';
import { Officer } from '../officers/officer.entity';
import { Premises } from '../premises/premises.entity';
import { TargetCategory } from '../reference/target-category.entity';
import { Sweep } from '../sweeps/sweep.entity';

/**
 * 双随机抽查计划: a stored random draw of premises and officer pairs for one bureau, sweep and
 * category. Never changed after the draw; the seed and algorithm are published (一公开).
 */
@Entity('inspection_plans')
@Check('inspection_plans_premises_count_check', `premises_count BETWEEN 1 AND 500`)
@Index('inspection_plans_sweep_bureau_idx', ['sweepId', 'bureauId', 'drawnAt'])
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
}

/** One drawn premises of a plan, in drawing order, with the two officers paired with it. */
@Entity('inspection_plan_visits')
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
}
