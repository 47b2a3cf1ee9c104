import { Injectable } from '@nestjs/common';
import type DataLoader from 'dataloader';
import { In, type EntityManager } from 'typeorm';
import type { Loaders } from '../../graphql/loaders';
import { Officer } from '../../officers/officer.entity';
import { byIdLoader } from './by-id-loader';

/**
 * TRANSITIONAL reads of officers (执法人员) that selection and follow-ups need, until they are
 * folded into the officers area's repository (OfficersRepository.activityByIds).
 */
@Injectable()
export class OfficerReadsRepository {
  /** Each officer of `ids` that exists, with whether it is active: what `twoOfficersProblem` takes. */
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

  /** Officers by id for this request; an unknown id loads as NOT_FOUND. */
  loader(loaders: Loaders): DataLoader<string, Officer> {
    return loaders.custom('reads.officer', () =>
      byIdLoader(loaders, 'Officer', (manager, ids) => manager.findBy(Officer, { id: In(ids) })),
    );
  }
}
