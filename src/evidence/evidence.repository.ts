import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import { SqlParameters, type Scope } from '../common/scope';
import type { Loaders } from '../graphql/loaders';
import { EvidenceFile } from './evidence-file.entity';
import type { EvidenceMediaType } from './media-type';

/** An evidence file as an upload records it. */
export interface NewEvidenceFile {
  sha256: string;
  mediaType: EvidenceMediaType;
  sizeBytes: number;
  uploadedById: string;
}

/**
 * Every SQL statement on evidence files (证据文件) and evidence_uploads. A file is kept once by its
 * SHA-256 and is not jurisdiction-bound itself: it belongs to the findings it was uploaded for
 * (evidence_uploads), and who may see it is whoever's scope covers one of those findings. That
 * question joins findings' bureau, in one statement here, with the scope applied.
 */
@Injectable()
export class EvidenceRepository {
  /**
   * Records the file unless one of the same SHA-256 is there already: the file as recorded, and
   * whether this call created it.
   */
  async insertIfAbsent(
    manager: EntityManager,
    file: NewEvidenceFile,
  ): Promise<{ file: EvidenceFile; created: boolean }> {
    const inserted = await manager
      .createQueryBuilder()
      .insert()
      .into(EvidenceFile)
      .values(file)
      .orIgnore()
      .returning('*')
      .execute();
    const created = (inserted.raw as EvidenceFile[]).length > 0;
    return { file: await manager.findOneByOrFail(EvidenceFile, { sha256: file.sha256 }), created };
  }

  /** The file of this id, or null. */
  findById(manager: EntityManager, id: string): Promise<EvidenceFile | null> {
    return manager.findOneBy(EvidenceFile, { id });
  }

  /** The file of this SHA-256, or null when it has not arrived. */
  findBySha256(manager: EntityManager, sha256: string): Promise<EvidenceFile | null> {
    return manager.findOneBy(EvidenceFile, { sha256 });
  }

  /** Records that the file was uploaded for these findings; returns those that are new. */
  async attach(
    manager: EntityManager,
    fileId: string,
    findingIds: readonly string[],
    uploadedById: string,
  ): Promise<string[]> {
    if (findingIds.length === 0) return [];
    const rows = await manager.query<{ finding_id: string }[]>(
      `INSERT INTO evidence_uploads (evidence_file_id, finding_id, uploaded_by_id)
       SELECT $1, unnest($2::uuid[]), $3
       ON CONFLICT DO NOTHING RETURNING finding_id`,
      [fileId, [...findingIds], uploadedById],
    );
    return rows.map((row) => row.finding_id);
  }

  /**
   * Which of these files are stored and were uploaded for a finding within `scope`: what may be
   * served to, and reported as `uploaded` to, an officer of that scope.
   */
  async servableInScope(
    manager: EntityManager,
    scope: Scope,
    hashes: readonly string[],
  ): Promise<Set<string>> {
    const params = new SqlParameters();
    const hashes$ = params.add([...hashes], 'bpchar[]');
    const rows = await manager.query<{ sha256: string }[]>(
      `SELECT DISTINCT ef.sha256 FROM evidence_files ef
       JOIN evidence_uploads u ON u.evidence_file_id = ef.id
       JOIN findings f ON f.id = u.finding_id
       WHERE ef.sha256 = ANY(${hashes$}) AND ${scope.sql('f.bureau_id', params)}`,
      params.values,
    );
    return new Set(rows.map((row) => row.sha256));
  }

  /**
   * Whether each file may be reported `uploaded` to this request's officer (stored, and uploaded
   * for a finding in their scope): one query for all the evidence of a page.
   */
  uploadedLoader(loaders: Loaders, scope: Scope): DataLoader<string, boolean> {
    return loaders.custom(
      'evidenceUploaded',
      () =>
        new DataLoader<string, boolean>(async (hashes) => {
          const servable = await loaders.read((manager) =>
            this.servableInScope(manager, scope, hashes),
          );
          return hashes.map((hash) => servable.has(hash));
        }),
    );
  }
}
