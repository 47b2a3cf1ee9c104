import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import { subtreeOf } from '../../bureaus/bureau-tree';
import { NotFound } from '../../common/errors/domain-errors';
import {
  type Connection,
  keyset,
  type Page,
  toConnection,
} from '../../common/pagination/connection';
import { cursorCodec } from '../../common/pagination/cursor';
import { SqlParameters, type Scope } from '../../common/scope';
import { overdueSql } from '../../follow-ups/overdue';
import { hydrate } from '../../database/hydrate';
import { groupBy, type Loaders } from '../../graphql/loaders';
import type { FindingStatus } from '../finding.entity';
import { Finding } from '../finding.entity';
import type { Severity } from '../../reference/violation-type.entity';

/** The cursors of the findings list, by order: (created_at as stored, id) or (due day, id). */
export const FINDINGS_CURSORS = {
  FOUND_AT: cursorCodec(['instant', 'uuid']),
  DUE_ON: cursorCodec(['day', 'uuid']),
} as const;

/** The order of a findings list. */
export interface FindingsOrder {
  field: 'DUE_ON' | 'FOUND_AT';
  direction: 'ASC' | 'DESC';
}

/** A day after every real due day: findings with no open deadline sort after all others. */
export const NO_DUE_DAY = '9999-12-31';

/**
 * THE sort expression of DUE_ON, in this one place (the index `findings_due_on_idx` of migration
 * 1795923900000-FrontendListOrders is on exactly this expression): the finding's stored nearest
 * open deadline (`due_on`, kept by the follow-up and case moves), NO_DUE_DAY when none is open.
 */
export function findingDueOnSortSql(alias: string): string {
  return `COALESCE(${alias}.due_on, '${NO_DUE_DAY}'::date)`;
}

/** Which findings a list holds, every condition at once (the scope always applies besides). */
export interface FindingsListFilter {
  sweepId?: string | null;
  /** Findings of premises of this bureau and its descendants. */
  subtreeOf?: string | null;
  /** And of this bureau and its descendants too (the caller's own bureau, `myBureau`). */
  alsoSubtreeOf?: string | null;
  statuses?: readonly FindingStatus[] | null;
  severities?: readonly Severity[] | null;
  violationTypeCodes?: readonly string[] | null;
  overdue?: boolean | null;
}

/** A finding as insertFindings writes it; the rest takes the column defaults. */
export type NewFinding = Pick<
  Finding,
  | 'inspectionId'
  | 'sweepId'
  | 'bureauId'
  | 'premisesId'
  | 'categoryId'
  | 'violationTypeCode'
  | 'severity'
  | 'description'
  | 'exposedProductId'
  | 'product'
  | 'goodsQuantity'
  | 'goodsUnit'
  | 'goodsValue'
  | 'evidence'
  | 'foundOn'
  | 'caseDecisionDue'
  | 'dueOn'
  | 'createdById'
>;

/**
 * The `INSERT … RETURNING *` of findings, its parameters added to `params`, for `insert` and for
 * a statement that writes an inspection with its findings; `inOrder` hydrates the returned rows
 * in the order given. Distinct instants within one transaction (clock_timestamp) keep that order
 * in lists.
 */
