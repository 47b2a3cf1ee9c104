import { Injectable } from '@nestjs/common';
import { keyset } from '../common/pagination/connection';
import DataLoader from 'dataloader';
import { In, type EntityManager } from 'typeorm';
import { ancestryOf } from '../bureaus/bureau-tree';
import { NotFound } from '../common/errors/domain-errors';
import type { SqlParameters } from '../common/scope';
import { hydrate } from '../database/hydrate';
import { ExposedProduct } from '../exposures/exposed-product.entity';
import { cursorCodec } from '../common/pagination/cursor';
import { groupBy, type Loaders } from '../graphql/loaders';
import { SweepAssignment } from './sweep-assignment.entity';
import { Sweep, type SweepStatus } from './sweep.entity';

/**
 * How a write holds a sweep (专项整治行动) while it works under it: `share` for records written
 * under the sweep (an inspection, a finding, a plan) so that it cannot change status meanwhile;
 * `update` for a change of the sweep itself (activate, close, assign), which waits for those.
 */
export type SweepLock = 'share' | 'update';

/** The cursor of the sweeps list: its sort key (start date, id), newest first. */
export const sweepCursor = cursorCodec(['day', 'uuid']);

/** What the sweeps list filters by. */
export interface SweepListFilter {
  status?: SweepStatus | null;
  exposureId?: string | null;
  /** Only sweeps with an assignment to this bureau or one of its ancestors. */
  assignedAboveOrTo?: string | null;
}

/** The fields of a new sweep. */
export type NewSweep = Pick<
  Sweep,
  | 'code'
  | 'title'
  | 'directive'
  | 'leadBureauId'
  | 'status'
  | 'startDate'
  | 'endDate'
  | 'createdById'
>;

/** An assignment (任务分配) as it is written. */
export type AssignmentRow = Pick<SweepAssignment, 'bureauId' | 'categoryId' | 'target'>;

/**
 * Every SQL statement on sweeps and their assignments, categories and exposures. Sweeps are
 * city-wide campaigns, not bound to a jurisdiction: no method takes a Scope.
 */
@Injectable()
export class SweepsRepository {
  /** The sweep, locked for the rest of the transaction, or null. The one way to lock a sweep. */
  lock(manager: EntityManager, id: string, mode: SweepLock): Promise<Sweep | null> {
    return manager
      .createQueryBuilder(Sweep, 's')
      .where('s.id = :id', { id })
      .setLock(mode === 'share' ? 'pessimistic_read' : 'pessimistic_write')
      .getOne();
  }

  /**
   * `lock`, with more read in the same statement (issue 15: one round trip where a write needs
   * several things checked under the lock). `params` holds the sweep's id as `$1`; each entry of
   * `alongside` is an SQL expression over the sweep `s` (a scalar subquery, with its placeholders
   * added to `params`) whose value comes back under the entry's name. Null when there is no such
   * sweep.
   */
  async lockWith<K extends string>(
    manager: EntityManager,
    params: SqlParameters,
    mode: SweepLock,
    alongside: Record<K, string>,
  ): Promise<{ sweep: Sweep; alongside: Record<K, unknown> } | null> {
    const names = Object.keys(alongside) as K[];
    const columns = names.map((name) => `${alongside[name]} AS "alongside_${name}"`);
    const [row] = await manager.query<Record<string, unknown>[]>(
      `SELECT s.*, ${columns.join(', ')} FROM sweeps s WHERE s.id = $1::uuid
        FOR ${mode === 'share' ? 'SHARE' : 'UPDATE'} OF s`,
      params.values,
    );
    if (!row) return null;
    const values = Object.fromEntries(names.map((name) => [name, row[`alongside_${name}`]]));
    return { sweep: hydrate(manager, Sweep, row), alongside: values as Record<K, unknown> };
  }

  /** The sweep, or null. */
  byId(manager: EntityManager, id: string): Promise<Sweep | null> {
    return manager.findOneBy(Sweep, { id });
  }

  /** Writes a new sweep with its exposures and categories. */
  async insert(
    manager: EntityManager,
    values: NewSweep,
    exposureIds: readonly string[],
    categoryIds: readonly string[],
  ): Promise<Sweep> {
    const sweep = await manager.save(
      manager.create(Sweep, { ...values, categoryOrder: [...categoryIds] }),
    );
    const relation = (name: 'exposures' | 'categories') =>
      manager.createQueryBuilder().relation(Sweep, name).of(sweep.id);
    await relation('exposures').add([...exposureIds]);
    await relation('categories').add([...categoryIds]);
    return sweep;
  }

