import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import { Scope, SqlParameters } from '../common/scope';
import { groupBy, type Loaders } from '../graphql/loaders';
import { Finding, type FindingStatus } from '../inspections/finding.entity';
import { FollowUp } from './follow-up.entity';

/** Finding columns a follow-up may set (names written here, never taken from input). */
export type FindingColumn =
  | 'rectification_ordered'
  | 'rectification_deadline'
  | 'case_number'
  | 'case_filed_on'
  | 'penalty_decision_due'
  | 'decision_number'
  | 'decided_on'
  | 'fine'
  | 'confiscation'
  | 'transferred_on'
  | 'closed_reason'
  | 'rectification_status';

const FINDING_COLUMNS: ReadonlySet<string> = new Set<FindingColumn>([
  'rectification_ordered',
  'rectification_deadline',
  'case_number',
  'case_filed_on',
  'penalty_decision_due',
  'decision_number',
  'decided_on',
  'fine',
  'confiscation',
  'transferred_on',
  'closed_reason',
  'rectification_status',
]);

export type FindingColumns = Partial<Record<FindingColumn, string | boolean | null>>;

/** A follow-up row as it is written. */
export type NewFollowUp = Pick<
  FollowUp,
  | 'findingId'
  | 'action'
  | 'fromStatus'
  | 'toStatus'
  | 'at'
  | 'officerId'
  | 'officerIds'
  | 'dueDate'
  | 'documentNumber'
  | 'fine'
  | 'confiscation'
  | 'note'
>;

/** What a version-checked update did: written, or refused with the version the finding has now. */
export type VersionedUpdate = { updated: true } | { updated: false; currentVersion: number | null };

/**
 * Every SQL statement of the follow-ups (后续处置): their rows, and the reads and version-checked
 * writes of the finding they act on. Follow-ups are jurisdiction-bound through their finding's
 * bureau; every read takes a Scope.
 */
@Injectable()
export class FollowUpsRepository {
  /** The finding, when within the scope (voided ones only when asked); else null. */
  findingInScope(
    manager: EntityManager,
    scope: Scope,
    id: string,
    options: { includeVoided: boolean; lock?: boolean },
  ): Promise<Finding | null> {
    const query = manager.createQueryBuilder(Finding, 'f').where('f.id = :id', { id });
    if (!options.includeVoided) query.andWhere('NOT f.voided');
    if (options.lock) query.setLock('pessimistic_write');
    return scope.apply(query, 'f.bureau_id').getOne();
  }

  /**
   * Sets follow-up columns of a finding (the rectification track, documents) without touching
   * its status or version: the caller then recomputes both from the tracks.
   */
  async setFindingColumns(
    manager: EntityManager,
    findingId: string,
    columns: FindingColumns,
  ): Promise<void> {
    const params = new SqlParameters();
    const id = params.add(findingId);
    const assignments: string[] = [];
    for (const [column, value] of Object.entries(columns)) {
      if (!FINDING_COLUMNS.has(column)) throw new Error(`Not a follow-up column: ${column}`);
      assignments.push(`${column} = ${params.add(value)}`);
    }
    if (assignments.length === 0) return;
    await manager.query(
      `UPDATE findings SET ${assignments.join(', ')} WHERE id = ${id}`,
      params.values,
    );
  }

  /**
   * Moves the finding to `status` and sets `columns`, only if its version is still `version`:
   * TypeORM's version column does not check this, the WHERE clause does. A concurrent writer that
   * got there first leaves no row to update; the answer then carries the version it left.
   */
  async updateFindingAtVersion(
    manager: EntityManager,
    findingId: string,
    version: number,
    status: FindingStatus,
    columns: FindingColumns,
  ): Promise<VersionedUpdate> {
    const params = new SqlParameters();
    const id = params.add(findingId);
    const expected = params.add(version);
    const assignments = [`status = ${params.add(status)}`];
    for (const [column, value] of Object.entries(columns)) {
      if (!FINDING_COLUMNS.has(column)) throw new Error(`Not a follow-up column: ${column}`);
      assignments.push(`${column} = ${params.add(value)}`);
    }
    // For UPDATE, TypeORM's postgres driver answers [rows, affected row count], not the rows.
    const [, affected] = await manager.query<[unknown[], number]>(
      `UPDATE findings SET ${assignments.join(', ')}, version = version + 1, updated_at = now()
        WHERE id = ${id} AND version = ${expected}`,
      params.values,
    );
    if (affected === 1) return { updated: true };
    const [current] = await manager.query<{ version: number }[]>(
      `SELECT version FROM findings WHERE id = $1`,
      [findingId],
    );
    return { updated: false, currentVersion: current?.version ?? null };
  }

  /** Follow-ups by id, those whose finding is inside the scope (node(id:)); one query per batch. */
  followUpLoader(loaders: Loaders, scope: Scope): DataLoader<string, FollowUp | null> {
    return loaders.custom(
      `followUps.byId:${scope.bureauIds?.join(',') ?? 'city'}`,
      () =>
        new DataLoader<string, FollowUp | null>(async (ids) => {
          const rows = await loaders.read((manager) =>
            scope
              .apply(
                manager
                  .createQueryBuilder(FollowUp, 'u')
                  .innerJoin(Finding, 'f', 'f.id = u.finding_id')
                  .where('u.id = ANY(:ids)', { ids: [...ids] }),
                'f.bureau_id',
              )
              .getMany(),
          );
          const byId = new Map(rows.map((row) => [row.id, row]));
          return ids.map((id) => byId.get(id) ?? null);
        }),
    );
  }

  /** Appends a follow-up row. */
  async insert(manager: EntityManager, row: NewFollowUp): Promise<void> {
    await manager.insert(FollowUp, row);
  }

  /** When the latest rectification order of the finding took effect, if one was recorded. */
  async latestRectificationOrder(manager: EntityManager, findingId: string): Promise<Date | null> {
    const [order] = await manager.query<{ at: Date }[]>(
      `SELECT at FROM follow_ups WHERE finding_id = $1 AND action = 'RECTIFICATION_ORDERED'
       ORDER BY recorded_at DESC LIMIT 1`,
      [findingId],
    );
    return order ? new Date(order.at) : null;
  }

  /**
   * The follow-ups of each finding asked, in the order they were recorded, for this request; a
   * finding outside the scope has none.
   */
  followUpsLoader(loaders: Loaders, scope: Scope): DataLoader<string, FollowUp[]> {
    return loaders.custom(
      'followUps.byFinding',
      () =>
        new DataLoader<string, FollowUp[]>(async (findingIds) => {
          const rows = await loaders.read((manager) =>
            scope
              .apply(
                manager
                  .createQueryBuilder(FollowUp, 'u')
                  .innerJoin(Finding, 'f', 'f.id = u.finding_id')
                  .where('u.finding_id IN (:...findingIds)', { findingIds: [...findingIds] }),
                'f.bureau_id',
              )
              .orderBy('u.recorded_at', 'ASC')
              .addOrderBy('u.at', 'ASC')
              .addOrderBy('u.id', 'ASC')
              .getMany(),
          );
          return groupBy(findingIds, rows, (row) => row.findingId);
        }),
    );
  }
}
