import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Relation,
  UpdateDateColumn,
} from 'typeorm';
import { Bureau } from '../bureaus/bureau.entity';
import { CaseFile } from '../cases/case.entity';
import { Finding } from '../inspections/finding.entity';
import { Inspection } from '../inspections/inspection.entity';
import { Officer } from '../officers/officer.entity';
import { Premises } from '../premises/premises.entity';
import { TargetCategory } from '../reference/target-category.entity';
import { Sweep } from '../sweeps/sweep.entity';

export const CLUE_KINDS = ['COMPLAINT', 'REPORT'] as const;
export type ClueKind = (typeof CLUE_KINDS)[number];
export const CLUE_SOURCES = [
  'PLATFORM_12315',
  'HOTLINE_12315',
  'OTHER_HOTLINE',
  'LETTER',
  'VISIT',
  'TRANSFER',
  'SUPERVISION',
] as const;
export type ClueSource = (typeof CLUE_SOURCES)[number];
export const CLUE_STATUSES = [
  'RECEIVED',
  'ACCEPTED',
  'REFUSED',
  'FILED',
  'NOT_FILED',
  'TRANSFERRED',
  'CLOSED',
] as const;
export type ClueStatus = (typeof CLUE_STATUSES)[number];
export const INFORM_CHANNELS = [
  'PHONE',
  'SMS',
  'LETTER',
  'EMAIL',
  'IN_PERSON',
  'PLATFORM',
] as const;
export type InformChannel = (typeof INFORM_CHANNELS)[number];

/**
 * 投诉举报线索: a complaint (投诉, a consumer's dispute) or a report (举报, of a violation) received
 * by a bureau, with its handling bureau, the premises and sweep when known, and the complainant or
 * reporter (anonymous, or named with contact data that only the handling bureau may read:
 * 市场监督管理投诉举报处理暂行办法 第五十条). `dueOn` is the nearest open clock's due day, stored on
 * every move so the work queue sorts and filters in SQL.
 */
