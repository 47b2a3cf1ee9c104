import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { In, type EntityManager } from 'typeorm';
import { Bureau } from '../bureaus/bureau.entity';
import type { Loaders } from '../graphql/loaders';

/**
 * TRANSITIONAL: the reads of bureaus (执法单位) the premises area needs, until the bureaus area's
 * repository offers them (`BureausRepository.bureauLoader`, and a look-up by code); then these
 * callers move there and this file goes. Bureaus are not jurisdiction-bound: no scope.
 */
@Injectable()
export class PremisesBureausRepository {
  /** Bureau ids by code, for the codes that exist. */
  async idsByCode(manager: EntityManager, codes: readonly string[]): Promise<Map<string, string>> {
    const bureaus = await manager.query<{ id: string; code: string }[]>(
      `SELECT id, code FROM bureaus WHERE code = ANY($1::text[])`,
      [[...codes]],
    );
    return new Map(bureaus.map((bureau) => [bureau.code, bureau.id]));
  }

  /** Bureaus by id for this request (one query per tick), read as the request's loaders read. */
  bureauLoader(loaders: Loaders): DataLoader<string, Bureau | undefined> {
    return loaders.custom(
      'bureauById',
      () =>
        new DataLoader<string, Bureau | undefined>(async (ids) => {
          const rows = await loaders.read((manager) =>
            manager.findBy(Bureau, { id: In([...ids]) }),
          );
          const byId = new Map(rows.map((row) => [row.id, row]));
          return ids.map((id) => byId.get(id));
        }),
    );
  }
}
