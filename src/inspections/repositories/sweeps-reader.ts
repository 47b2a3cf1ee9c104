import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import type { Loaders } from '../../graphql/loaders';
import { Sweep } from '../../sweeps/sweep.entity';

/**
 * The reads of sweeps (专项整治行动) the inspections area needs. TO BE FOLDED into SweepsRepository
 * (src/sweeps/sweeps.repository.ts) at merge: `isCategoryOfSweep` (sweep_categories) and its
 * request loader of sweeps by id.
 */
@Injectable()
export class SweepsReader {
  /** Whether the target category is one of the sweep's categories. */
  async isCategoryOfSweep(
    manager: EntityManager,
    sweepId: string,
    categoryId: string,
  ): Promise<boolean> {
    const [row] = await manager.query<{ found: boolean }[]>(
      `SELECT EXISTS (SELECT 1 FROM sweep_categories WHERE sweep_id = $1 AND category_id = $2) AS found`,
      [sweepId, categoryId],
    );
    return row.found;
  }

  /** This request's loader of sweeps by id (city-wide campaigns, not jurisdiction-bound). */
  sweepLoader(loaders: Loaders): DataLoader<string, Sweep | null> {
    return loaders.custom(
      'inspections.sweepById',
      () =>
        new DataLoader<string, Sweep | null>(async (ids) => {
          const rows = await loaders.read((manager) =>
            manager
              .createQueryBuilder(Sweep, 's')
              .where('s.id = ANY(:ids)', { ids: [...ids] })
              .getMany(),
          );
          const byId = new Map(rows.map((row) => [row.id, row]));
          return ids.map((id) => byId.get(id) ?? null);
        }),
    );
  }
}
