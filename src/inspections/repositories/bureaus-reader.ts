import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { Bureau } from '../../bureaus/bureau.entity';
import type { Loaders } from '../../graphql/loaders';

/**
 * The read of bureaus (执法单位) the inspections area needs. TO BE FOLDED into the bureaus'
 * repository (src/bureaus) at merge: its request loader of bureaus by id.
 */
@Injectable()
export class BureausReader {
  /** This request's loader of bureaus by id (the tree is known to every officer); null if none. */
  bureauLoader(loaders: Loaders): DataLoader<string, Bureau | null> {
    return loaders.custom(
      'inspections.bureauById',
      () =>
        new DataLoader<string, Bureau | null>(async (ids) => {
          const rows = await loaders.read((manager) =>
            manager
              .createQueryBuilder(Bureau, 'b')
              .where('b.id = ANY(:ids)', { ids: [...ids] })
              .getMany(),
          );
          const byId = new Map(rows.map((row) => [row.id, row]));
          return ids.map((id) => byId.get(id) ?? null);
        }),
    );
  }
}
