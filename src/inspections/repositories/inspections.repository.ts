import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import { NotFound } from '../../common/errors/domain-errors';
import { type Connection, type Page, toConnection } from '../../common/pagination/connection';
import { cursorCodec } from '../../common/pagination/cursor';
import { SqlParameters, type Scope } from '../../common/scope';
import { hydrate } from '../../database/hydrate';
import type { Loaders } from '../../graphql/loaders';
import type { Finding } from '../finding.entity';
import { Inspection } from '../inspection.entity';
import { findingsInsertSql, type NewFinding } from './findings.repository';

/** The cursor of a premises' inspections: (inspected_at in UTC with microseconds, id). */
export const premisesInspectionsCursor = cursorCodec(['instant', 'uuid']);

/** An inspection as logInspection writes it, its id made by the caller; the rest takes the column defaults. */
export type NewInspection = Pick<
  Inspection,
  | 'id'
  | 'sweepId'
  | 'categoryId'
  | 'premisesId'
  | 'bureauId'
  | 'officerIds'
  | 'recordedById'
  | 'inspectedAt'
  | 'outcome'
  | 'checklist'
  | 'notes'
>;

/** A page of a premises' inspections: its size and the decoded cursor it starts after. */
export interface InspectionsPage {
  page: Page;
  /** The decoded cursor of `page` (inspected_at as stored, id), or null. */
  cursor: readonly [string, string] | null;
}

/**
 * Every SQL statement on inspections (检查记录). Inspections are jurisdiction-bound by their
 * `bureau_id` (the premises' bureau when it was logged, which stays when the premises later moves
 * to another bureau): every read takes the Scope, and the loaders answer NOT_FOUND outside it.
 */
@Injectable()
export class InspectionsRepository {
  /** The inspections of these ids inside the scope, in no particular order. */
  findInScope(manager: EntityManager, scope: Scope, ids: readonly string[]): Promise<Inspection[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return scope
      .apply(
        manager.createQueryBuilder(Inspection, 'i').where('i.id = ANY(:ids)', { ids: [...ids] }),
        'i.bureau_id',
      )
      .getMany();
  }

  /** Whether the inspection (voided or not) exists inside the scope (the audit trail's check). */
  existsInScope(manager: EntityManager, scope: Scope, id: string): Promise<boolean> {
    return scope
      .apply(manager.createQueryBuilder(Inspection, 'i').where('i.id = :id', { id }), 'i.bureau_id')
      .getExists();
  }

  /**
   * Whether the sweep has an inspection, voided or not, of any bureau: the last thing the demo
   * seed writes. Unscoped: for the demo seed (a system job) only.
   */
  async anyOfSweepForSystem(manager: EntityManager, sweepId: string): Promise<boolean> {
    const [row] = await manager.query<{ found: boolean }[]>(
      `SELECT EXISTS (SELECT 1 FROM inspections WHERE sweep_id = $1) AS found`,
      [sweepId],
    );
    return row.found;
  }

  /** The inspection, locked for the rest of the transaction, if it is inside the scope. */
  lockInScope(manager: EntityManager, scope: Scope, id: string): Promise<Inspection | null> {
    return scope
      .apply(
        manager
          .createQueryBuilder(Inspection, 'i')
          .where('i.id = :id', { id })
          .setLock('pessimistic_write'),
        'i.bureau_id',
      )
      .getOne();
  }

