import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import { NotFound } from '../../common/errors/domain-errors';
import type { Scope } from '../../common/scope';
import type { Loaders } from '../../graphql/loaders';
import { Premises } from '../../premises/premises.entity';

/**
 * The reads of premises (市场主体) the inspections area needs, scoped by the premises' current
 * bureau. TO BE FOLDED into PremisesRepository (src/premises/premises.repository.ts) at merge:
 * `byIds` is its scoped premises-by-ids read, `premisesLoader` its request loader.
 */
@Injectable()
export class PremisesReader {
  /** The premises of these ids inside the scope (by their bureau now), in no particular order. */
  byIds(manager: EntityManager, scope: Scope, ids: readonly string[]): Promise<Premises[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return scope
      .apply(
        manager.createQueryBuilder(Premises, 'p').where('p.id = ANY(:ids)', { ids: [...ids] }),
        'p.bureau_id',
      )
      .getMany();
  }

  /**
   * This request's loader of premises by id within the scope: a premises outside it (one moved
   * to another bureau since it was inspected) is NOT_FOUND.
   */
  premisesLoader(loaders: Loaders, scope: Scope): DataLoader<string, Premises> {
    return loaders.custom(
      'inspections.premisesById',
      () =>
        new DataLoader<string, Premises>(async (ids) => {
          const rows = await loaders.read((manager) => this.byIds(manager, scope, ids));
          const byId = new Map(rows.map((row) => [row.id, row]));
          return ids.map((id) => byId.get(id) ?? new NotFound('Premises', id));
        }),
    );
  }
}
