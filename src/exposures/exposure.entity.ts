import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  JoinTable,
  ManyToMany,
  OneToMany,
  PrimaryGeneratedColumn,
  Relation,
} from 'typeorm';
import { TargetCategory } from '../reference/target-category.entity';
import { ExposedProduct } from './exposed-product.entity';

export const EXPOSURE_SOURCES = [
  'CCTV_315_GALA',
  'SAMR_NOTICE',
  'REGIONAL_NOTICE',
  'MEDIA',
  'COMPLAINT',
  'OTHER',
] as const;
export type ExposureSource = (typeof EXPOSURE_SOURCES)[number];

/** 曝光事件: a publicly exposed case that may trigger sweeps. */
@Entity('exposures')
@Check(
  'exposures_source_check',
  `source IN ('CCTV_315_GALA','SAMR_NOTICE','REGIONAL_NOTICE','MEDIA','COMPLAINT','OTHER')`,
)
export class Exposure {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'varchar', length: 32 })
  source: ExposureSource;

  @Column({ type: 'date' })
  exposedOn: string;

  @Column({ type: 'text', nullable: true })
  summary: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  reference: string | null;

  @Column({ type: 'boolean' })
  involvesJurisdiction: boolean;

  @ManyToMany(() => TargetCategory)
  @JoinTable({
    name: 'exposure_categories',
    joinColumn: { name: 'exposure_id' },
    inverseJoinColumn: { name: 'category_id' },
  })
  categories?: Relation<TargetCategory[]>;

  @OneToMany(() => ExposedProduct, (product) => product.exposure, { cascade: ['insert'] })
  products?: Relation<ExposedProduct[]>;

  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
