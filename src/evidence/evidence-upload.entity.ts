import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  ManyToOne,
  PrimaryColumn,
  Relation,
} from 'typeorm';
import { Finding } from '../inspections/finding.entity';
import { Officer } from '../officers/officer.entity';
import { EvidenceFile } from './evidence-file.entity';

/**
 * Which findings an evidence file (证据文件) was uploaded for: the uploading officer's own findings
 * citing it (logged by them or on an inspection they made). The file is served, and its
 * `uploaded` told, only to officers whose jurisdiction covers one of these findings; citing the
 * hash elsewhere gives no access until the same bytes are uploaded for that finding (stored once).
 */
@Entity('evidence_uploads')
@Index('evidence_uploads_finding_id_idx', ['findingId'])
export class EvidenceUpload {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'evidence_uploads_pkey' })
  evidenceFileId: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'evidence_uploads_pkey' })
  findingId: string;

  @ManyToOne(() => EvidenceFile, { onDelete: 'CASCADE' })
  evidenceFile?: Relation<EvidenceFile>;

  @ManyToOne(() => Finding, { onDelete: 'CASCADE' })
  finding?: Relation<Finding>;

  @Column({ type: 'uuid' })
  uploadedById: string;

  @ManyToOne(() => Officer, { onDelete: 'RESTRICT' })
  uploadedBy?: Relation<Officer>;

  @CreateDateColumn({ type: 'timestamptz' })
  uploadedAt: Date;
}