  /**
   * One page of sweeps, newest start date first (keyset on start date and id), with how many match
   * over all pages. `after` is a decoded `sweepCursor`; fetches `limit` rows.
   */
  async page(
    manager: EntityManager,
    filter: SweepListFilter,
    cursor: readonly [string, string] | null,
    limit: number,
    backward = false,
  ): Promise<{ rows: Sweep[]; totalCount: number }> {
    const query = manager.createQueryBuilder(Sweep, 's');
    if (filter.status) query.andWhere('s.status = :status', { status: filter.status });
    if (filter.exposureId)
      query.andWhere(
        'EXISTS (SELECT 1 FROM sweep_exposures se WHERE se.sweep_id = s.id AND se.exposure_id = :exposureId)',
        { exposureId: filter.exposureId },
      );
    if (filter.assignedAboveOrTo)
      query.andWhere(
        `EXISTS (SELECT 1 FROM sweep_assignments sa
                  WHERE sa.sweep_id = s.id AND sa.bureau_id IN ${ancestryOf(':assignedBureauId')})`,
        { assignedBureauId: filter.assignedAboveOrTo },
      );
    const totalCount = await query.getCount();
    // Newest start date first, then id descending; backwards in the reverse order.
    const keys = keyset(
      [
        { sql: 's.start_date', descending: true },
        { sql: 's.id', descending: true },
      ],
      backward,
    );
    if (cursor) {
      const [startDate, id] = cursor;
      query.andWhere(keys.after([':startDate::date', ':id::uuid']), { startDate, id });
    }
    const rows = await query
      .orderBy('s.start_date', keys.directions[0])
      .addOrderBy('s.id', keys.directions[1])
      .limit(limit)
      .getMany();
    return { rows, totalCount };
  }

  /** Ids of the target categories the sweep covers. */
  async categoryIdsOf(manager: EntityManager, sweepId: string): Promise<string[]> {
    return (await this.categoryIdsOfSweeps(manager, [sweepId])).get(sweepId) ?? [];
  }

  /**
   * The category ids of each sweep found, in the order the sweep lists them (categories missing
   * from that order, by id, after them); unknown sweeps are absent from the map.
   */
  async categoryIdsOfSweeps(
    manager: EntityManager,
    sweepIds: readonly string[],
  ): Promise<Map<string, string[]>> {
    const rows = await manager.query<{ id: string; category_ids: string[] | null }[]>(
      `SELECT s.id, (
         SELECT array_agg(sc.category_id
           ORDER BY array_position(s.category_order, sc.category_id), sc.category_id)
         FROM sweep_categories sc WHERE sc.sweep_id = s.id
       ) AS category_ids
       FROM sweeps s WHERE s.id = ANY($1::uuid[])`,
      [[...sweepIds]],
    );
    return new Map(rows.map((row) => [row.id, row.category_ids ?? []]));
  }