  /**
   * Writes an inspection with its findings in one statement (issue 15) and returns them as stored,
   * the findings in the order given (their rows are FindingsRepository's `findingsInsertSql`).
   */
  async insert(
    manager: EntityManager,
    inspection: NewInspection,
    findings: readonly NewFinding[] = [],
  ): Promise<{ inspection: Inspection; findings: Finding[] }> {
    const params = new SqlParameters();
    const values = [
      params.add(inspection.id, 'uuid'),
      params.add(inspection.sweepId, 'uuid'),
      params.add(inspection.categoryId, 'uuid'),
      params.add(inspection.premisesId, 'uuid'),
      params.add(inspection.bureauId, 'uuid'),
      params.add(inspection.officerIds, 'uuid[]'),
      params.add(inspection.recordedById, 'uuid'),
      params.add(inspection.inspectedAt, 'timestamptz'),
      params.add(inspection.outcome, 'varchar'),
      params.add(JSON.stringify(inspection.checklist), 'jsonb'),
      params.add(inspection.notes, 'text'),
    ];
    const insertInspection = `INSERT INTO inspections (id, sweep_id, category_id, premises_id,
        bureau_id, officer_ids, recorded_by_id, inspected_at, outcome, checklist, notes)
      VALUES (${values.join(', ')}) RETURNING *`;
    if (findings.length === 0) {
      const [row] = await manager.query<Record<string, unknown>[]>(insertInspection, params.values);
      return { inspection: hydrate(manager, Inspection, row), findings: [] };
    }
    // Both inserts in one statement: the findings' foreign key to the inspection is checked at
    // its end, when the inspection's row is there. The inspection comes back as JSON beside each
    // finding's row (it has no column JSON would change: no numeric, no bigint).
    const insertFindings = findingsInsertSql(findings, params);
    const rows = await manager.query<Record<string, unknown>[]>(
      `WITH inspection AS (${insertInspection}), finding AS (${insertFindings.sql})
       SELECT (SELECT to_jsonb(inspection) FROM inspection) AS inspection_row, finding.*
         FROM finding`,
      params.values,
    );
    return {
      inspection: hydrate(
        manager,
        Inspection,
        rows[0].inspection_row as Record<string, unknown>,
        true,
      ),
      findings: insertFindings.inOrder(manager, rows),
    };
  }

  /** Marks the inspection voided by `officerId` with `reason`; returns it as stored now. */
  async markVoided(
    manager: EntityManager,
    id: string,
    reason: string,
    officerId: string,
  ): Promise<Inspection> {
    await manager.update(
      Inspection,
      { id },
      { voided: true, voidReason: reason, voidedAt: () => 'now()', voidedById: officerId },
    );
    return manager.findOneByOrFail(Inspection, { id });
  }

  /**
   * The latest inspection that is not voided of each premises, by time of visit, among those
   * inside the scope: a premises that moved to another bureau shows each bureau only its own.
   */
  async lastOfPremises(
    manager: EntityManager,
    scope: Scope,
    premisesIds: readonly string[],
  ): Promise<Map<string, Inspection>> {
    // One statement: the latest row of each premises, in the scope, as entities.
    const inspections = await scope
      .apply(
        manager
          .createQueryBuilder(Inspection, 'i')
          .where('i.premises_id = ANY(:premisesIds)', { premisesIds: [...premisesIds] })
          .andWhere('NOT i.voided'),
        'i.bureau_id',
      )
      .distinctOn(['i.premises_id'])
      .orderBy('i.premises_id')
      .addOrderBy('i.inspected_at', 'DESC')
      .addOrderBy('i.id', 'DESC')
      .getMany();
    return new Map(inspections.map((inspection) => [inspection.premisesId, inspection]));
  }

  /**
   * A page of each premises' inspections that are not voided and inside the scope, newest visit
   * first, with the count of all of them: one windowed statement for every premises asked, one
   * for the rows, and one count for premises paged past their end.
   */
  async pagesOfPremises(
    manager: EntityManager,
    scope: Scope,
    premisesIds: readonly string[],
    page: InspectionsPage,
  ): Promise<Connection<Inspection>[]> {
    const params = new SqlParameters([...premisesIds]);
    const inScope = scope.sql('i.bureau_id', params);
    const afterAt = params.add(page.cursor?.[0] ?? null, 'timestamp');
    const afterId = params.add(page.cursor?.[1] ?? null, 'uuid');
    const limit = params.add(page.page.size + 1, 'int');
    // Newest visit first; backwards (last/before) the reverse, put back in order by toConnection.
    const direction = page.page.backward ? 'ASC' : 'DESC';
    const beyond = page.page.backward ? '>' : '<';
    const rows = await manager.query<
      { premises_id: string; id: string; at: string; total: string }[]
    >(
      `SELECT premises_id, id, at, total FROM (
          SELECT q.*, row_number() OVER (
                   PARTITION BY q.premises_id
                   ORDER BY q.inspected_at ${direction}, q.id ${direction}) AS position
            FROM (SELECT i.premises_id, i.id, i.inspected_at,
                         to_char(i.inspected_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') AS at,
                         count(*) OVER (PARTITION BY i.premises_id) AS total
                    FROM inspections i
                   WHERE i.premises_id = ANY($1::uuid[]) AND NOT i.voided AND ${inScope}) q
           WHERE ${afterAt} IS NULL
              OR (q.inspected_at, q.id) ${beyond} ((${afterAt} AT TIME ZONE 'UTC'), ${afterId})
        ) r
        WHERE r.position <= ${limit}
        ORDER BY premises_id, position`,
      params.values,
    );
    const byId = new Map(
      (
        await this.findInScope(
          manager,
          scope,
          rows.map((row) => row.id),
        )
      ).map((inspection) => [inspection.id, inspection]),
    );
    const cursorOf = new Map(
      rows.map((row) => [row.id, premisesInspectionsCursor.encode([row.at, row.id])]),
    );
    const totals = await this.totalsOfPremises(manager, scope, premisesIds, rows);
    return premisesIds.map((premisesId) =>
      toConnection(
        rows
          .filter((row) => row.premises_id === premisesId)
          .map((row) => byId.get(row.id))
          .filter((inspection): inspection is Inspection => inspection !== undefined),
        page.page,
        totals.get(premisesId) ?? 0,
        (inspection) => cursorOf.get(inspection.id)!,
      ),
    );
  }