export function findingsInsertSql(
  findings: readonly NewFinding[],
  params: SqlParameters,
): {
  sql: string;
  inOrder: (manager: EntityManager, rows: Record<string, unknown>[]) => Finding[];
} {
  // Ids made here, so the rows can be put back in the order given whatever order RETURNING has.
  const ids = findings.map(() => randomUUID());
  const rows = findings.map(
    (finding, index) =>
      `(${[
        params.add(ids[index], 'uuid'),
        params.add(finding.inspectionId, 'uuid'),
        params.add(finding.sweepId, 'uuid'),
        params.add(finding.bureauId, 'uuid'),
        params.add(finding.premisesId, 'uuid'),
        params.add(finding.categoryId, 'uuid'),
        params.add(finding.violationTypeCode, 'varchar'),
        params.add(finding.severity, 'varchar'),
        params.add(finding.description, 'text'),
        params.add(finding.exposedProductId, 'uuid'),
        params.add(finding.goodsQuantity, 'numeric'),
        params.add(finding.goodsUnit, 'varchar'),
        params.add(finding.goodsValue, 'numeric'),
        params.add(JSON.stringify(finding.evidence), 'jsonb'),
        params.add(finding.product ? JSON.stringify(finding.product) : null, 'jsonb'),
        params.add(finding.foundOn, 'date'),
        params.add(finding.caseDecisionDue, 'date'),
        params.add(finding.dueOn, 'date'),
        params.add(finding.createdById, 'uuid'),
        // Findings of an inspection are listed by created_at then id (random): a microsecond per
        // position keeps the order given even when two rows read the same clock.
        `clock_timestamp() + interval '1 microsecond' * ${index}`,
      ].join(', ')})`,
  );
  return {
    sql: `INSERT INTO findings (id, inspection_id, sweep_id, bureau_id, premises_id, category_id,
            violation_type_code, severity, description, exposed_product_id, goods_quantity, goods_unit,
            goods_value, evidence, product, found_on, case_decision_due, due_on, created_by_id, created_at)
          VALUES ${rows.join(', ')}
          RETURNING *`,
    inOrder: (manager, returned) => {
      const byId = new Map(returned.map((row) => [row.id as string, row]));
      return ids.map((id) => hydrate(manager, Finding, byId.get(id)!));
    },
  };
}

/**
 * Every SQL statement on findings (发现问题). Findings are jurisdiction-bound by their `bureau_id`
 * (the premises' bureau when the inspection was logged): every read takes the Scope.
 */
@Injectable()
export class FindingsRepository {
  /** The finding, voided or not, if it is inside the scope. */
  findInScope(manager: EntityManager, scope: Scope, id: string): Promise<Finding | null> {
    return scope
      .apply(manager.createQueryBuilder(Finding, 'f').where('f.id = :id', { id }), 'f.bureau_id')
      .getOne();
  }

  /** Whether the finding (voided or not) exists inside the scope (the audit trail's check). */
  existsInScope(manager: EntityManager, scope: Scope, id: string): Promise<boolean> {
    return scope
      .apply(manager.createQueryBuilder(Finding, 'f').where('f.id = :id', { id }), 'f.bureau_id')
      .getExists();
  }

  /**
   * Whether a finding inside the scope cites the evidence file of this SHA-256: who may see an
   * evidence file (evidence area, audit trail) is decided by the findings citing it.
   */
  async citesEvidenceInScope(
    manager: EntityManager,
    scope: Scope,
    sha256: string,
  ): Promise<boolean> {
    const params = new SqlParameters();
    const cited$ = params.add(JSON.stringify([{ sha256 }]), 'jsonb');
    const rows = await manager.query<unknown[]>(
      `SELECT 1 FROM findings f WHERE f.evidence @> ${cited$} AND ${scope.sql('f.bureau_id', params)} LIMIT 1`,
      params.values,
    );
    return rows.length > 0;
  }

  /**
   * The findings within `scope` citing the file that are the officer's own: logged by them or on
   * an inspection they made. What an upload of the file by this officer is for (evidence
   * ownership, issue 17).
   */
  async idsCitingEvidenceOfOfficer(
    manager: EntityManager,
    scope: Scope,
    sha256: string,
    officerId: string,
  ): Promise<string[]> {
    const params = new SqlParameters();
    const cited$ = params.add(JSON.stringify([{ sha256 }]), 'jsonb');
    const officer$ = params.add(officerId, 'uuid');
    const rows = await manager.query<{ id: string }[]>(
      `SELECT f.id FROM findings f JOIN inspections i ON i.id = f.inspection_id
       WHERE f.evidence @> ${cited$} AND ${scope.sql('f.bureau_id', params)}
         AND (f.created_by_id = ${officer$} OR ${officer$} = ANY(i.officer_ids))
       ORDER BY f.created_at, f.id`,
      params.values,
    );
    return rows.map((row) => row.id);
  }

