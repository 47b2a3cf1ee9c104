import { Column, Entity, Index, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { Exposure } from './exposure.entity';

/** 被曝光产品: a product named by an exposure, for inspectors to look for on local shelves. */
@Entity('exposed_products')
export class ExposedProduct {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('exposed_products_exposure_id_idx')
  @Column({ type: 'uuid' })
  exposureId: string;

  @ManyToOne(() => Exposure, (exposure) => exposure.products, { onDelete: 'CASCADE' })
  exposure?: Relation<Exposure>;

  @Column({ type: 'varchar', length: 100, nullable: true })
  brand: string | null;

  @Column({ type: 'varchar', length: 200 })
  productName: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  manufacturer: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  batch: string | null;
}
