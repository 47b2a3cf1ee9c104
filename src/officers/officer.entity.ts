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

  /** Unique on lower(btrim(…)), made by migration AccountSecurity: `JX-1 ` is `jx-1`. */
  @Index('officers_certificate_number_key', { synchronize: false })
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

  /** Signed into every token; raised by a password change, a reset or a deactivation. */
  @Column({ type: 'integer', default: 0, select: false })
  tokenVersion: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
