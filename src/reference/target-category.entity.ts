import { Column, Entity, Index, OneToMany, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { ChecklistItem } from './checklist-item.entity';

export const PREMISES_KINDS = [
  'FOOD_PRODUCER',
  'FOOD_WORKSHOP',
  'FOOD_RETAILER',
  'CATERING',
  'SCHOOL_CANTEEN',
  'CAMPUS_SHOP',
  'PHARMACY',
  'VACCINATION_SITE',
  'VACCINE_DISTRIBUTOR',
  'AGRI_INPUT_DEALER',
  'OTHER',
] as const;
export type PremisesKind = (typeof PREMISES_KINDS)[number];

/** 整治对象类别: reference data, so a new exposure can add a category without a schema change. */
@Entity('target_categories')
export class TargetCategory {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('target_categories_code_key', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  code: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', array: true })
  premisesKinds: PremisesKind[];

  @OneToMany(() => ChecklistItem, (item) => item.category)
  checklist?: Relation<ChecklistItem[]>;
}