  /**
   * The ids of an inspection's findings in the order they were written (the order logged), of
   * every bureau. Unscoped: for the demo seed (a system job) only.
   */
  async idsOfInspectionForSystem(manager: EntityManager, inspectionId: string): Promise<string[]> {
    const rows = await manager.query<{ id: string }[]>(
      `SELECT id FROM findings WHERE inspection_id = $1 ORDER BY created_at, id`,
      [inspectionId],
    );
    return rows.map((row) => row.id);
  }

  /** Findings of these inspections inside the scope, each inspection's in the order recorded. */
  ofInspections(
    manager: EntityManager,
    scope: Scope,
    inspectionIds: readonly string[],
  ): Promise<Finding[]> {
    return scope
      .apply(
        manager
          .createQueryBuilder(Finding, 'f')
          .where('f.inspection_id = ANY(:inspectionIds)', { inspectionIds: [...inspectionIds] }),
        'f.bureau_id',
      )
      .orderBy('f.created_at', 'ASC')
      .addOrderBy('f.id', 'ASC')
      .getMany();
  }

  /**
   * A page of the findings that are not voided, in the `requested` order (ties broken by id in the
   * same direction; by default newest first, ties by id ascending), with the count of all that match. The page's cursor is a cursor of this list in
   * this order (BAD_USER_INPUT on `after`/`before` if not).
   */
  async list(
    manager: EntityManager,
    scope: Scope,
    filter: FindingsListFilter,
    page: Page,
    requested?: FindingsOrder,
  ): Promise<Connection<Finding>> {
    // Without orderBy: newest first with ties by id ascending, as the list always was.
    const order = requested ?? { field: 'FOUND_AT', direction: 'DESC' };
    const codec = FINDINGS_CURSORS[order.field];
    const cursor = page.cursor ? codec.decode(page.cursor, page.cursorArgument) : null;
    const base = this.filtered(manager, scope, filter);
    const sortSql = order.field === 'DUE_ON' ? findingDueOnSortSql('f') : 'f.created_at';
    const descending = order.direction === 'DESC';
    const keys = keyset(
      [
        { sql: sortSql, descending },
        { sql: 'f.id', descending: requested ? descending : false },
      ],
      page.backward,
    );
    const query = base
      .clone()
      // The count of all matches in the same statement (one round trip, not two): an
      // uncorrelated subquery, run once, with the same filter and parameters, without the cursor.
      .addSelect(`(${base.clone().select('count(*)').getQuery()})`, 'total_count')
      .addSelect(
        order.field === 'DUE_ON'
          ? `to_char(${sortSql}, 'YYYY-MM-DD')`
          : `to_char(f.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')`,
        'cursor_key',
      )
      .orderBy(sortSql, keys.directions[0])
      .addOrderBy('f.id', keys.directions[1])
      .limit(page.size + 1);
    if (cursor) {
      query.andWhere(
        keys.after([
          order.field === 'DUE_ON'
            ? ':cursorKey::date'
            : `(:cursorKey::timestamp AT TIME ZONE 'UTC')`,
          ':cursorId::uuid',
        ]),
        { cursorKey: cursor[0], cursorId: cursor[1] },
      );
    }
    const { raw, entities } = await query.getRawAndEntities<{
      cursor_key: string;
      total_count: string;
    }>();
    // No row, no count from it: zero matches from the start, else ask (a page past the end).
    const totalCount = raw.length
      ? Number(raw[0].total_count)
      : cursor
        ? await base.clone().getCount()
        : 0;
    const cursorOf = new Map(entities.map((finding, index) => [finding, raw[index].cursor_key]));
    return toConnection(entities, page, totalCount, (finding) =>
      codec.encode([cursorOf.get(finding)!, finding.id]),
    );
  }

