import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import { ExposedProduct } from '../../exposures/exposed-product.entity';
import type { Loaders } from '../../graphql/loaders';

/**
 * The reads of exposures (曝光事件) the inspections area needs. TO BE FOLDED into the exposures'
 * repository (src/exposures) at merge: `productsOfSweepExposures` (exposed_products,
 * sweep_exposures) and its request loader of exposed products by id.
 */
@Injectable()
export class ExposuresReader {
  /** Those of these exposed products that belong to an exposure of the sweep. */
  async productsOfSweepExposures(
    manager: EntityManager,
    sweepId: string,
    productIds: readonly string[],
  ): Promise<Set<string>> {
    if (productIds.length === 0) return new Set();
    const rows = await manager.query<{ id: string }[]>(
      `SELECT ep.id FROM exposed_products ep
         JOIN sweep_exposures se ON se.exposure_id = ep.exposure_id
        WHERE se.sweep_id = $1 AND ep.id = ANY($2::uuid[])`,
      [sweepId, [...productIds]],
    );
    return new Set(rows.map((row) => row.id));
  }

  /** This request's loader of exposed products by id (public cases); null if none. */
  exposedProductLoader(loaders: Loaders): DataLoader<string, ExposedProduct | null> {
    return loaders.custom(
      'inspections.exposedProductById',
      () =>
        new DataLoader<string, ExposedProduct | null>(async (ids) => {
          const rows = await loaders.read((manager) =>
            manager
              .createQueryBuilder(ExposedProduct, 'ep')
              .where('ep.id = ANY(:ids)', { ids: [...ids] })
              .getMany(),
          );
          const byId = new Map(rows.map((row) => [row.id, row]));
          return ids.map((id) => byId.get(id) ?? null);
        }),
    );
  }
}
