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

export const ROLES = ['INSPECTOR', 'SUPERVISOR', 'MANAGER', 'ADMIN'] as const;
export type Role = (typeof ROLES)[number];

/** 执法人员: an officer of one bureau, identified by the enforcement certificate number (执法证号). */
@Entity('officers')
@Check(
  'officers_roles_check',
  `roles <@ ARRAY['INSPECTOR','SUPERVISOR','MANAGER','ADMIN']::varchar[] AND cardinality(roles) > 0`,
)
export class Officer {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 50 })
  name: string;

  @Index('officers_certificate_number_key', { unique: true })
  @Column({ type: 'varchar', length: 32 })
  certificateNumber: string;

  @Index('officers_bureau_id_idx')
  @Column({ type: 'uuid' })
  bureauId: string;

  @ManyToOne(() => Bureau, { onDelete: 'RESTRICT' })
  bureau?: Relation<Bureau>;

  @Column({ type: 'varchar', array: true })
  roles: Role[];

  @Column({ type: 'varchar', length: 255, select: false })
  passwordHash: string;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
