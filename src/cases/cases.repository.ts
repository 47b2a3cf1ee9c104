import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { In, type EntityManager } from 'typeorm';
import { subtreeOf } from '../bureaus/bureau-tree';
import { NotFound } from '../common/errors/domain-errors';
import { keyset } from '../common/pagination/connection';
import { cursorCodec } from '../common/pagination/cursor';
import type { Scope } from '../common/scope';
import { groupBy, type Loaders } from '../graphql/loaders';
import { Finding } from '../inspections/finding.entity';
import { CaseStepRecord } from './case-step.entity';
import { CaseFile, type CaseStatus } from './case.entity';
import { ClockSuspension } from './clock-suspension.entity';
import type { ClockKind } from './clocks';

/** The cursor of the cases list: (next due day or null, filing day, id). */
export const casesCursor = cursorCodec(['optionalText', 'day', 'uuid']);

export interface CaseListFilter {
  sweepId?: string | null;
  bureauId?: string | null;
  statuses?: CaseStatus[] | null;
  overdue?: boolean | null;
  overdueClock?: ClockKind | null;
}

/** Finding columns of the case track (names written here, never taken from input). */
export interface FindingCaseColumns {
  status: string;
  due_on: string | null;
  case_decision_due: string;
  case_id: string | null;
  case_number: string | null;
  case_filed_on: string | null;
  penalty_decision_due: string | null;
  decision_number: string | null;
  decided_on: string | null;
  fine: string | null;
  confiscation: string | null;
  transferred_on: string | null;
}

/**
 * Every SQL statement on case files (案件): `cases`, `case_steps`, `clock_suspensions`, and the
 * case-track columns of `findings`. Cases are jurisdiction-bound by their `bureau_id` (the bureau
 * of the premises' findings when it was filed); every read for a request takes a Scope.
 */
@Injectable()
export class CasesRepository {
  /** The case, within the scope, locked FOR UPDATE for a move; else null. */
  lockInScope(manager: EntityManager, scope: Scope, id: string): Promise<CaseFile | null> {
    return scope
      .apply(manager.createQueryBuilder(CaseFile, 'c').where('c.id = :id', { id }), 'c.bureau_id')
      .setLock('pessimistic_write')
      .getOne();
  }

  /** The case, within the scope; else null. */
  findInScope(manager: EntityManager, scope: Scope, id: string): Promise<CaseFile | null> {
    return scope
      .apply(manager.createQueryBuilder(CaseFile, 'c').where('c.id = :id', { id }), 'c.bureau_id')
      .getOne();
  }

  /** The case, read by a system step that already checked the scope (its finding's). */
  byIdUnscoped(manager: EntityManager, id: string): Promise<CaseFile | null> {
    return manager.findOneBy(CaseFile, { id });
  }

  /** The case of this number, whatever its bureau: case numbers are unique city-wide. */
  byNumberUnscoped(manager: EntityManager, caseNumber: string): Promise<CaseFile | null> {
    return manager
      .createQueryBuilder(CaseFile, 'c')
      .where('c.case_number = :caseNumber', { caseNumber })
      .setLock('pessimistic_write')
      .getOne();
  }

  /** Whether the case exists inside the scope (the audit trail's check). */
  existsInScope(manager: EntityManager, scope: Scope, id: string): Promise<boolean> {
    return scope
      .apply(manager.createQueryBuilder(CaseFile, 'c').where('c.id = :id', { id }), 'c.bureau_id')
      .getExists();
  }

  async insert(manager: EntityManager, row: Partial<CaseFile>): Promise<string> {
    const result = await manager.insert(CaseFile, row);
    return (result.identifiers[0] as { id: string }).id;
  }

