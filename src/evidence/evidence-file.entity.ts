import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ManyToOne,
  PrimaryGeneratedColumn,
  Relation,
} from 'typeorm';
import { Officer } from '../officers/officer.entity';
import type { EvidenceMediaType } from './media-type';

/**
 * 证据文件: an evidence file that has arrived in the store, written when its upload is verified
 * (size, content kind, SHA-256). Findings cite files by SHA-256 in their evidence metadata; this
 * row is how `Evidence.uploaded` is answered with one query per page.
 */
@Entity('evidence_files')
@Check('evidence_files_sha256_check', `sha256 ~ '^[0-9a-f]{64}$'`)
@Check(
  'evidence_files_media_type_check',
  `media_type IN ('image/jpeg','image/png','image/heic','application/pdf')`,
)
@Check('evidence_files_size_check', `size_bytes > 0`)
export class EvidenceFile {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'char', length: 64, unique: true })
  sha256: string;

  @Column({ type: 'varchar', length: 32 })
  mediaType: EvidenceMediaType;

  @Column({ type: 'int' })
  sizeBytes: number;

  @Column({ type: 'uuid' })
  uploadedById: string;

  @ManyToOne(() => Officer, { onDelete: 'RESTRICT' })
  uploadedBy?: Relation<Officer>;

  @CreateDateColumn({ type: 'timestamptz' })
  uploadedAt: Date;
}
