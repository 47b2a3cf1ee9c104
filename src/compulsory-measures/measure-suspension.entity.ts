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
} from 'typeorm';
import { Officer } from '../officers/officer.entity';
import { CompulsoryMeasure } from './compulsory-measure.entity';

/** 行政强制法 第二十五条第三款: 检测、检验 (TESTING), 检疫 (QUARANTINE), 技术鉴定 (EXPERT_OPINION). */
export const MEASURE_SUSPENSION_REASONS = ['TESTING', 'QUARANTINE', 'EXPERT_OPINION'] as const;
export type MeasureSuspensionReason = (typeof MEASURE_SUSPENSION_REASONS)[number];

/**
 * A period excluded from a measure's clock (不计入查封、扣押期间). Its own small table rather than
 * `clock_suspensions`, whose owner check admits a case or a finding only: from `from` to `to` (the
 * clock runs again the day after `to`); `to` null while the goods are being tested.
 */
@Entity('compulsory_measure_suspensions')
@Check(
  'compulsory_measure_suspensions_reason_check',
  `reason IN ('TESTING','QUARANTINE','EXPERT_OPINION')`,
)
@Check('compulsory_measure_suspensions_period_check', `"to" IS NULL OR "to" >= "from"`)
@Index('compulsory_measure_suspensions_measure_idx', ['measureId'])
@Index('compulsory_measure_suspensions_open_key', ['measureId'], {
  unique: true,
  where: '"to" IS NULL',
})
export class MeasureSuspension {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  measureId: string;

  @ManyToOne(() => CompulsoryMeasure, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'measure_id',
    foreignKeyConstraintName: 'compulsory_measure_suspensions_measure_fk',
  })
  measure?: Relation<CompulsoryMeasure>;

  @Column({ type: 'varchar', length: 16 })
  reason: MeasureSuspensionReason;

  @Column({ type: 'date' })
  from: string;

  @Column({ type: 'date', nullable: true })
  to: string | null;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ type: 'uuid' })
  officerId: string;

  @ManyToOne(() => Officer, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'officer_id',
    foreignKeyConstraintName: 'compulsory_measure_suspensions_officer_fk',
  })
  officer?: Relation<Officer>;

  @CreateDateColumn({ type: 'timestamptz' })
  recordedAt: Date;
}
