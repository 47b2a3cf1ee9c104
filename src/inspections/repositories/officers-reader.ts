import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import type { Loaders } from '../../graphql/loaders';
import { Officer } from '../../officers/officer.entity';

/**
 * The reads of officers (执法人员) the inspections area needs. TO BE FOLDED into OfficersRepository
 * (src/officers) at merge: `activityByIds(manager, ids)` for the two-officer rule, and its
 * request loader of officers by id.
 */
@Injectable()
export class OfficersReader {
  /** Whether each officer found is active, by id; ids not found are absent. */
  async activityByIds(
    manager: EntityManager,
    ids: readonly string[],
  ): Promise<Map<string, boolean>> {
    if (ids.length === 0) return new Map();
    const rows = await manager.query<{ id: string; active: boolean }[]>(
      `SELECT id, active FROM officers WHERE id = ANY($1::uuid[])`,
      [[...ids]],
    );
    return new Map(rows.map((row) => [row.id, row.active]));
  }

  /** This request's loader of officers by id (officers are not jurisdiction-bound); null if none. */
  officerLoader(loaders: Loaders): DataLoader<string, Officer | null> {
    return loaders.custom(
      'inspections.officerById',
      () =>
        new DataLoader<string, Officer | null>(async (ids) => {
          const rows = await loaders.read((manager) =>
            manager
              .createQueryBuilder(Officer, 'o')
              .where('o.id = ANY(:ids)', { ids: [...ids] })
              .getMany(),
          );
          const byId = new Map(rows.map((row) => [row.id, row]));
          return ids.map((id) => byId.get(id) ?? null);
        }),
    );
  }
}