  /** Whether the sweep covers the target category. */
  async categoryInSweep(
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

  /** The ids of the sweep `sweepId$`'s target categories as a uuid[], inside a larger statement. */
  categoryIdsSql(sweepId$: string): string {
    return `ARRAY(SELECT sc.category_id FROM sweep_categories sc WHERE sc.sweep_id = ${sweepId$})`;
  }

  /**
   * Those of the products `productIds$` (a uuid[] placeholder) that are products of an exposure
   * that triggered the sweep `sweepId$` (all of them when the boolean `all$` holds), inside a
   * larger statement: a JSON array of rows for `hydrate(…, ExposedProduct, row, true)`.
   */
  exposedProductsOfSweepJsonSql(sweepId$: string, productIds$: string, all$?: string): string {
    const which = all$ ? `(${all$} OR ep.id = ANY(${productIds$}))` : `ep.id = ANY(${productIds$})`;
    return `(SELECT coalesce(jsonb_agg(to_jsonb(ep) ORDER BY ep.id), '[]'::jsonb) FROM exposed_products ep
               JOIN sweep_exposures se ON se.exposure_id = ep.exposure_id
              WHERE se.sweep_id = ${sweepId$} AND ${which})`;
  }

  /**
   * Every product of the exposures that triggered the sweep (a few), for matching a product lot
   * against them (src/products, lotMatches), in a stable order.
   */
  allExposedProductsOfSweep(manager: EntityManager, sweepId: string): Promise<ExposedProduct[]> {
    return manager
      .createQueryBuilder(ExposedProduct, 'ep')
      .innerJoin('sweep_exposures', 'se', 'se.exposure_id = ep.exposure_id')
      .where('se.sweep_id = :sweepId', { sweepId })
      .orderBy('ep.id')
      .getMany();
  }

  /** Those of `productIds` that are products of an exposure that triggered the sweep. */
  async exposedProductsOfSweep(
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

  /** Whether the sweep has at least one assignment. */
  hasAssignments(manager: EntityManager, sweepId: string): Promise<boolean> {
    return manager.existsBy(SweepAssignment, { sweepId });
  }

  /** Replaces the sweep's assignments as a whole; returns them before and after. */
  async replaceAssignments(
    manager: EntityManager,
    sweepId: string,
    rows: readonly AssignmentRow[],
  ): Promise<{ before: SweepAssignment[]; after: SweepAssignment[] }> {
    const before = await manager.findBy(SweepAssignment, { sweepId });
    await manager.delete(SweepAssignment, { sweepId });
    const after = rows.length
      ? await manager.save(rows.map((row) => manager.create(SweepAssignment, { ...row, sweepId })))
      : [];
    return { before, after };
  }

  /** DRAFT → ACTIVE, as the service decided. */
  async markActive(manager: EntityManager, id: string, activatedAt: Date): Promise<void> {
    await manager.update(Sweep, id, { status: 'ACTIVE', activatedAt });
  }

  async setEndDate(manager: EntityManager, id: string, endDate: string): Promise<void> {
    await manager.update(Sweep, id, { endDate });
  }

  /**
   * ACTIVE → CLOSED now, as the closing service decided (progress area: closeSweep); returns the
   * sweep as it is then.
   */
  async markClosed(manager: EntityManager, id: string): Promise<Sweep> {
    await manager.query(`UPDATE sweeps SET status = 'CLOSED', closed_at = now() WHERE id = $1`, [
      id,
    ]);
    return manager.findOneByOrFail(Sweep, { id });
  }

  /** The id of the sweep of this code, or null. For the demo seed (a system job). */
  async idByCodeForSystem(manager: EntityManager, code: string): Promise<string | null> {
    const [row] = await manager.query<{ id: string }[]>(`SELECT id FROM sweeps WHERE code = $1`, [
      code,
    ]);
    return row?.id ?? null;
  }

  /**
   * The source and title of the exposures (曝光事件) that triggered the sweep, oldest first (the
   * progress summary). One statement joining sweep_exposures to the exposures they name.
   */
  exposuresOf(
    manager: EntityManager,
    sweepId: string,
  ): Promise<{ source: string; title: string }[]> {
    return manager.query<{ source: string; title: string }[]>(
      `SELECT e.source, e.title FROM exposures e JOIN sweep_exposures se ON se.exposure_id = e.id
       WHERE se.sweep_id = $1 ORDER BY e.exposed_on, e.created_at, e.id`,
      [sweepId],
    );
  }

  /** Sweeps by id for this request; an unknown id loads as NOT_FOUND. */
  sweepLoader(loaders: Loaders): DataLoader<string, Sweep> {
    return loaders.custom(
      'sweeps.sweep',
      () =>
        new DataLoader<string, Sweep>(async (ids) => {
          const rows = await loaders.read((manager) => manager.findBy(Sweep, { id: In([...ids]) }));
          const byId = new Map(rows.map((row) => [row.id, row]));
          return ids.map((id) => byId.get(id) ?? new NotFound('Sweep', id));
        }),
    );
  }

  /** Ids of the target categories of sweeps, for this request. */
  categoryIdsLoader(loaders: Loaders): DataLoader<string, string[]> {
    return loaders.custom('sweeps.categoryIds', () =>
      joinLoader(loaders, 'sweep_categories', 'category_id'),
    );
  }

  /** Ids of the exposures that triggered sweeps, for this request. */
  exposureIdsLoader(loaders: Loaders): DataLoader<string, string[]> {
    return loaders.custom('sweeps.exposureIds', () =>
      joinLoader(loaders, 'sweep_exposures', 'exposure_id'),
    );
  }

  /** Ids of the sweeps each exposure triggered, for this request (exposures area: Exposure.sweeps). */
  sweepIdsByExposureLoader(loaders: Loaders): DataLoader<string, string[]> {
    return loaders.custom(
      'sweeps.idsByExposure',
      () =>
        new DataLoader<string, string[]>(async (exposureIds) => {
          const rows = await loaders.read((manager) =>
            manager.query<{ exposure_id: string; sweep_id: string }[]>(
              `SELECT exposure_id, sweep_id FROM sweep_exposures WHERE exposure_id = ANY($1::uuid[])`,
              [[...exposureIds]],
            ),
          );
          return groupBy(exposureIds, rows, (row) => row.exposure_id).map((group) =>
            group.map((row) => row.sweep_id),
          );
        }),
    );
  }

  /** Assignments of sweeps by bureau code then category, for this request. */
  assignmentsLoader(loaders: Loaders): DataLoader<string, SweepAssignment[]> {
    return loaders.custom(
      'sweeps.assignments',
      () =>
        new DataLoader<string, SweepAssignment[]>(async (ids) => {
          const rows = await loaders.read((manager) =>
            manager
              .createQueryBuilder(SweepAssignment, 'a')
              .innerJoin('bureaus', 'b', 'b.id = a.bureau_id')
              .where({ sweepId: In([...ids]) })
              .orderBy('b.code')
              .addOrderBy('a.category_id')
              .getMany(),
          );
          return groupBy(ids, rows, (row) => row.sweepId);
        }),
    );
  }
}

/** From sweep ids to the other column of a join table of sweeps: one query per batch. */
function joinLoader(
  loaders: Loaders,
  table: 'sweep_categories' | 'sweep_exposures',
  column: 'category_id' | 'exposure_id',
): DataLoader<string, string[]> {
  return new DataLoader<string, string[]>(async (ids) => {
    const rows = await loaders.read((manager) =>
      manager.query<{ sweep_id: string; other_id: string }[]>(
        `SELECT sweep_id, ${column} AS other_id FROM ${table} WHERE sweep_id = ANY($1::uuid[])`,
        [[...ids]],
      ),
    );
    return groupBy(ids, rows, (row) => row.sweep_id).map((group) =>
      group.map((row) => row.other_id),
    );
  });
}
