import { Injectable } from '@nestjs/common';
import type DataLoader from 'dataloader';
import { In, type EntityManager } from 'typeorm';
import { Exposure } from '../../exposures/exposure.entity';
import type { Loaders } from '../../graphql/loaders';
import { byIdLoader } from './by-id-loader';

/**
 * TRANSITIONAL reads of exposures (曝光事件) that sweeps need, until they are folded into the
 * exposures area's repository. Exposures are city-wide, not bound to a jurisdiction.
 */
@Injectable()
export class ExposureReadsRepository {
  /** Those of `ids` that are exposures. */
  async knownIds(manager: EntityManager, ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await manager.find(Exposure, {
      select: { id: true },
      where: { id: In([...ids]) },
    });
    return new Set(rows.map((row) => row.id));
  }

  /** Exposures by id for this request; an unknown id loads as NOT_FOUND. */
  loader(loaders: Loaders): DataLoader<string, Exposure> {
    return loaders.custom('reads.exposure', () =>
      byIdLoader(loaders, 'Exposure', (manager, ids) => manager.findBy(Exposure, { id: In(ids) })),
    );
  }
}
