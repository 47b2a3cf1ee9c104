import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import { subtreeOf } from '../bureaus/bureau-tree';
import { NotFound } from '../common/errors/domain-errors';
import { keyset } from '../common/pagination/connection';
import { cursorCodec } from '../common/pagination/cursor';
import { Scope, SqlParameters } from '../common/scope';
import type { Loaders } from '../graphql/loaders';
import {
  groupsSql,
  progressCtes,
  TOTALS_KEY,
  type ProgressSelection,
} from '../progress/progress.repository';
import { Clue, ClueKind, ClueLink, ClueStatus } from './clue.entity';

/** The work queue's cursor: (no due day, due day or received day, id). */
export const cluesCursor = cursorCodec(['optionalText', 'day', 'uuid']);

export interface ClueListFilter {
  bureauId?: string | null;
  statuses?: ClueStatus[] | null;
  kinds?: ClueKind[] | null;
  overdue?: boolean | null;
  sweepId?: string | null;
}

export type ClueOrderField = 'DUE_ON' | 'RECEIVED_ON';

/** A clue's counts in the progress figures, per (sweep, group). */
export interface ClueFiguresRow {
  sweep_id: string;
  kind: 'T' | 'C' | 'B' | 'S';
  key: string | null;
  clues_received: number;
  clues_closed: number;
}

/**
 * Every SQL statement on clues (投诉举报线索), their links and their number counters. Clues are
 * jurisdiction-bound by their handling bureau (`bureau_id`): every read takes the Scope.
 */
@Injectable()
export class CluesRepository {
  /** The next number of a bureau's year, counted out atomically (concurrent registrations queue). */
  async nextNumber(manager: EntityManager, bureauId: string, year: number): Promise<number> {
    const [row] = await manager.query<{ last: number }[]>(
      `INSERT INTO clue_number_counters (bureau_id, year, last) VALUES ($1, $2, 1)
       ON CONFLICT (bureau_id, year) DO UPDATE SET last = clue_number_counters.last + 1
       RETURNING last`,
      [bureauId, year],
    );
    return row.last;
  }

  async insert(manager: EntityManager, values: Partial<Clue>): Promise<string> {
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(Clue)
      .values(values)
      .returning('id')
      .execute();
    return (result.raw as { id: string }[])[0].id;
  }

  /** The clue inside the scope, locked for the move; else null. */
  lockInScope(manager: EntityManager, scope: Scope, id: string): Promise<Clue | null> {
    return scope
      .apply(manager.createQueryBuilder(Clue, 'c').where('c.id = :id', { id }), 'c.bureau_id')
      .setLock('pessimistic_write')
      .getOne();
  }

  /** The clue inside the scope; else null. */
  findInScope(manager: EntityManager, scope: Scope, id: string): Promise<Clue | null> {
    return scope
      .apply(manager.createQueryBuilder(Clue, 'c').where('c.id = :id', { id }), 'c.bureau_id')
      .getOne();
  }

