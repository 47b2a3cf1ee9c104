import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
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
 * Every SQL statement on evidence files (证据文件). A file is kept by its SHA-256 and is not
 * jurisdiction-bound itself: who may see it is decided by the findings citing it
 * (FindingsRepository.citesEvidenceInScope), before any read here.
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

  /** Whether each file has arrived, for this request: one query for all the evidence of a page. */
  uploadedLoader(loaders: Loaders): DataLoader<string, boolean> {
    return loaders.custom(
      'evidenceUploaded',
      () =>
        new DataLoader<string, boolean>(async (hashes) => {
          const rows = await loaders.read((manager) =>
            manager.query<{ sha256: string }[]>(
              `SELECT sha256 FROM evidence_files WHERE sha256 = ANY($1::bpchar[])`,
              [[...hashes]],
            ),
          );
          const arrived = new Set(rows.map((row) => row.sha256));
          return hashes.map((hash) => arrived.has(hash));
        }),
    );
  }
}
