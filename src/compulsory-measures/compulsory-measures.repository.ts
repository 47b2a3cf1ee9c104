import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import { subtreeOf } from '../bureaus/bureau-tree';
import { NotFound } from '../common/errors/domain-errors';
import { keyset } from '../common/pagination/connection';
import { cursorCodec } from '../common/pagination/cursor';
import type { Scope } from '../common/scope';
import { groupBy, type Loaders } from '../graphql/loaders';
import { Finding } from '../inspections/finding.entity';
import { groupsSql, groupedSql, progressCtes, TOTALS_KEY } from '../progress/progress.repository';
import type { ProgressSelection } from '../progress/progress.repository';
import { CompulsoryMeasureItem } from './compulsory-measure-item.entity';
import {
  CompulsoryMeasure,
  type MeasureKind,
  type MeasureStatus,
} from './compulsory-measure.entity';
import { MeasureSuspension } from './measure-suspension.entity';
import { inForceSql } from './workflow';

/** The cursor of the measures queue: (the sort day, id). */
export const measuresCursor = cursorCodec(['day', 'uuid']);

export interface MeasureListFilter {
  sweepId?: string | null;
  bureauId?: string | null;
  statuses?: MeasureStatus[] | null;
  kind?: MeasureKind | null;
  overdue?: boolean | null;
}

export type MeasureOrderField = 'DUE_ON' | 'DECIDED_ON';

/** The measures' figures of one group of one sweep (progress rows T, C, B, S). */
export interface MeasureFiguresRow {
  sweep_id: string;
  kind: 'T' | 'C' | 'B' | 'S';
  key: string | null;
  measures: number;
  value: string;
}

/** Overdue in SQL: in force, its clock running (no test under way) and today after its due day. */
const OVERDUE = `(${inForceSql('m')} AND m.suspended_from IS NULL AND m.due_on < :today::date)`;

/**
 * Every SQL statement on compulsory measures (查封、扣押): `compulsory_measures`, their lists
 * `compulsory_measure_items` and their excluded periods `compulsory_measure_suspensions`. A
 * measure is jurisdiction-bound by its `bureau_id` (the premises' bureau, copied from its
 * finding); every read for a request takes a Scope.
 */
@Injectable()
export class CompulsoryMeasuresRepository {
  /** The measure within the scope, locked FOR UPDATE for a move; else null. */
  lockInScope(manager: EntityManager, scope: Scope, id: string): Promise<CompulsoryMeasure | null> {
    return scope
      .apply(
        manager.createQueryBuilder(CompulsoryMeasure, 'm').where('m.id = :id', { id }),
        'm.bureau_id',
      )
      .setLock('pessimistic_write')
      .getOne();
  }

  findInScope(manager: EntityManager, scope: Scope, id: string): Promise<CompulsoryMeasure | null> {
    return scope
      .apply(
        manager.createQueryBuilder(CompulsoryMeasure, 'm').where('m.id = :id', { id }),
        'm.bureau_id',
      )
      .getOne();
  }

  /** Whether the measure exists inside the scope (the audit trail's check). */
  existsInScope(manager: EntityManager, scope: Scope, id: string): Promise<boolean> {
    return scope
      .apply(
        manager.createQueryBuilder(CompulsoryMeasure, 'm').where('m.id = :id', { id }),
        'm.bureau_id',
      )
      .getExists();
  }

  /** Whether a decision number is taken, city-wide (决定书文号 are unique). */
  decisionNumberTaken(manager: EntityManager, decisionNumber: string): Promise<boolean> {
    return manager
      .createQueryBuilder(CompulsoryMeasure, 'm')
      .where('m.decision_number = :decisionNumber', { decisionNumber })
      .getExists();
  }

  async insert(
    manager: EntityManager,
    row: Partial<CompulsoryMeasure>,
    items: Omit<CompulsoryMeasureItem, 'id' | 'measureId'>[],
  ): Promise<string> {
    const result = await manager.insert(CompulsoryMeasure, row);
    const id = (result.identifiers[0] as { id: string }).id;
    await manager.insert(
      CompulsoryMeasureItem,
      items.map((item) => ({ ...item, measureId: id })),
    );
    return id;
  }

