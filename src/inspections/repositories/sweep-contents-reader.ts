import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/**
 * What a sweep covers, as logging an inspection or a finding asks it. TO BE FOLDED at merge:
 * `isCategoryOfSweep` into SweepsRepository (sweep_categories), `productsOfSweepExposures` into
 * the exposures' repository (exposed_products, sweep_exposures).
 */
@Injectable()
export class SweepContentsReader {
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
}
