import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { In } from 'typeorm';
import { groupBy, type Loaders } from '../graphql/loaders';
import { Sweep } from '../sweeps/sweep.entity';

/**
 * The sweeps (专项整治行动) each exposure triggered, read from the sweeps area's tables (sweeps,
 * sweep_exposures) because SweepsRepository has no such read in this branch yet: move it there
 * once it has. Sweeps are city-wide records: no scope.
 */
@Injectable()
export class ExposureSweepsRepository {
  /** The sweeps of each exposure, newest start date first, then by id descending. */
  sweepsLoader(loaders: Loaders): DataLoader<string, Sweep[]> {
    return loaders.custom(
      'exposures.sweepsByExposure',
      () =>
        new DataLoader<string, Sweep[]>(async (exposureIds) => {
          const { links, sweeps } = await loaders.read(async (manager) => {
            const links = await manager.query<{ exposure_id: string; sweep_id: string }[]>(
              `SELECT exposure_id, sweep_id FROM sweep_exposures WHERE exposure_id = ANY($1::uuid[])`,
              [[...exposureIds]],
            );
            const sweepIds = [...new Set(links.map((link) => link.sweep_id))];
            const sweeps = sweepIds.length ? await manager.findBy(Sweep, { id: In(sweepIds) }) : [];
            return { links, sweeps };
          });
          const byId = new Map(sweeps.map((sweep) => [sweep.id, sweep]));
          return groupBy(exposureIds, links, (link) => link.exposure_id).map((group) =>
            group
              .map((link) => byId.get(link.sweep_id))
              .filter((sweep): sweep is Sweep => sweep !== undefined)
              .sort((a, b) => b.startDate.localeCompare(a.startDate) || b.id.localeCompare(a.id)),
          );
        }),
    );
  }
}