  /** Sets columns of a measure and bumps its version (the caller holds its lock). */
  async update(
    manager: EntityManager,
    id: string,
    columns: Partial<CompulsoryMeasure>,
  ): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(CompulsoryMeasure)
      .set({ ...columns, version: () => 'version + 1' })
      .where('id = :id', { id })
      .execute();
  }

  /** Stores the clock's due day (derived: no version bump). */
  async setDueOn(manager: EntityManager, id: string, dueOn: string): Promise<void> {
    await manager.query(`UPDATE compulsory_measures SET due_on = $2 WHERE id = $1`, [id, dueOn]);
  }

  /** Measures in force whose stored due day falls on or after `first`, decided by `last`. */
  openDueBetweenUnscoped(
    manager: EntityManager,
    first: string,
    last: string,
  ): Promise<CompulsoryMeasure[]> {
    return manager
      .createQueryBuilder(CompulsoryMeasure, 'm')
      .where(inForceSql('m'))
      .andWhere('m.due_on >= :first::date AND m.decided_on <= :last::date', { first, last })
      .orderBy('m.id')
      .setLock('pessimistic_write')
      .getMany();
  }

  /** The suspensions of these measures, oldest first, by measure: one statement. */
  async suspensionsOfMeasures(
    manager: EntityManager,
    measureIds: readonly string[],
  ): Promise<MeasureSuspension[][]> {
    const rows = await manager
      .createQueryBuilder(MeasureSuspension, 's')
      .where('s.measure_id = ANY(:measureIds)', { measureIds: [...measureIds] })
      .orderBy('s.from')
      .addOrderBy('s.recorded_at')
      .getMany();
    return groupBy(measureIds, rows, (row) => row.measureId);
  }

  suspensionsOf(manager: EntityManager, measureId: string): Promise<MeasureSuspension[]> {
    return manager.find(MeasureSuspension, {
      where: { measureId },
      order: { from: 'ASC', recordedAt: 'ASC' },
    });
  }

  async insertSuspension(manager: EntityManager, row: Partial<MeasureSuspension>): Promise<void> {
    await manager.insert(MeasureSuspension, row);
  }

  async endSuspension(manager: EntityManager, id: string, to: string): Promise<void> {
    await manager.update(MeasureSuspension, { id }, { to });
  }

  /**
   * One page of the measures of the scope matching the filter (the work queue), ordered by due day
   * or decided day, ties by id; with the count over all pages.
   */
  async page(
    manager: EntityManager,
    scope: Scope,
    filter: MeasureListFilter,
    order: { field: MeasureOrderField; direction: 'ASC' | 'DESC' },
    after: readonly [string, string] | null,
    backward: boolean,
    limit: number,
    today: string,
  ): Promise<{ rows: CompulsoryMeasure[]; totalCount: number }> {
    const query = scope.apply(manager.createQueryBuilder(CompulsoryMeasure, 'm'), 'm.bureau_id');
    if (filter.sweepId) query.andWhere('m.sweep_id = :sweepId', { sweepId: filter.sweepId });
    if (filter.bureauId)
      query.andWhere(`m.bureau_id IN ${subtreeOf(':bureauId')}`, { bureauId: filter.bureauId });
    if (filter.statuses?.length)
      query.andWhere('m.status IN (:...statuses)', { statuses: filter.statuses });
    if (filter.kind) query.andWhere('m.kind = :kind', { kind: filter.kind });
    if (filter.overdue === true) query.andWhere(OVERDUE, { today });
    if (filter.overdue === false) query.andWhere(`NOT ${OVERDUE}`, { today });
    const totalCount = await query.getCount();
    const column = order.field === 'DUE_ON' ? 'm.due_on' : 'm.decided_on';
    const descending = order.direction === 'DESC';
    const keys = keyset(
      [
        { sql: column, descending },
        { sql: 'm.id', descending },
      ],
      backward,
    );
    if (after)
      query.andWhere(keys.after([':cursorDay::date', ':cursorId::uuid']), {
        cursorDay: after[0],
        cursorId: after[1],
      });
    query.orderBy(column, keys.directions[0]).addOrderBy('m.id', keys.directions[1]);
    const rows = await query.limit(limit).getMany();
    return { rows, totalCount };
  }

  /** This request's loader of measures by id within the scope: one outside it is NOT_FOUND. */
  measureLoader(loaders: Loaders, scope: Scope): DataLoader<string, CompulsoryMeasure> {
    return loaders.custom(
      `measures.byId:${scope.bureauIds?.join(',') ?? '*'}`,
      () =>
        new DataLoader<string, CompulsoryMeasure>(async (ids) => {
          const rows = await loaders.read((manager) =>
            scope
              .apply(
                manager
                  .createQueryBuilder(CompulsoryMeasure, 'm')
                  .where('m.id = ANY(:ids)', { ids: [...ids] }),
                'm.bureau_id',
              )
              .getMany(),
          );
          const byId = new Map(rows.map((row) => [row.id, row]));
          return ids.map((id) => byId.get(id) ?? new NotFound('CompulsoryMeasure', id));
        }),
    );
  }

  /** This request's loader of each finding's measures within the scope, oldest decision first. */
  byFindingLoader(loaders: Loaders, scope: Scope): DataLoader<string, CompulsoryMeasure[]> {
    return loaders.custom(
      `measures.byFinding:${scope.bureauIds?.join(',') ?? '*'}`,
      () =>
        new DataLoader<string, CompulsoryMeasure[]>(async (findingIds) => {
          const rows = await loaders.read((manager) =>
            scope
              .apply(
                manager
                  .createQueryBuilder(CompulsoryMeasure, 'm')
                  .where('m.finding_id = ANY(:findingIds)', { findingIds: [...findingIds] }),
                'm.bureau_id',
              )
              .orderBy('m.decided_on')
              .addOrderBy('m.id')
              .getMany(),
          );
          return groupBy(findingIds, rows, (row) => row.findingId);
        }),
    );
  }

  /** This request's loader of the measures on each case's findings within the scope. */
  byCaseLoader(loaders: Loaders, scope: Scope): DataLoader<string, CompulsoryMeasure[]> {
    return loaders.custom(
      `measures.byCase:${scope.bureauIds?.join(',') ?? '*'}`,
      () =>
        new DataLoader<string, CompulsoryMeasure[]>(async (caseIds) => {
          const rows = await loaders.read((manager) =>
            scope
              .apply(
                manager
                  .createQueryBuilder(CompulsoryMeasure, 'm')
                  .innerJoin(Finding, 'f', 'f.id = m.finding_id')
                  .addSelect('f.case_id', 'case_id')
                  .where('f.case_id = ANY(:caseIds)', { caseIds: [...caseIds] }),
                'm.bureau_id',
              )
              .orderBy('m.decided_on')
              .addOrderBy('m.id')
              .getRawAndEntities(),
          );
          const caseOf = new Map(
            (rows.raw as { m_id: string; case_id: string }[]).map((raw) => [raw.m_id, raw.case_id]),
          );
          return groupBy(caseIds, rows.entities, (row) => caseOf.get(row.id)!);
        }),
    );
  }

  /** This request's loader of each measure's list (清单), in its order. */
  itemsLoader(loaders: Loaders): DataLoader<string, CompulsoryMeasureItem[]> {
    return loaders.custom(
      'measures.items',
      () =>
        new DataLoader<string, CompulsoryMeasureItem[]>(async (measureIds) => {
          const rows = await loaders.read((manager) =>
            manager
              .createQueryBuilder(CompulsoryMeasureItem, 'i')
              .where('i.measure_id = ANY(:measureIds)', { measureIds: [...measureIds] })
              .orderBy('i.position')
              .getMany(),
          );
          return groupBy(measureIds, rows, (row) => row.measureId);
        }),
    );
  }

  /** This request's loader of each measure's excluded periods, oldest first. */
  suspensionsLoader(loaders: Loaders): DataLoader<string, MeasureSuspension[]> {
    return loaders.custom(
      'measures.suspensions',
      () =>
        new DataLoader<string, MeasureSuspension[]>(async (measureIds) => {
          return loaders.read((manager) => this.suspensionsOfMeasures(manager, measureIds));
        }),
    );
  }

  /**
   * 查封扣押（批次，货值） for the progress figures, in one statement over the raw tables for both
   * figure sources: the measures decided by the as-of day on the findings the progress counts
   * (`fnd`: the scope, bureau subtree, categories and from/to range applied to the finding's day),
   * each in the row of its premises' bureau (and every subtree holding it) and its finding's
   * category. 批次 are measures (one decision, one 批次), value Σ of their lists.
   */
  figures(
    manager: EntityManager,
    scope: Scope,
    selection: ProgressSelection,
  ): Promise<MeasureFiguresRow[]> {
    const ctes = progressCtes(scope, selection);
    return manager.query<MeasureFiguresRow[]>(
      `${ctes.sql},
      ${groupsSql()},
      measure_facts AS (
        SELECT f.sweep_id, f.bureau_id, f.category_id, m.id AS measure_id, m.items_value
        FROM fnd f JOIN compulsory_measures m ON m.finding_id = f.id
        WHERE m.decided_on <= ${ctes.asOf()}
      )
      SELECT sweep_id, kind, nullif(key, ${TOTALS_KEY}) AS key,
        count(DISTINCT measure_id)::int AS measures,
        round(coalesce(sum(items_value), 0), 2)::text AS value
      FROM ${groupedSql('measure_facts')} w GROUP BY sweep_id, kind, key`,
      ctes.params.values,
    );
  }
}
