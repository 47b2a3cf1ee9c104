import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  Relation,
} from 'typeorm';
import { Bureau } from '../bureaus/bureau.entity';
import type { PremisesKind } from '../reference/target-category.entity';

export const RISK_LEVELS = ['A', 'B', 'C', 'D'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];
export const LICENCE_KINDS = [
  'FOOD_PRODUCTION',
  'FOOD_TRADING',
  'DRUG_TRADING',
  'PESTICIDE_TRADING',
  'OTHER',
] as const;
export type LicenceKind = (typeof LICENCE_KINDS)[number];

export interface Licence {
  kind: LicenceKind;
  number: string;
  validUntil: string | null;
}

/** 市场主体 / 检查对象: a business or site that can be inspected. */
@Entity('premises')
@Check(
  'premises_kind_check',
  `kind IN ('FOOD_PRODUCER','FOOD_WORKSHOP','FOOD_RETAILER','CATERING','SCHOOL_CANTEEN','CAMPUS_SHOP','PHARMACY','VACCINATION_SITE','VACCINE_DISTRIBUTOR','AGRI_INPUT_DEALER','OTHER')`,
)
@Check('premises_risk_level_check', `risk_level IN ('A','B','C','D')`)
@Check('premises_credit_code_check', `credit_code ~ '^[0-9A-HJ-NPQRTUWXY]{18}$'`)
@Index('premises_name_address_idx', ['name', 'address'])
@Index('premises_credit_code_name_key', ['creditCode', 'name'], { unique: true })
@Index('premises_bureau_name_idx', ['bureauId', 'name', 'id'])
@Index('premises_name_trgm_idx', { synchronize: false })
@Index('premises_address_trgm_idx', { synchronize: false })
@Index('premises_credit_code_trgm_idx', { synchronize: false })
@Index('premises_pharmacists_idx', { synchronize: false })
@Index('premises_name_id_idx', { synchronize: false })
@Index('premises_last_inspected_idx', { synchronize: false })
export class Premises {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 32 })
  kind: PremisesKind;

  @Column({ type: 'uuid' })
  bureauId: string;

  @ManyToOne(() => Bureau, { onDelete: 'RESTRICT' })
  bureau?: Relation<Bureau>;

  @Column({ type: 'varchar', length: 300 })
  address: string;

  @Column({ type: 'double precision', nullable: true })
  latitude: number | null;

  @Column({ type: 'double precision', nullable: true })
  longitude: number | null;

  /**
   * 统一社会信用代码 of the legal entity the premises belongs to: one entity may have several
   * premises (sites, e.g. a school's two canteens), so it is unique only with the site's name.
   */
  @Column({ type: 'varchar', length: 18, nullable: true })
  creditCode: string | null;

  @Column({ type: 'jsonb', default: () => `'[]'` })
  licences: Licence[];

  @Column({ type: 'char', length: 1, nullable: true })
  riskLevel: RiskLevel | null;

  @Column({ type: 'varchar', array: true, default: () => `'{}'` })
  pharmacistRegistrations: string[];

  /**
   * The latest inspected_at of its inspections that are not voided, kept by a trigger on
   * inspections (never written from here): what LAST_INSPECTED_AT and notInspectedSince read.
   */
  @Column({ type: 'timestamptz', nullable: true, select: false, insert: false, update: false })
  lastInspectedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
