import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinTable,
  ManyToMany,
  ManyToOne,
  PrimaryGeneratedColumn,
  Relation,
} from 'typeorm';
import { Bureau } from '../bureaus/bureau.entity';
import { Exposure } from '../exposures/exposure.entity';
import { TargetCategory } from '../reference/target-category.entity';

export const SWEEP_STATUSES = ['DRAFT', 'ACTIVE', 'CLOSED'] as const;
export type SweepStatus = (typeof SWEEP_STATUSES)[number];

/** 专项整治行动: an enforcement campaign triggered by exposures. */
@Entity('sweeps')
@Check('sweeps_status_check', `status IN ('DRAFT','ACTIVE','CLOSED')`)
@Check('sweeps_dates_check', `end_date >= start_date`)
export class Sweep {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('sweeps_code_key', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  code: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  directive: string | null;

  @Column({ type: 'uuid' })
  leadBureauId: string;

  @ManyToOne(() => Bureau, { onDelete: 'RESTRICT' })
  leadBureau?: Relation<Bureau>;

  @Column({ type: 'varchar', length: 16, default: 'DRAFT' })
  status: SweepStatus;

  @Column({ type: 'date' })
  startDate: string;

  @Column({ type: 'date' })
  endDate: string;

  @ManyToMany(() => Exposure)
  @JoinTable({
    name: 'sweep_exposures',
    joinColumn: { name: 'sweep_id' },
    inverseJoinColumn: { name: 'exposure_id' },
  })
  exposures?: Relation<Exposure[]>;

  /** The ids of `categories` in the order the sweep lists them; reports follow this order. */
  @Column({ type: 'uuid', array: true, default: () => `'{}'` })
  categoryOrder: string[];

  @ManyToMany(() => TargetCategory)
  @JoinTable({
    name: 'sweep_categories',
    joinColumn: { name: 'sweep_id' },
    inverseJoinColumn: { name: 'category_id' },
  })
  categories?: Relation<TargetCategory[]>;

  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  activatedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt: Date | null;
}
