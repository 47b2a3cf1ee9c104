import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import type { EntityManager, EntityTarget } from 'typeorm';
import { Bureau } from '../bureaus/bureau.entity';
import { NotFound } from '../common/errors/domain-errors';
import type { Scope } from '../common/scope';
import { ExposedProduct } from '../exposures/exposed-product.entity';
import { Exposure } from '../exposures/exposure.entity';
import type { Loaders } from '../graphql/loaders';

/**
 * What an alert (发现被曝光产品预警) shows, read by id, besides the finding, its inspection and
 * premises (read through FindingsRepository, InspectionsRepository and PremisesRepository, within
 * the subscriber's scope): the bureau, exposed product and exposure they name. These are other
 * areas' tables, read here until their repositories offer loaders. Each loader belongs to one
 * alert's `Loaders` (a subscription gets fresh ones for every alert) and reads through
 * `loaders.read`, so the replica routing stays; an id not found loads as NotFound.
 */
@Injectable()
export class AlertsRepository {
  /** Bureaus by id (not jurisdiction-bound: every officer may name any bureau). */
  bureauLoader(loaders: Loaders): DataLoader<string, Bureau> {
    return byIdLoader(loaders, 'alerts.bureauById', Bureau, 'Bureau', null);
  }

  /** Exposed products by id (public facts of an exposure, not jurisdiction-bound). */
  exposedProductLoader(loaders: Loaders): DataLoader<string, ExposedProduct> {
    return byIdLoader(loaders, 'alerts.exposedProductById', ExposedProduct, 'ExposedProduct', null);
  }

  /** Exposures by id (not jurisdiction-bound). */
  exposureLoader(loaders: Loaders): DataLoader<string, Exposure> {
    return byIdLoader(loaders, 'alerts.exposureById', Exposure, 'Exposure', null);
  }
}

/** Rows of `entity` by id, within `scope` by their `bureau_id` when one is given. */
function rowsById<T extends { id: string }>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  ids: string[],
  scope: Scope | null,
): Promise<T[]> {
  const query = manager.createQueryBuilder(entity, 'r').where('r.id = ANY(:ids)', { ids });
  return (scope ? scope.apply(query, 'r.bureau_id') : query).getMany();
}

function byIdLoader<T extends { id: string }>(
  loaders: Loaders,
  name: string,
  entity: EntityTarget<T>,
  type: string,
  scope: Scope | null,
): DataLoader<string, T> {
  return loaders.custom(
    name,
    () =>
      new DataLoader<string, T>(async (ids) => {
        const rows = await loaders.read((manager) => rowsById(manager, entity, [...ids], scope));
        const byId = new Map(rows.map((row) => [row.id, row]));
        return ids.map((id) => byId.get(id) ?? new NotFound(type, id));
      }),
  );
}
