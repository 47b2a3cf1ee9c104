import { MAX_EVIDENCE_BYTES } from '../inspections/dto/inspection.inputs';
import { Inject, Injectable } from '@nestjs/common';
import type { Readable } from 'node:stream';
import { AuditService } from '../audit/audit.service';
import type { CurrentOfficer } from '../auth/current-officer';
import { BadUserInput, DomainError } from '../common/errors/domain-errors';
import { message } from '../common/messages/message';
import { Scope } from '../common/scope';
import { Database } from '../database/database';
import type { Loaders } from '../graphql/loaders';
import { FindingsRepository } from '../inspections/repositories/findings.repository';
import type { EvidenceFile } from './evidence-file.entity';
import { EVIDENCE_STORE, type EvidenceStore } from './evidence-store';
import { EvidenceRepository } from './evidence.repository';
import { receiveUpload } from './receive-upload';

/** 20 MiB: the largest evidence file (证据文件) accepted, a phone photo or a scanned document. */
export const MAX_UPLOAD_BYTES = MAX_EVIDENCE_BYTES;

const SHA256 = /^[0-9a-f]{64}$/;

export type UploadOutcome =
  | { kind: 'stored'; created: boolean; file: EvidenceFile }
  | { kind: 'too-large' }
  | { kind: 'unsupported' };

/**
 * Evidence files: received, verified and kept once by SHA-256. A file belongs to the findings it
 * was uploaded for: the uploader's own findings citing it (logged by them or on an inspection they
 * made), within their jurisdiction. It is served, and reported `uploaded`, only to officers whose
 * jurisdiction covers one of those findings: citing someone else's hash gives nothing, and a
 * citation elsewhere needs its own upload of the same bytes (stored once, linked again). An upload
 * is accepted only for such a finding, so the store cannot be used as a general file host.
 */
@Injectable()
export class EvidenceService {
  constructor(
    private readonly database: Database,
    private readonly files: EvidenceRepository,
    private readonly findings: FindingsRepository,
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
    const findingIds = await this.findings.idsCitingEvidenceOfOfficer(
      this.database.manager,
      Scope.of(officer),
      sha256,
      officer.id,
    );
    if (findingIds.length === 0) throw evidenceNotFound(sha256);
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
          message('evidence.hashMismatch', { received: received.sha256 }),
        );
      }
      return await this.database.transaction(async (manager) => {
        const { file, created } = await this.files.insertIfAbsent(manager, {
          sha256,
          mediaType: received.mediaType,
          sizeBytes: received.sizeBytes,
          uploadedById: officer.id,
        });
        const attached = await this.files.attach(manager, file.id, findingIds, officer.id);
        if (!created) {
          // The same bytes again: stored once, now also for these findings of the uploader's.
          if (attached.length > 0)
            await this.audit.record(manager, {
              actorId: officer.id,
              action: 'evidence.attach',
              entityType: 'EvidenceFile',
              entityId: file.id,
              after: { findingIds: attached },
              requestId: officer.requestId,
            });
          return { kind: 'stored' as const, created: false, file };
        }
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

  /** The stored file and its bytes, for an officer whose scope covers a finding it was uploaded for. */
  async download(
    officer: CurrentOfficer,
    sha256: string,
  ): Promise<{ file: EvidenceFile; open: () => Readable }> {
    checkSha256(sha256);
    const servable = await this.files.servableInScope(this.database.manager, Scope.of(officer), [
      sha256,
    ]);
    if (!servable.has(sha256)) throw evidenceNotFound(sha256);
    const file = await this.files.findBySha256(this.database.manager, sha256);
    if (!file) throw evidenceNotFound(sha256);
    return { file, open: () => this.store.open(sha256) };
  }

  /**
   * Whether each file has arrived for a finding the officer's scope covers (false otherwise, so
   * `uploaded` does not tell whether a hash was uploaded anywhere): one query for a page.
   */
  uploaded(loaders: Loaders, scope: Scope, sha256: string): Promise<boolean> {
    return this.files.uploadedLoader(loaders, scope).load(sha256);
  }
}

/**
 * NOT_FOUND for an evidence file, said by key (entity.Evidence, 证据文件) while the REST answer
 * keeps the `entity` it has always carried ('Evidence file').
 */
function evidenceNotFound(sha256: string): DomainError {
  return new DomainError(
    'NOT_FOUND',
    message('error.notFound', { entity: message('entity.Evidence'), id: sha256 }),
    { entity: 'Evidence file' },
  );
}

function checkSha256(sha256: string): void {
  if (!SHA256.test(sha256)) throw BadUserInput.field('sha256', message('evidence.sha256'));
}
