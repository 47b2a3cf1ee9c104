import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Relation,
} from 'typeorm';
import { CompulsoryMeasure } from './compulsory-measure.entity';

/**
 * One line of a measure's list (查封、扣押清单, 行政强制法 第二十四条): the goods by product, specification
 * and lot, how many, their value and where they are kept (第二十六条: 妥善保管). Written with the measure,
 * never changed.
 */
@Entity('compulsory_measure_items')
@Check('compulsory_measure_items_quantity_check', `quantity > 0`)
@Check('compulsory_measure_items_value_check', `value >= 0`)
@Index('compulsory_measure_items_measure_idx', ['measureId', 'position'], { unique: true })
export class CompulsoryMeasureItem {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  measureId: string;

  @ManyToOne(() => CompulsoryMeasure, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'measure_id',
    foreignKeyConstraintName: 'compulsory_measure_items_measure_fk',
  })
  measure?: Relation<CompulsoryMeasure>;

  @Column({ type: 'int' })
  position: number;

  @Column({ type: 'varchar', length: 200 })
  product: string;

  @Column({ type: 'varchar', length: 100, nullable: true })
  specification: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  lot: string | null;

  @Column({ type: 'numeric', precision: 14, scale: 3 })
  quantity: string;

  @Column({ type: 'varchar', length: 20 })
  unit: string;

  @Column({ type: 'numeric', precision: 14, scale: 2 })
  value: string;

  @Column({ type: 'varchar', length: 200 })
  custodyPlace: string;
}
