import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import { NotFound } from '../../common/errors/domain-errors';
import type { Loaders } from '../../graphql/loaders';

/**
 * A by-id DataLoader over `fetch` (one query per batch): each id loads as its row, or as
 * NOT_FOUND of `entity` when `fetch` did not return it (unknown, or outside the scope `fetch`
 * applied).
 */
export function byIdLoader<T extends { id: string }>(
  loaders: Loaders,
  entity: string,
  fetch: (manager: EntityManager, ids: string[]) => Promise<T[]>,
): DataLoader<string, T> {
  return new DataLoader<string, T>(async (ids) => {
    const rows = await loaders.read((manager) => fetch(manager, [...ids]));
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? new NotFound(entity, id));
  });
}