  /**
   * Totals of inspections that are not voided and inside the scope, per premises. The windowed
   * query gives them whenever a premises has a row on the page; only premises paged past their
   * end need a count here.
   */
  private async totalsOfPremises(
    manager: EntityManager,
    scope: Scope,
    premisesIds: readonly string[],
    rows: { premises_id: string; total: string }[],
  ): Promise<Map<string, number>> {
    const totals = new Map(rows.map((row) => [row.premises_id, Number(row.total)]));
    const missing = premisesIds.filter((id) => !totals.has(id));
    if (missing.length === 0) return totals;
    const params = new SqlParameters(missing);
    const counts = await manager.query<{ premises_id: string; total: string }[]>(
      `SELECT i.premises_id, count(*) AS total FROM inspections i
        WHERE i.premises_id = ANY($1::uuid[]) AND NOT i.voided AND ${scope.sql('i.bureau_id', params)}
        GROUP BY i.premises_id`,
      params.values,
    );
    for (const row of counts) totals.set(row.premises_id, Number(row.total));
    return totals;
  }

  /**
   * This request's loader of inspections by id within the scope: an inspection outside it is
   * NOT_FOUND, however it is reached (a finding's, a plan visit's, an alert's).
   */
  inspectionLoader(loaders: Loaders, scope: Scope): DataLoader<string, Inspection> {
    return loaders.custom(
      'inspections.inspectionById',
      () =>
        new DataLoader<string, Inspection>(async (ids) => {
          const rows = await loaders.read((manager) => this.findInScope(manager, scope, ids));
          const byId = new Map(rows.map((row) => [row.id, row]));
          return ids.map((id) => byId.get(id) ?? new NotFound('Inspection', id));
        }),
    );
  }

  /** This request's loader of each premises' latest inspection within the scope, or null. */
  lastOfPremisesLoader(loaders: Loaders, scope: Scope): DataLoader<string, Inspection | null> {
    return loaders.custom(
      'inspections.lastOfPremises',
      () =>
        new DataLoader<string, Inspection | null>(async (premisesIds) => {
          const last = await loaders.read((manager) =>
            this.lastOfPremises(manager, scope, premisesIds),
          );
          return premisesIds.map((id) => last.get(id) ?? null);
        }),
    );
  }

  /**
   * This request's loader of a page of each premises' inspections within the scope: one loader
   * per page asked, so a list of premises asking the same page costs the same few statements.
   */
  pagesOfPremisesLoader(
    loaders: Loaders,
    scope: Scope,
    page: InspectionsPage,
  ): DataLoader<string, Connection<Inspection>> {
    return loaders.custom(
      `inspections.pagesOfPremises:${page.page.backward ? 'last' : 'first'}:${page.page.size}:${page.cursor?.join(',') ?? ''}`,
      () =>
        new DataLoader<string, Connection<Inspection>>((premisesIds) =>
          loaders.read((manager) => this.pagesOfPremises(manager, scope, premisesIds, page)),
        ),
    );
  }
}
