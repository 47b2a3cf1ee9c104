import { Check, Column, Entity, Index, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { Bureau } from '../bureaus/bureau.entity';
import { TargetCategory } from '../reference/target-category.entity';
import { Sweep } from './sweep.entity';

/** 任务分配: how many premises of a category a bureau is to inspect in a sweep. */
@Entity('sweep_assignments')
@Index('sweep_assignments_sweep_bureau_category_key', ['sweepId', 'bureauId', 'categoryId'], {
  unique: true,
})
@Check('sweep_assignments_target_check', `target > 0`)
export class SweepAssignment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  sweepId: string;

  @ManyToOne(() => Sweep, { onDelete: 'CASCADE' })
  sweep?: Relation<Sweep>;

  @Index('sweep_assignments_bureau_id_idx')
  @Column({ type: 'uuid' })
  bureauId: string;

  @ManyToOne(() => Bureau, { onDelete: 'RESTRICT' })
  bureau?: Relation<Bureau>;

  @Column({ type: 'uuid' })
  categoryId: string;

  @ManyToOne(() => TargetCategory, { onDelete: 'RESTRICT' })
  category?: Relation<TargetCategory>;

  @Column({ type: 'int' })
  target: number;
}