  private filtered(
    manager: EntityManager,
    scope: Scope,
    filter: FindingsListFilter,
  ): SelectQueryBuilder<Finding> {
    const query = scope.apply(
      manager.createQueryBuilder(Finding, 'f').where('NOT f.voided'),
      'f.bureau_id',
    );
    if (filter.sweepId) query.andWhere('f.sweep_id = :sweepId', { sweepId: filter.sweepId });
    if (filter.subtreeOf) {
      query.andWhere(`f.bureau_id IN ${subtreeOf(':subtreeRoot')}`, {
        subtreeRoot: filter.subtreeOf,
      });
    }
    if (filter.alsoSubtreeOf) {
      query.andWhere(`f.bureau_id IN ${subtreeOf(':alsoSubtreeRoot')}`, {
        alsoSubtreeRoot: filter.alsoSubtreeOf,
      });
    }
    if (filter.statuses?.length) {
      query.andWhere('f.status = ANY(:statuses)', { statuses: [...filter.statuses] });
    }
    if (filter.severities?.length) {
      query.andWhere('f.severity = ANY(:severities)', { severities: [...filter.severities] });
    }
    if (filter.violationTypeCodes?.length) {
      query.andWhere('f.violation_type_code = ANY(:violationTypeCodes)', {
        violationTypeCodes: [...filter.violationTypeCodes],
      });
    }
    if (filter.overdue === true) query.andWhere(overdueSql('f'));
    if (filter.overdue === false) query.andWhere(`NOT ${overdueSql('f')}`);
    return query;
  }

  /**
   * Rests a finding on a test (src/samples); its version is bumped by the recomputation of its
   * clocks that follows in the same transaction (CaseClocksService.refreshFinding).
   */
  async setSample(manager: EntityManager, findingId: string, sampleId: string): Promise<void> {
    await manager.update(Finding, { id: findingId }, { sampleId });
  }

  /** How many findings (voided ones too) rest on the sample (findings.sample_id). */
  countRestingOn(manager: EntityManager, sampleId: string): Promise<number> {
    return manager.countBy(Finding, { sampleId });
  }

  /**
   * Writes findings in the order given; distinct instants within one transaction
   * (clock_timestamp) keep that order in lists. Returns the rows as stored, in that order.
   */
  async insert(manager: EntityManager, findings: readonly NewFinding[]): Promise<Finding[]> {
    if (findings.length === 0) return [];
    const params = new SqlParameters();
    const insert = findingsInsertSql(findings, params);
    const rows = await manager.query<Record<string, unknown>[]>(insert.sql, params.values);
    return insert.inOrder(manager, rows);
  }

  /** Voids the findings of an inspection that are not voided yet; returns their ids. */
  async voidOfInspection(manager: EntityManager, inspectionId: string): Promise<string[]> {
    const result = await manager
      .createQueryBuilder()
      .update(Finding)
      .set({ voided: true })
      .where('inspection_id = :inspectionId AND NOT voided', { inspectionId })
      .returning(['id'])
      .execute();
    return (result.raw as { id: string }[]).map((row) => row.id);
  }

  /**
   * This request's loader of findings by id within the scope: a finding outside it is NOT_FOUND.
   * For field resolvers of other areas that lead to a finding (a follow-up's, an alert's).
   */
  findingLoader(loaders: Loaders, scope: Scope): DataLoader<string, Finding> {
    return loaders.custom(
      'inspections.findingById',
      () =>
        new DataLoader<string, Finding>(async (ids) => {
          const rows = await loaders.read((manager) =>
            scope
              .apply(
                manager
                  .createQueryBuilder(Finding, 'f')
                  .where('f.id = ANY(:ids)', { ids: [...ids] }),
                'f.bureau_id',
              )
              .getMany(),
          );
          const byId = new Map(rows.map((row) => [row.id, row]));
          return ids.map((id) => byId.get(id) ?? new NotFound('Finding', id));
        }),
    );
  }

  /** This request's loader of an inspection's findings within the scope, in the order recorded. */
  byInspectionLoader(loaders: Loaders, scope: Scope): DataLoader<string, Finding[]> {
    return loaders.custom(
      'inspections.findingsByInspection',
      () =>
        new DataLoader<string, Finding[]>(async (inspectionIds) => {
          const rows = await loaders.read((manager) =>
            this.ofInspections(manager, scope, inspectionIds),
          );
          return groupBy(inspectionIds, rows, (row) => row.inspectionId);
        }),
    );
  }
}
