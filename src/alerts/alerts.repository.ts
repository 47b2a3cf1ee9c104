import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import type { EntityManager, EntityTarget } from 'typeorm';
import { NotFound } from '../common/errors/domain-errors';
import type { Scope } from '../common/scope';
import type { Loaders } from '../graphql/loaders';
import { Finding } from '../inspections/finding.entity';
import { Inspection } from '../inspections/inspection.entity';
import { Premises } from '../premises/premises.entity';

/**
 * What an alert (发现被曝光产品预警) shows, read by id: the finding, its inspection and premises
 * (jurisdiction-bound: within the subscriber's scope); the bureau, exposed product and exposure
 * they name are read through BureausRepository and ExposuresRepository. These are other areas'
 * tables, read here until their repositories offer scoped loaders. Each loader belongs to one
 * alert's `Loaders` (a subscription gets fresh ones for every alert) and reads through
 * `loaders.read`, so the replica routing stays; an id not found, or outside the scope, loads as
 * NotFound.
 */
@Injectable()
export class AlertsRepository {
  /** Findings by id within `scope`. */
  findingLoader(loaders: Loaders, scope: Scope): DataLoader<string, Finding> {
    return byIdLoader(loaders, 'alerts.findingById', Finding, 'Finding', scope);
  }

  /** Inspections by id within `scope`. */
  inspectionLoader(loaders: Loaders, scope: Scope): DataLoader<string, Inspection> {
    return byIdLoader(loaders, 'alerts.inspectionById', Inspection, 'Inspection', scope);
  }

  /** Premises by id within `scope`. */
  premisesLoader(loaders: Loaders, scope: Scope): DataLoader<string, Premises> {
    return byIdLoader(loaders, 'alerts.premisesById', Premises, 'Premises', scope);
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