  /** Sets columns of a case and bumps its version (the caller holds its lock). */
  async update(manager: EntityManager, id: string, columns: Partial<CaseFile>): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(CaseFile)
      .set({ ...columns, version: () => 'version + 1' })
      .where('id = :id', { id })
      .execute();
  }

  /** Stores the open clocks' due days (no version bump: derived data). */
  async setDues(
    manager: EntityManager,
    id: string,
    nextDueOn: string | null,
    clockDues: Record<string, string>,
  ): Promise<void> {
    await manager.query(`UPDATE cases SET next_due_on = $2, clock_dues = $3 WHERE id = $1`, [
      id,
      nextDueOn,
      JSON.stringify(clockDues),
    ]);
  }

  /** The findings of a case (voided ones too: they left the case's count but keep the link). */
  findingsOf(manager: EntityManager, caseId: string): Promise<Finding[]> {
    return this.findingsOfCases(manager, [caseId]);
  }

  /** The findings of these cases, voided ones too, oldest first. */
  findingsOfCases(manager: EntityManager, caseIds: readonly string[]): Promise<Finding[]> {
    return manager
      .createQueryBuilder(Finding, 'f')
      .where('f.case_id = ANY(:caseIds)', { caseIds: [...caseIds] })
      .orderBy('f.created_at')
      .addOrderBy('f.id')
      .getMany();
  }

  /** Findings by id within the scope, not voided, locked FOR UPDATE, in the order of `ids`. */
  async lockFindingsInScope(
    manager: EntityManager,
    scope: Scope,
    ids: string[],
    lock = true,
  ): Promise<Finding[]> {
    const query = scope
      .apply(
        manager
          .createQueryBuilder(Finding, 'f')
          .where('f.id = ANY(:ids)', { ids })
          .andWhere('NOT f.voided'),
        'f.bureau_id',
      )
      .orderBy('f.id');
    const rows = await (lock ? query.setLock('pessimistic_write') : query).getMany();
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id)).filter((row): row is Finding => !!row);
  }

  /** Sets the filing-decision columns of a finding (declining, extending, joining a case). */
  async setFindingFiling(
    manager: EntityManager,
    findingId: string,
    columns: Partial<
      Pick<
        Finding,
        | 'caseId'
        | 'filingDecision'
        | 'declineReason'
        | 'declineNote'
        | 'filingDecidedOn'
        | 'filingApprovedById'
        | 'filingExtendedBy'
        | 'filingExtensionApprovedById'
        | 'transferredOn'
        | 'closedReason'
      >
    >,
  ): Promise<void> {
    await manager.update(Finding, { id: findingId }, columns);
  }

  /** Writes the derived case-track columns of a finding and bumps its version. */
  async setFindingDerived(
    manager: EntityManager,
    findingId: string,
    columns: FindingCaseColumns,
  ): Promise<void> {
    await manager.query(
      `UPDATE findings SET status = $2, due_on = $3, case_decision_due = $4, case_id = $5,
              case_number = $6, case_filed_on = $7, penalty_decision_due = $8,
              decision_number = $9, decided_on = $10, fine = $11, confiscation = $12,
              transferred_on = $13, version = version + 1, updated_at = now()
        WHERE id = $1`,
      [
        findingId,
        columns.status,
        columns.due_on,
        columns.case_decision_due,
        columns.case_id,
        columns.case_number,
        columns.case_filed_on,
        columns.penalty_decision_due,
        columns.decision_number,
        columns.decided_on,
        columns.fine,
        columns.confiscation,
        columns.transferred_on,
      ],
    );
  }

  /** The suspensions of a case's clocks, oldest first. */
  suspensionsOfCase(manager: EntityManager, caseId: string): Promise<ClockSuspension[]> {
    return this.suspensionsOfCases(manager, [caseId]);
  }

  /** The suspensions of these cases' clocks, oldest first. */
  suspensionsOfCases(
    manager: EntityManager,
    caseIds: readonly string[],
  ): Promise<ClockSuspension[]> {
    return manager.find(ClockSuspension, {
      where: { caseId: In([...caseIds]) },
      order: { from: 'ASC', recordedAt: 'ASC' },
    });
  }

  /**
   * For the clocks of these cases, in one statement: the suspensions of the cases' own clocks and
   * those of their findings' filing clocks (taken before the case existed), oldest first.
   */
  clockSuspensionsOfCases(
    manager: EntityManager,
    caseIds: readonly string[],
  ): Promise<ClockSuspension[]> {
    return manager
      .createQueryBuilder(ClockSuspension, 's')
      .where('s.case_id = ANY(:caseIds)', { caseIds: [...caseIds] })
      .orWhere('s.finding_id IN (SELECT f.id FROM findings f WHERE f.case_id = ANY(:caseIds))', {
        caseIds: [...caseIds],
      })
      .orderBy('s.from', 'ASC')
      .addOrderBy('s.recorded_at', 'ASC')
      .getMany();
  }

  /** The suspensions of a finding's filing clock, oldest first. */
  suspensionsOfFinding(manager: EntityManager, findingId: string): Promise<ClockSuspension[]> {
    return manager.find(ClockSuspension, {
      where: { findingId },
      order: { from: 'ASC', recordedAt: 'ASC' },
    });
  }

  async insertSuspension(manager: EntityManager, row: Partial<ClockSuspension>): Promise<void> {
    await manager.insert(ClockSuspension, row);
  }

  async endSuspension(manager: EntityManager, id: string, to: string): Promise<void> {
    await manager.update(ClockSuspension, { id }, { to });
  }

  /**
   * Ends the TESTING suspensions still open that a lab test (src/samples) took, on its report
   * day; returns the findings and cases whose clocks they paused.
   */
  async endSuspensionsOfSample(
    manager: EntityManager,
    sampleId: string,
    to: string,
  ): Promise<{ findingId: string | null; caseId: string | null }[]> {
    // An UPDATE answers [rows, affected count] through TypeORM's query runner.
    const [rows] = await manager.query<
      [{ finding_id: string | null; case_id: string | null }[], number]
    >(
      `UPDATE clock_suspensions SET "to" = $2
        WHERE sample_id = $1 AND "to" IS NULL
        RETURNING finding_id, case_id`,
      [sampleId, to],
    );
    return rows.map((row) => ({ findingId: row.finding_id, caseId: row.case_id }));
  }

  /**
   * Findings joining a case bring the lab tests they rest on: each TESTING suspension a lab test
   * took on their filing clocks and still running after the filing day is taken on the case's
   * clocks too (once per case and sample), open while the report is pending (程序规定 第十八条第二款,
   * 第六十四条第二款); lab days over by then are the filing clock's alone. Returns how many.
   */
  async copySampleSuspensionsToCase(
    manager: EntityManager,
    caseId: string,
    findingIds: string[],
    officerId: string,
    filedOn: string,
  ): Promise<number> {
    const rows = await manager.query<{ sample_id: string }[]>(
      `INSERT INTO clock_suspensions (case_id, reason, "from", "to", note, sample_id, officer_id)
       SELECT DISTINCT ON (s.sample_id) $1::uuid, s.reason, s."from", s."to", s.note, s.sample_id, $3::uuid
         FROM clock_suspensions s
        WHERE s.finding_id = ANY($2::uuid[]) AND s.sample_id IS NOT NULL
          AND (s."to" IS NULL OR s."to" > $4::date)
          AND NOT EXISTS (SELECT 1 FROM clock_suspensions c
                           WHERE c.case_id = $1::uuid AND c.sample_id = s.sample_id)
        ORDER BY s.sample_id, s."from"
       RETURNING sample_id`,
      [caseId, findingIds, officerId, filedOn],
    );
    return rows.length;
  }

  stepsOf(manager: EntityManager, caseId: string): Promise<CaseStepRecord[]> {
    return this.stepsOfCases(manager, [caseId]);
  }

  /** The steps of these cases in the order they took effect. */
  stepsOfCases(manager: EntityManager, caseIds: readonly string[]): Promise<CaseStepRecord[]> {
    return manager.find(CaseStepRecord, {
      where: { caseId: In([...caseIds]) },
      order: { on: 'ASC', recordedAt: 'ASC' },
    });
  }

  async insertStep(manager: EntityManager, row: Partial<CaseStepRecord>): Promise<void> {
    await manager.insert(CaseStepRecord, row);
  }

  /** Ids of cases with a clock not met that runs through `year` (for reloading a year's holidays). */
  async openCaseIdsUnscoped(manager: EntityManager): Promise<string[]> {
    const rows = await manager.query<{ id: string }[]>(
      `SELECT id FROM cases WHERE clock_dues <> '{}'::jsonb ORDER BY id`,
    );
    return rows.map((row) => row.id);
  }

  /** Findings without a case whose filing clock or rectification is still open. */
  async openFindingIdsWithoutCaseUnscoped(manager: EntityManager): Promise<string[]> {
    const rows = await manager.query<{ id: string }[]>(
      `SELECT id FROM findings WHERE case_id IS NULL AND NOT voided AND due_on IS NOT NULL ORDER BY id`,
    );
    return rows.map((row) => row.id);
  }

  /**
   * One page of cases of the scope matching the filter, ordered by the nearest open due day
   * (nulls last) or by the filing day, ties by id; with the count over all pages.
   */
  async page(
    manager: EntityManager,
    scope: Scope,
    filter: CaseListFilter,
    order: { field: 'NEXT_DUE_ON' | 'FILED_ON'; direction: 'ASC' | 'DESC' },
    after: readonly [string | null, string, string] | null,
    backward: boolean,
    limit: number,
    today: string,
  ): Promise<{ rows: CaseFile[]; totalCount: number }> {
    const query = scope.apply(manager.createQueryBuilder(CaseFile, 'c'), 'c.bureau_id');
    if (filter.sweepId) query.andWhere('c.sweep_id = :sweepId', { sweepId: filter.sweepId });
    if (filter.bureauId)
      query.andWhere(`c.bureau_id IN ${subtreeOf(':bureauId')}`, { bureauId: filter.bureauId });
    if (filter.statuses?.length)
      query.andWhere('c.status IN (:...statuses)', { statuses: filter.statuses });
    if (filter.overdueClock)
      query.andWhere(`(c.clock_dues ->> :overdueClock)::date < :today::date`, {
        overdueClock: filter.overdueClock,
        today,
      });
    if (filter.overdue === true) query.andWhere('c.next_due_on < :today::date', { today });
    if (filter.overdue === false)
      query.andWhere('(c.next_due_on IS NULL OR c.next_due_on >= :today::date)', { today });
    const totalCount = await query.getCount();
    const descending = order.direction === 'DESC';
    // By due day, cases with no open clock come last in both directions: `no_due` sorts first.
    const byDue = order.field === 'NEXT_DUE_ON';
    const keys = keyset(
      byDue
        ? [
            { sql: '(c.next_due_on IS NULL)', descending: false },
            { sql: `coalesce(c.next_due_on, '9999-12-31'::date)`, descending },
            { sql: 'c.id', descending },
          ]
        : [
            { sql: 'c.filed_on', descending },
            { sql: 'c.id', descending },
          ],
      backward,
    );
    if (after) {
      const [due, filedOn, id] = after;
      query.andWhere(
        keys.after(
          byDue
            ? [':cursorNoDue::boolean', ':cursorDue::date', ':cursorId::uuid']
            : [':cursorFiled::date', ':cursorId::uuid'],
        ),
        {
          cursorNoDue: due === null,
          cursorDue: due ?? '9999-12-31',
          cursorFiled: filedOn,
          cursorId: id,
        },
      );
    }
    const sorts = byDue
      ? ['(c.next_due_on IS NULL)', `coalesce(c.next_due_on, '9999-12-31'::date)`, 'c.id']
      : ['c.filed_on', 'c.id'];
    query.orderBy(sorts[0], keys.directions[0]);
    sorts.slice(1).forEach((sql, index) => query.addOrderBy(sql, keys.directions[index + 1]));
    const rows = await query.limit(limit).getMany();
    return { rows, totalCount };
  }

  /** This request's loader of cases by id within the scope: one outside it is NOT_FOUND. */
  caseLoader(loaders: Loaders, scope: Scope): DataLoader<string, CaseFile> {
    return loaders.custom(
      `cases.byId:${scope.bureauIds?.join(',') ?? '*'}`,
      () =>
        new DataLoader<string, CaseFile>(async (ids) => {
          const rows = await loaders.read((manager) =>
            scope
              .apply(
                manager
                  .createQueryBuilder(CaseFile, 'c')
                  .where('c.id = ANY(:ids)', { ids: [...ids] }),
                'c.bureau_id',
              )
              .getMany(),
          );
          const byId = new Map(rows.map((row) => [row.id, row]));
          return ids.map((id) => byId.get(id) ?? new NotFound('Case', id));
        }),
    );
  }

  /** This request's loader of each case's findings within the scope, voided ones left out. */
  findingsLoader(loaders: Loaders, scope: Scope): DataLoader<string, Finding[]> {
    return loaders.custom(
      'cases.findingsByCase',
      () =>
        new DataLoader<string, Finding[]>(async (caseIds) => {
          const rows = await loaders.read((manager) =>
            scope
              .apply(
                manager
                  .createQueryBuilder(Finding, 'f')
                  .where('f.case_id = ANY(:caseIds)', { caseIds: [...caseIds] })
                  .andWhere('NOT f.voided'),
                'f.bureau_id',
              )
              .orderBy('f.created_at')
              .addOrderBy('f.id')
              .getMany(),
          );
          return groupBy(caseIds, rows, (row) => row.caseId!);
        }),
    );
  }

  /** This request's loader of each case's steps, in the order they took effect. */
  stepsLoader(loaders: Loaders): DataLoader<string, CaseStepRecord[]> {
    return loaders.custom(
      'cases.steps',
      () =>
        new DataLoader<string, CaseStepRecord[]>(async (caseIds) => {
          const rows = await loaders.read((manager) =>
            manager
              .createQueryBuilder(CaseStepRecord, 's')
              .where('s.case_id = ANY(:caseIds)', { caseIds: [...caseIds] })
              .orderBy('s.on')
              .addOrderBy('s.recorded_at')
              .getMany(),
          );
          return groupBy(caseIds, rows, (row) => row.caseId);
        }),
    );
  }

  /** This request's loader of each case's suspensions, oldest first. */
  suspensionsLoader(loaders: Loaders): DataLoader<string, ClockSuspension[]> {
    return loaders.custom(
      'cases.suspensions',
      () =>
        new DataLoader<string, ClockSuspension[]>(async (caseIds) => {
          const rows = await loaders.read((manager) =>
            manager
              .createQueryBuilder(ClockSuspension, 's')
              .where('s.case_id = ANY(:caseIds)', { caseIds: [...caseIds] })
              .orderBy('s.from')
              .addOrderBy('s.recorded_at')
              .getMany(),
          );
          return groupBy(caseIds, rows, (row) => row.caseId!);
        }),
    );
  }

  /**
   * For the statistics: the cases of a sweep decided by a day, with their money kept apart (fine,
   * illegal gains 没收违法所得, goods confiscated 没收非法财物), one row per case decision.
   */
  decidedByUnscoped(
    manager: EntityManager,
    sweepId: string,
    day: string,
  ): Promise<
    {
      id: string;
      bureau_id: string;
      fine: string | null;
      illegal_gains: string | null;
      confiscated_goods_value: string | null;
    }[]
  > {
    return manager.query(
      `SELECT id, bureau_id, fine, illegal_gains, confiscated_goods_value FROM cases
        WHERE sweep_id = $1 AND decided_on <= $2::date ORDER BY id`,
      [sweepId, day],
    );
  }
}
