import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import { subtreeOf } from '../../bureaus/bureau-tree';
import { NotFound } from '../../common/errors/domain-errors';
import { type Connection, toConnection } from '../../common/pagination/connection';
import { cursorCodec } from '../../common/pagination/cursor';
import { SqlParameters, type Scope } from '../../common/scope';
import { overdueSql } from '../../follow-ups/overdue';
import { groupBy, type Loaders } from '../../graphql/loaders';
import type { FindingStatus } from '../finding.entity';
import { Finding } from '../finding.entity';
import type { Severity } from '../../reference/violation-type.entity';

/** The cursor of the findings list: (created_at as stored, id). */
export const findingsCursor = cursorCodec(['instant', 'uuid']);

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
  | 'goodsQuantity'
  | 'goodsUnit'
  | 'goodsValue'
  | 'evidence'
  | 'foundOn'
  | 'caseDecisionDue'
  | 'createdById'
>;

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
   * A page of the findings that are not voided, newest first (created_at desc, id), with the
   * count of all that match. `after` is a cursor of this list (BAD_USER_INPUT on `after` if not).
   */
  async list(
    manager: EntityManager,
    scope: Scope,
    filter: FindingsListFilter,
    page: { first: number; after?: string | null },
  ): Promise<Connection<Finding>> {
    const after = page.after ? findingsCursor.decode(page.after, 'after') : null;
    const base = this.filtered(manager, scope, filter);
    const totalCount = await base.clone().getCount();
    const query = base
      .clone()
      .addSelect(
        `to_char(f.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')`,
        'cursor_at',
      )
      .orderBy('f.created_at', 'DESC')
      .addOrderBy('f.id', 'ASC')
      .limit(page.first + 1);
    if (after) {
      query.andWhere(
        `(f.created_at < (:cursorAt::timestamp AT TIME ZONE 'UTC') OR (f.created_at = (:cursorAt::timestamp AT TIME ZONE 'UTC') AND f.id > :cursorId::uuid))`,
        { cursorAt: after[0], cursorId: after[1] },
      );
    }
    const { raw, entities } = await query.getRawAndEntities<{ cursor_at: string }>();
    const cursorOf = new Map(entities.map((finding, index) => [finding, raw[index].cursor_at]));
    return toConnection(entities, page.first, totalCount, (finding) =>
      findingsCursor.encode([cursorOf.get(finding)!, finding.id]),
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
   * Writes findings in the order given; distinct instants within one transaction
   * (clock_timestamp) keep that order in lists. Returns the rows as stored, in that order.
   */
  async insert(manager: EntityManager, findings: readonly NewFinding[]): Promise<Finding[]> {
    if (findings.length === 0) return [];
    const ids: string[] = [];
    for (const finding of findings) {
      const inserted = await manager.insert(Finding, {
        ...finding,
        createdAt: () => 'clock_timestamp()',
      });
      ids.push((inserted.identifiers[0] as { id: string }).id);
    }
    const rows = await manager
      .createQueryBuilder(Finding, 'f')
      .where('f.id = ANY(:ids)', { ids })
      .getMany();
    return rows.sort((a, b) => ids.indexOf(a.id) - ids.indexOf(b.id));
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
