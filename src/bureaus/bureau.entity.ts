import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  ManyToOne,
  PrimaryGeneratedColumn,
  Relation,
} from 'typeorm';

export const BUREAU_KINDS = ['MUNICIPAL', 'SUB_BUREAU', 'COUNTY'] as const;
export type BureauKind = (typeof BUREAU_KINDS)[number];

/** 执法单位: a node of the bureau tree (municipal bureau, sub-bureaus, county bureaus). */
@Entity('bureaus')
@Check('bureaus_kind_check', `kind IN ('MUNICIPAL', 'SUB_BUREAU', 'COUNTY')`)
@Check('bureaus_division_code_check', `division_code ~ '^[0-9]{6}$'`)
export class Bureau {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('bureaus_code_key', { unique: true })
  @Column({ type: 'varchar', length: 32 })
  code: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 16 })
  kind: BureauKind;

  @Column({ type: 'char', length: 6 })
  divisionCode: string;

  @Index('bureaus_parent_id_idx')
  @Column({ type: 'uuid', nullable: true })
  parentId: string | null;

  @ManyToOne(() => Bureau, { onDelete: 'RESTRICT' })
  parent?: Relation<Bureau> | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
