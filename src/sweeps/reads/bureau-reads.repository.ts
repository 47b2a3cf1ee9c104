import { Injectable } from '@nestjs/common';
import type DataLoader from 'dataloader';
import { In, type EntityManager } from 'typeorm';
import { Bureau } from '../../bureaus/bureau.entity';
import type { Loaders } from '../../graphql/loaders';
import { byIdLoader } from './by-id-loader';

/**
 * TRANSITIONAL reads of bureaus (执法单位) that sweeps and selection need, until they are folded
 * into the bureaus area's repository. Bureaus are the jurisdiction itself, not bound to one.
 */
@Injectable()
export class BureauReadsRepository {
  /** Those of `ids` that are bureaus. */
  async knownIds(manager: EntityManager, ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await manager.find(Bureau, { select: { id: true }, where: { id: In([...ids]) } });
    return new Set(rows.map((row) => row.id));
  }

  /** Bureaus by id for this request; an unknown id loads as NOT_FOUND. */
  loader(loaders: Loaders): DataLoader<string, Bureau> {
    return loaders.custom('reads.bureau', () =>
      byIdLoader(loaders, 'Bureau', (manager, ids) => manager.findBy(Bureau, { id: In(ids) })),
    );
  }
}