@Entity('clues')
@Check('clues_kind_check', `kind IN ('COMPLAINT','REPORT')`)
@Check(
  'clues_source_check',
  `source IN ('PLATFORM_12315','HOTLINE_12315','OTHER_HOTLINE','LETTER','VISIT','TRANSFER','SUPERVISION')`,
)
@Check(
  'clues_status_check',
  `status IN ('RECEIVED','ACCEPTED','REFUSED','FILED','NOT_FILED','TRANSFERRED','CLOSED')`,
)
@Check('clues_transfer_source_check', `(source = 'TRANSFER') = (source_authority IS NOT NULL)`)
@Check(
  'clues_person_check',
  `(anonymous AND person_name IS NULL AND person_phone IS NULL AND person_id_number IS NULL AND person_address IS NULL) OR (NOT anonymous AND person_name IS NOT NULL AND person_phone IS NOT NULL)`,
)
@Check('clues_complaint_named_check', `kind = 'REPORT' OR NOT anonymous`)
@Check('clues_category_check', `category_id IS NULL OR sweep_id IS NOT NULL`)
@Check(
  'clues_days_check',
  `greatest(accepted_on, refused_on, decided_on, transferred_on, closed_on, received_on) >= received_on AND least(accepted_on, refused_on, decided_on, transferred_on, closed_on, received_on) >= received_on AND (informed_on IS NULL OR informed_on >= decided_on)`,
)
@Check('clues_extension_check', `verification_extended_by BETWEEN 0 AND 15`)
@Index('clues_number_key', ['number'], { unique: true })
@Index('clues_bureau_due_idx', ['bureauId', 'dueOn', 'id'])
@Index('clues_sweep_idx', ['sweepId', 'bureauId'])
export class Clue {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 64 })
  number: string;

  @Column({ type: 'varchar', length: 16 })
  kind: ClueKind;

  @Column({ type: 'varchar', length: 16 })
  source: ClueSource;

  @Column({ type: 'varchar', length: 200, nullable: true })
  sourceAuthority: string | null;

  @Column({ type: 'date' })
  receivedOn: string;

  @Column({ type: 'uuid' })
  bureauId: string;

  @ManyToOne(() => Bureau, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'bureau_id', foreignKeyConstraintName: 'clues_bureau_fk' })
  bureau?: Relation<Bureau>;

  @Column({ type: 'uuid', nullable: true })
  premisesId: string | null;

  @ManyToOne(() => Premises, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'premises_id', foreignKeyConstraintName: 'clues_premises_fk' })
  premises?: Relation<Premises> | null;

  @Column({ type: 'uuid', nullable: true })
  sweepId: string | null;

  @ManyToOne(() => Sweep, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'sweep_id', foreignKeyConstraintName: 'clues_sweep_fk' })
  sweep?: Relation<Sweep> | null;

  @Column({ type: 'uuid', nullable: true })
  categoryId: string | null;

  @ManyToOne(() => TargetCategory, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'category_id', foreignKeyConstraintName: 'clues_category_fk' })
  category?: Relation<TargetCategory> | null;

  @Column({ type: 'text' })
  content: string;

  @Column({ type: 'boolean' })
  anonymous: boolean;

  @Column({ type: 'varchar', length: 100, nullable: true })
  personName: string | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  personPhone: string | null;

  @Column({ type: 'varchar', length: 18, nullable: true })
  personIdNumber: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  personAddress: string | null;

  @Column({ type: 'varchar', length: 16 })
  status: ClueStatus;

  @Column({ type: 'int', default: 1 })
  version: number;

  @Column({ type: 'date', nullable: true })
  acceptedOn: string | null;

  @Column({ type: 'date', nullable: true })
  refusedOn: string | null;

  @Column({ type: 'text', nullable: true })
  refusalReason: string | null;

  @Column({ type: 'int', default: 0 })
  verificationExtendedBy: number;

  @Column({ type: 'uuid', nullable: true })
  extensionApprovedById: string | null;

  @ManyToOne(() => Officer, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'extension_approved_by_id',
    foreignKeyConstraintName: 'clues_extension_approved_by_fk',
  })
  extensionApprovedBy?: Relation<Officer> | null;

  @Column({ type: 'date', nullable: true })
  decidedOn: string | null;

  @Column({ type: 'uuid', nullable: true })
  decidedById: string | null;

  @ManyToOne(() => Officer, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'decided_by_id', foreignKeyConstraintName: 'clues_decided_by_fk' })
  decidedBy?: Relation<Officer> | null;

  @Column({ type: 'uuid', nullable: true })
  caseId: string | null;

  @ManyToOne(() => CaseFile, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'clues_case_fk' })
  case?: Relation<CaseFile> | null;

  @Column({ type: 'uuid', nullable: true })
  findingId: string | null;

  @ManyToOne(() => Finding, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'finding_id', foreignKeyConstraintName: 'clues_finding_fk' })
  finding?: Relation<Finding> | null;

  @Column({ type: 'text', nullable: true })
  notFiledReason: string | null;

  @Column({ type: 'date', nullable: true })
  informedOn: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  informChannel: InformChannel | null;

  @Column({ type: 'date', nullable: true })
  transferredOn: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  transferredToAuthority: string | null;

  @Column({ type: 'uuid', nullable: true })
  transferredFromBureauId: string | null;

  @ManyToOne(() => Bureau, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'transferred_from_bureau_id',
    foreignKeyConstraintName: 'clues_transferred_from_bureau_fk',
  })
  transferredFromBureau?: Relation<Bureau> | null;

  @Column({ type: 'date', nullable: true })
  closedOn: string | null;

  @Column({ type: 'text', nullable: true })
  closeNote: string | null;

  @Column({ type: 'date', nullable: true })
  dueOn: string | null;

  @Column({ type: 'uuid' })
  createdById: string;

  @ManyToOne(() => Officer, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by_id', foreignKeyConstraintName: 'clues_created_by_fk' })
  createdBy?: Relation<Officer>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/**
 * A clue's link to an inspection or a finding it led to (线索转检查、发现问题), one of the two.
 */
@Entity('clue_links')
@Check('clue_links_target_check', `(inspection_id IS NULL) <> (finding_id IS NULL)`)
@Index('clue_links_clue_inspection_key', ['clueId', 'inspectionId'], { unique: true })
@Index('clue_links_clue_finding_key', ['clueId', 'findingId'], { unique: true })
@Index('clue_links_inspection_idx', ['inspectionId'])
export class ClueLink {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  clueId: string;

  @ManyToOne(() => Clue, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'clue_id', foreignKeyConstraintName: 'clue_links_clue_fk' })
  clue?: Relation<Clue>;

  @Column({ type: 'uuid', nullable: true })
  inspectionId: string | null;

  @ManyToOne(() => Inspection, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'inspection_id', foreignKeyConstraintName: 'clue_links_inspection_fk' })
  inspection?: Relation<Inspection> | null;

  @Column({ type: 'uuid', nullable: true })
  findingId: string | null;

  @ManyToOne(() => Finding, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'finding_id', foreignKeyConstraintName: 'clue_links_finding_fk' })
  finding?: Relation<Finding> | null;

  @Column({ type: 'uuid' })
  linkedById: string;

  @ManyToOne(() => Officer, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'linked_by_id', foreignKeyConstraintName: 'clue_links_linked_by_fk' })
  linkedBy?: Relation<Officer>;

  @CreateDateColumn({ type: 'timestamptz' })
  linkedAt: Date;
}

/** The last number given per (bureau, year): numbers are counted out atomically (no race). */
@Entity('clue_number_counters')
export class ClueNumberCounter {
  @Column({ type: 'uuid', primary: true })
  bureauId: string;

  @ManyToOne(() => Bureau, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'bureau_id', foreignKeyConstraintName: 'clue_number_counters_bureau_fk' })
  bureau?: Relation<Bureau>;

  @Column({ type: 'int', primary: true })
  year: number;

  @Column({ type: 'int' })
  last: number;
}