  /** A move: the columns it sets, the version bumped. */
  async update(manager: EntityManager, id: string, columns: Partial<Clue>): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(Clue)
      .set({ ...columns, version: () => 'version + 1' })
      .where('id = :id', { id })
      .execute();
  }

  /** Stores the nearest open due day (derived data: no version bump). */
  async setDueOn(manager: EntityManager, id: string, dueOn: string | null): Promise<void> {
    await manager.query(`UPDATE clues SET due_on = $2 WHERE id = $1`, [id, dueOn]);
  }

  /** Open clues (a clock not met) received by `last` whose due day is on or after `first`, locked. */
  lockOpenThrough(manager: EntityManager, first: string, last: string): Promise<Clue[]> {
    return manager
      .createQueryBuilder(Clue, 'c')
      .where('c.due_on >= :first::date AND c.received_on <= :last::date', { first, last })
      .orderBy('c.id')
      .setLock('pessimistic_write')
      .getMany();
  }

  /** Links the clue to an inspection or a finding; false when that link exists already. */
  async link(
    manager: EntityManager,
    values: Pick<ClueLink, 'clueId' | 'inspectionId' | 'findingId' | 'linkedById'>,
  ): Promise<boolean> {
    const rows = await manager.query<{ id: string }[]>(
      `INSERT INTO clue_links (clue_id, inspection_id, finding_id, linked_by_id)
       VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING id`,
      [values.clueId, values.inspectionId, values.findingId, values.linkedById],
    );
    return rows.length === 1;
  }

  /**
   * One page of the work queue: clues of the scope matching the filter, by the nearest open due
   * day (clues with none last, so overdue ones come first ascending) or by the day received, ties
   * by id; with the count over all pages.
   */
  async page(
    manager: EntityManager,
    scope: Scope,
    filter: ClueListFilter,
    order: { field: ClueOrderField; direction: 'ASC' | 'DESC' },
    after: readonly [string | null, string, string] | null,
    backward: boolean,
    limit: number,
    today: string,
  ): Promise<{ rows: Clue[]; totalCount: number }> {
    const query = scope.apply(manager.createQueryBuilder(Clue, 'c'), 'c.bureau_id');
    if (filter.sweepId) query.andWhere('c.sweep_id = :sweepId', { sweepId: filter.sweepId });
    if (filter.bureauId)
      query.andWhere(`c.bureau_id IN ${subtreeOf(':bureauId')}`, { bureauId: filter.bureauId });
    if (filter.statuses?.length)
      query.andWhere('c.status IN (:...statuses)', { statuses: filter.statuses });
    if (filter.kinds?.length) query.andWhere('c.kind IN (:...kinds)', { kinds: filter.kinds });
    if (filter.overdue === true) query.andWhere('c.due_on < :today::date', { today });
    if (filter.overdue === false)
      query.andWhere('(c.due_on IS NULL OR c.due_on >= :today::date)', { today });
    const totalCount = await query.getCount();
    const descending = order.direction === 'DESC';
    const byDue = order.field === 'DUE_ON';
    const sorts = byDue
      ? ['(c.due_on IS NULL)', `coalesce(c.due_on, '9999-12-31'::date)`, 'c.id']
      : ['c.received_on', 'c.id'];
    const keys = keyset(
      sorts.map((sql, index) => ({ sql, descending: byDue && index === 0 ? false : descending })),
      backward,
    );
    if (after) {
      const [due, receivedOn, id] = after;
      query.andWhere(
        keys.after(
          byDue
            ? [':cursorNoDue::boolean', ':cursorDue::date', ':cursorId::uuid']
            : [':cursorReceived::date', ':cursorId::uuid'],
        ),
        {
          cursorNoDue: due === null,
          cursorDue: due ?? '9999-12-31',
          cursorReceived: receivedOn,
          cursorId: id,
        },
      );
    }
    query.orderBy(sorts[0], keys.directions[0]);
    sorts.slice(1).forEach((sql, index) => query.addOrderBy(sql, keys.directions[index + 1]));
    const rows = await query.limit(limit).getMany();
    return { rows, totalCount };
  }

  /** This request's loader of clues by id within the scope: one outside it is NOT_FOUND. */
  clueLoader(loaders: Loaders, scope: Scope): DataLoader<string, Clue> {
    return loaders.custom(
      `clues.byId:${scope.bureauIds?.join(',') ?? '*'}`,
      () =>
        new DataLoader<string, Clue>(async (ids) => {
          const rows = await loaders.read((manager) =>
            scope
              .apply(
                manager.createQueryBuilder(Clue, 'c').where('c.id = ANY(:ids)', { ids: [...ids] }),
                'c.bureau_id',
              )
              .getMany(),
          );
          const byId = new Map(rows.map((row) => [row.id, row]));
          return ids.map((id) => byId.get(id) ?? new NotFound('Clue', id));
        }),
    );
  }

  /**
   * This request's loader of the ids of the inspections (or findings) each clue led to, those in
   * the scope only (by the inspection's or finding's own bureau), in the order they were linked.
   */
  linkedIdsLoader(
    loaders: Loaders,
    scope: Scope,
    target: 'inspection' | 'finding',
  ): DataLoader<string, string[]> {
    const table = target === 'inspection' ? 'inspections' : 'findings';
    return loaders.custom(
      `clues.linked:${target}:${scope.bureauIds?.join(',') ?? '*'}`,
      () =>
        new DataLoader<string, string[]>(async (clueIds) => {
          const params = new SqlParameters([...clueIds]);
          const rows = await loaders.read((manager) =>
            manager.query<{ clue_id: string; id: string }[]>(
              `SELECT l.clue_id, t.id FROM clue_links l JOIN ${table} t ON t.id = l.${target}_id
               WHERE l.clue_id = ANY($1::uuid[]) AND ${scope.sql('t.bureau_id', params)}
               ORDER BY l.linked_at, l.id`,
              params.values,
            ),
          );
          return clueIds.map((id) => rows.filter((row) => row.clue_id === id).map((row) => row.id));
        }),
    );
  }

  /** This request's loader of the ids of the clues linked to each inspection, within the scope. */
  clueIdsOfInspectionLoader(loaders: Loaders, scope: Scope): DataLoader<string, string[]> {
    return loaders.custom(
      `clues.ofInspection:${scope.bureauIds?.join(',') ?? '*'}`,
      () =>
        new DataLoader<string, string[]>(async (inspectionIds) => {
          const params = new SqlParameters([...inspectionIds]);
          const rows = await loaders.read((manager) =>
            manager.query<{ inspection_id: string; id: string }[]>(
              `SELECT l.inspection_id, c.id FROM clue_links l JOIN clues c ON c.id = l.clue_id
               WHERE l.inspection_id = ANY($1::uuid[]) AND ${scope.sql('c.bureau_id', params)}
               ORDER BY c.received_on, c.id`,
              params.values,
            ),
          );
          return inspectionIds.map((id) =>
            rows.filter((row) => row.inspection_id === id).map((row) => row.id),
          );
        }),
    );
  }

  /**
   * 受理投诉举报 and 办结 of the selected sweeps for every group a progress request lists (the
   * totals, each bureau subtree in scope, each bureau's own row, each category), in one read of
   * the clues table with the progress statement's own scope, categories and groups.
   */
  figures(
    manager: EntityManager,
    scope: Scope,
    selection: ProgressSelection,
  ): Promise<ClueFiguresRow[]> {
    const ctes = progressCtes(scope, selection);
    const sql = this.clueFiguresSql({
      sweeps: ctes.sweeps,
      from: ctes.params.add(selection.from, 'date'),
      to: ctes.params.add(selection.to, 'date'),
      asOf: ctes.asOf(),
      everyCategory: ctes.params.add(selection.categoryIds === null, 'boolean'),
    });
    return manager.query<ClueFiguresRow[]>(
      `${ctes.sql},
      ${groupsSql()},
      ${sql}`,
      ctes.params.values,
    );
  }

  /**
   * The progress figures of clues (受理投诉举报、办结) for the groups of a progress statement: given
   * its common table expressions (`scope`, `cats`, `groups`; see ProgressRepository), one read of
   * the clues table grouped by (sweep, group). As of day D (`asOf$`), within from/to by the day
   * received: a complaint counts as received (受理) once accepted by D; a report once received by D,
   * unless transferred to another authority by D; closed (办结) = those counted and closed by D.
   * A clue counts in its handling bureau's rows and, when it has one, its category's row.
   */
  private clueFiguresSql(placeholders: {
    sweeps: string;
    from: string;
    to: string;
    asOf: string;
    /** A boolean: no category filter, so clues without a category count too. */
    everyCategory: string;
  }): string {
    const { sweeps: sweeps$, from: from$, to: to$, asOf: asOf$, everyCategory } = placeholders;
    return `clue_facts AS (
        SELECT c.sweep_id, c.bureau_id, c.category_id, c.id,
          (c.closed_on IS NOT NULL AND c.closed_on <= ${asOf$}) AS closed
        FROM clues c
        WHERE c.sweep_id = ANY(${sweeps$}) AND c.bureau_id IN (SELECT id FROM scope)
          AND (c.category_id IS NULL AND ${everyCategory}
            OR (c.sweep_id, c.category_id) IN (SELECT sweep_id, id FROM cats))
          AND c.received_on <= ${asOf$}
          AND (${from$} IS NULL OR c.received_on >= ${from$})
          AND (${to$} IS NULL OR c.received_on <= ${to$})
          AND CASE c.kind
            WHEN 'COMPLAINT' THEN c.accepted_on IS NOT NULL AND c.accepted_on <= ${asOf$}
            ELSE c.transferred_on IS NULL OR c.transferred_on > ${asOf$} END
      ),
      clue_grouped AS (
        SELECT x.*, g.kind, g.key FROM clue_facts x JOIN groups g ON g.bureau_id = x.bureau_id
        UNION ALL SELECT x.*, 'C', x.category_id FROM clue_facts x WHERE x.category_id IS NOT NULL
      )
      SELECT sweep_id, kind, nullif(key, ${TOTALS_KEY}) AS key, count(*)::int AS clues_received,
        count(*) FILTER (WHERE closed)::int AS clues_closed
      FROM clue_grouped GROUP BY sweep_id, kind, key`;
  }
}
