import { MAX_EVIDENCE_BYTES } from '../inspections/dto/inspection.inputs';
import { Inject, Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import type { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { CurrentOfficer } from '../auth/current-officer';
import { BadUserInput, NotFound } from '../common/errors/domain-errors';
import { jurisdictionSql } from '../common/scope';
import type { Loaders } from '../graphql/loaders';
import { EvidenceFile } from './evidence-file.entity';
import { EVIDENCE_STORE, type EvidenceStore } from './evidence-store';
import { receiveUpload } from './receive-upload';

/** 20 MiB: the largest evidence file (证据文件) accepted, a phone photo or a scanned document. */
export const MAX_UPLOAD_BYTES = MAX_EVIDENCE_BYTES;

const SHA256 = /^[0-9a-f]{64}$/;

export type UploadOutcome =
  | { kind: 'stored'; created: boolean; file: EvidenceFile }
  | { kind: 'too-large' }
  | { kind: 'unsupported' };

/**
 * Evidence files: received, verified and kept by SHA-256; served to officers who may see a
 * finding that cites them. An upload is accepted only for a file some finding visible to the
 * uploader cites, so the store cannot be used as a general file host.
 */
@Injectable()
export class EvidenceService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @Inject(EVIDENCE_STORE) private readonly store: EvidenceStore,
  ) {}

  async upload(
    officer: CurrentOfficer,
    sha256: string,
    body: Readable,
    declaredLength: number | undefined,
  ): Promise<UploadOutcome> {
    checkSha256(sha256);
    await this.assertCited(officer, sha256);
    if (declaredLength !== undefined && declaredLength > MAX_UPLOAD_BYTES) {
      body.resume();
      return { kind: 'too-large' };
    }
    const staged = await this.store.stage(sha256);
    try {
      const received = await receiveUpload(body, staged.stream, MAX_UPLOAD_BYTES);
      if (received.kind !== 'complete') return received;
      if (received.sha256 !== sha256) {
        throw BadUserInput.field(
          'sha256',
          `the SHA-256 of the bytes received is ${received.sha256}, not the one in the path`,
        );
      }
      return await this.dataSource.transaction(async (manager) => {
        const inserted = await manager
          .createQueryBuilder()
          .insert()
          .into(EvidenceFile)
          .values({
            sha256,
            mediaType: received.mediaType,
            sizeBytes: received.sizeBytes,
            uploadedById: officer.id,
          })
          .orIgnore()
          .returning('*')
          .execute();
        const created = inserted.raw as EvidenceFile[];
        if (created.length === 0) {
          const existing = await manager.findOneByOrFail(EvidenceFile, { sha256 });
          return { kind: 'stored' as const, created: false, file: existing };
        }
        const file = await manager.findOneByOrFail(EvidenceFile, { sha256 });
        await this.audit.record(manager, {
          actorId: officer.id,
          action: 'evidence.upload',
          entityType: 'EvidenceFile',
          entityId: file.id,
          after: file,
          requestId: officer.requestId,
        });
        await staged.commit();
        return { kind: 'stored' as const, created: true, file };
      });
    } finally {
      await staged.discard();
    }
  }

  /** The stored file and its bytes, for an officer who may see a finding citing it. */
  async download(
    officer: CurrentOfficer,
    sha256: string,
  ): Promise<{ file: EvidenceFile; open: () => Readable }> {
    checkSha256(sha256);
    await this.assertCited(officer, sha256);
    const file = await this.dataSource.getRepository(EvidenceFile).findOneBy({ sha256 });
    if (!file) throw new NotFound('Evidence file', sha256);
    return { file, open: () => this.store.open(sha256) };
  }

  /** Whether each file has arrived: one query for all the evidence of a page. */
  uploaded(loaders: Loaders, sha256: string): Promise<boolean> {
    return loaders
      .custom(
        'evidenceUploaded',
        () =>
          new DataLoader<string, boolean>(async (hashes) => {
            const rows = await this.dataSource.query<{ sha256: string }[]>(
              `SELECT sha256 FROM evidence_files WHERE sha256 = ANY($1::bpchar[])`,
              [[...hashes]],
            );
            const arrived = new Set(rows.map((row) => row.sha256));
            return hashes.map((hash) => arrived.has(hash));
          }),
      )
      .load(sha256);
  }

  /** NOT_FOUND unless a finding within the officer's jurisdiction cites the file. */
  private async assertCited(officer: CurrentOfficer, sha256: string): Promise<void> {
    const scope = jurisdictionSql('f.bureau_id', officer, 2);
    const rows = await this.dataSource.query<unknown[]>(
      `SELECT 1 FROM findings f WHERE f.evidence @> $1::jsonb AND ${scope.sql} LIMIT 1`,
      [JSON.stringify([{ sha256 }]), ...scope.parameters],
    );
    if (rows.length === 0) throw new NotFound('Evidence file', sha256);
  }
}

function checkSha256(sha256: string): void {
  if (!SHA256.test(sha256))
    throw BadUserInput.field('sha256', 'must be 64 lowercase hexadecimal characters');
}
