import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { subtreeOf } from '../bureaus/bureau-tree';
import { Scope, SqlParameters } from '../common/scope';
import { overdueSql } from '../follow-ups/overdue';

/** What one progress request counts: a sweep, narrowed by the filter (the caller's scope apart). */
export interface ProgressSelection {
  sweepId: string;
  /** Category ids to count; null for every category of the sweep. */
  categoryIds: string[] | null;
  /** Inclusive Asia/Shanghai days of the inspection; null for open-ended. */
  from: string | null;
  to: string | null;
  /** Count only this bureau's subtree; null for everything the scope covers. */
  rootBureauId: string | null;
}

/** One row of figures for a group: the totals (T), a category (C) or a bureau's subtree (B). */
export interface FiguresRow {
  kind: 'T' | 'C' | 'B';
  key: string | null;
  officer_visits: number;
  inspections: number;
  premises_inspected: number;
  target: number;
  completion_rate: number | null;
  findings: number;
  rectification_orders: number;
  rectified: number;
  goods_removed_value: string;
  cases_filed: number;
  fines: string;
  confiscations: string;
  transferred_to_police: number;
  overdue: number;
  exposed_products_found: number;
}

export interface ViolationTypeCountRow {
  code: string;
  count: number;
}

export interface DailyRow {
  date: string;
  inspections: number;
  findings: number;
}

/** A finding counted, as the workbook's findings sheet (问题清单) lists it. */
export interface FindingListRow {
  premises: string;
  bureau: string;
  violation: string;
  severity: string;
  status: string;
  rectification_deadline: string | null;
  case_decision_due: string;
  fine: string | null;
  confiscation: string | null;
  goods_value: string | null;
  inspected_at: Date;
}

/** The common table expressions of one statement and the parameters they (and the rest) use. */
interface Ctes {
  sql: string;
  params: SqlParameters;
  /** The sweep id's placeholder, for the statement's own references to it. */
  sweep: string;
}

/**
 * The common table expressions every progress query starts from, all set-based:
 * - `scope`: the bureaus counted (the filter's subtree, within the caller's scope),
 * - `cats`: the sweep's categories counted,
 * - `insp`: the non-voided inspections counted, with their Asia/Shanghai day. They are selected by
 *   sweep first and by instant range, so the (sweep_id, bureau_id, category_id) index applies;
 * - `fnd`: the non-voided findings of those inspections, selected by their own copies of sweep,
 *   bureau, category, `voided` and `found_on` (the inspection's Shanghai day), so no join to the
 *   inspections is needed.
 */
function progressCtes(scope: Scope, selection: ProgressSelection): Ctes {
  const params = new SqlParameters();
  const sweep = params.add(selection.sweepId, 'uuid');
  const categoryIds = params.add(selection.categoryIds, 'uuid[]');
  const from = params.add(selection.from, 'date');
  const to = params.add(selection.to, 'date');
  const inSubtree = selection.rootBureauId
    ? `b.id IN ${subtreeOf(params.add(selection.rootBureauId, 'uuid'))}`
    : 'TRUE';
  const sql = `WITH scope AS (
        SELECT b.id FROM bureaus b
        WHERE ${inSubtree} AND ${scope.sql('b.id', params)}
      ),
      cats AS (
        SELECT sc.category_id AS id FROM sweep_categories sc
        WHERE sc.sweep_id = ${sweep} AND (${categoryIds} IS NULL OR sc.category_id = ANY(${categoryIds}))
      ),
      insp AS (
        SELECT i.id, i.bureau_id, i.category_id, i.premises_id,
          cardinality(i.officer_ids) AS officers,
          (i.inspected_at AT TIME ZONE 'Asia/Shanghai')::date AS day
        FROM inspections i
        WHERE i.sweep_id = ${sweep} AND NOT i.voided
          AND i.category_id IN (SELECT id FROM cats)
          AND i.bureau_id IN (SELECT id FROM scope)
          AND (${from} IS NULL OR i.inspected_at >= (${from}::timestamp AT TIME ZONE 'Asia/Shanghai'))
          AND (${to} IS NULL OR i.inspected_at < ((${to} + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'))
      ),
      fnd AS (
        SELECT f.* FROM findings f
        WHERE f.sweep_id = ${sweep} AND NOT f.voided
          AND f.category_id IN (SELECT id FROM cats)
          AND f.bureau_id IN (SELECT id FROM scope)
          AND (${from} IS NULL OR f.found_on >= ${from})
          AND (${to} IS NULL OR f.found_on <= ${to})
      )`;
  return { sql, params, sweep };
}

/**
 * Every SQL statement of the progress figures (工作进展情况) and of closing a sweep's findings
 * over: the set-based statistics over inspections, findings and assignments, each read limited
 * by the caller's `Scope` and the request's selection, and the few look-ups the report needs of
 * sweeps and exposures (reads of those areas' tables, kept here until their repositories offer
 * them; bureaus are read through BureausRepository). Every method takes the manager to run on: the progress service runs them all in
 * one read-only REPEATABLE READ snapshot (`Database.snapshot`).
 */
@Injectable()
export class ProgressRepository {
  /**
   * All figures in one statement. Inspections and findings are first folded to one row per
   * (bureau, category, premises), which keeps distinct-premises counts exact while the group
   * expansion below works on far fewer rows than there are inspections. `groups` maps each
   * (bureau, category) pair in scope to the groups it counts in: the totals, its category, and the
   * subtree of every bureau in scope it belongs to (so a parent bureau's row covers its
   * descendants, and distinct counts stay distinct per group). Bureaus are listed when they hold
   * an assignment of the sweep for a category in scope or their subtree logged an inspection
   * counted.
   */
  figures(
    manager: EntityManager,
    scope: Scope,
    selection: ProgressSelection,
  ): Promise<FiguresRow[]> {
    const ctes = progressCtes(scope, selection);
    return manager.query<FiguresRow[]>(
      `${ctes.sql},
      groups AS (
        SELECT 'T'::text AS kind, NULL::uuid AS key, s.id AS bureau_id, c.id AS category_id
          FROM scope s CROSS JOIN cats c
        UNION ALL
        SELECT 'C', c.id, s.id, c.id FROM scope s CROSS JOIN cats c
        UNION ALL
        SELECT 'B', r.id, t.id, c.id
          FROM scope r CROSS JOIN LATERAL bureau_subtree(r.id) AS t(id) CROSS JOIN cats c
      ),
      premises_inspections AS (
        SELECT bureau_id, category_id, premises_id, sum(officers) AS officer_visits,
          count(*) AS inspections
        FROM insp GROUP BY bureau_id, category_id, premises_id
      ),
      premises_findings AS (
        SELECT f.bureau_id, f.category_id, f.premises_id, count(*) AS findings,
          bool_or(f.rectification_ordered) AS rectification_ordered,
          count(*) FILTER (WHERE f.rectification_status = 'RESOLVED') AS rectified,
          sum(f.goods_value) AS goods_removed_value,
          count(DISTINCT f.case_id) AS cases_filed,
          sum(f.fine) AS fines,
          sum(f.confiscation) AS confiscations,
          count(*) FILTER (WHERE f.status = 'TRANSFERRED') AS transferred_to_police,
          count(*) FILTER (WHERE ${overdueSql('f')}) AS overdue,
          count(*) FILTER (WHERE f.exposed_product_id IS NOT NULL) AS exposed_products_found
        FROM fnd f GROUP BY f.bureau_id, f.category_id, f.premises_id
      ),
      inspection_figures AS (
        SELECT g.kind, g.key, sum(w.officer_visits)::int AS officer_visits,
          sum(w.inspections)::int AS inspections,
          count(DISTINCT w.premises_id)::int AS premises_inspected
        FROM premises_inspections w
        JOIN groups g ON g.bureau_id = w.bureau_id AND g.category_id = w.category_id
        GROUP BY g.kind, g.key
      ),
      finding_figures AS (
        SELECT g.kind, g.key, sum(w.findings)::int AS findings,
          count(DISTINCT w.premises_id) FILTER (WHERE w.rectification_ordered)::int AS rectification_orders,
          sum(w.rectified)::int AS rectified,
          sum(w.goods_removed_value) AS goods_removed_value,
          sum(w.cases_filed)::int AS cases_filed,
          sum(w.fines) AS fines,
          sum(w.confiscations) AS confiscations,
          sum(w.transferred_to_police)::int AS transferred_to_police,
          sum(w.overdue)::int AS overdue,
          sum(w.exposed_products_found)::int AS exposed_products_found
        FROM premises_findings w
        JOIN groups g ON g.bureau_id = w.bureau_id AND g.category_id = w.category_id
        GROUP BY g.kind, g.key
      ),
      target_figures AS (
        SELECT g.kind, g.key, sum(a.target)::int AS target
        FROM sweep_assignments a
        JOIN groups g ON g.bureau_id = a.bureau_id AND g.category_id = a.category_id
        WHERE a.sweep_id = ${ctes.sweep}
        GROUP BY g.kind, g.key
      ),
      listed AS (
        SELECT 'T'::text AS kind, NULL::uuid AS key
        UNION SELECT 'C', id FROM cats
        UNION SELECT 'B', a.bureau_id FROM sweep_assignments a
          WHERE a.sweep_id = ${ctes.sweep} AND a.bureau_id IN (SELECT id FROM scope)
            AND a.category_id IN (SELECT id FROM cats)
        UNION SELECT kind, key FROM inspection_figures WHERE kind = 'B'
      )
      SELECT l.kind, l.key,
        coalesce(x.officer_visits, 0) AS officer_visits,
        coalesce(x.inspections, 0) AS inspections,
        coalesce(x.premises_inspected, 0) AS premises_inspected,
        coalesce(t.target, 0) AS target,
        CASE WHEN coalesce(t.target, 0) = 0 THEN NULL
          ELSE round(coalesce(x.premises_inspected, 0)::numeric / t.target, 4)::float8 END AS completion_rate,
        coalesce(y.findings, 0) AS findings,
        coalesce(y.rectification_orders, 0) AS rectification_orders,
        coalesce(y.rectified, 0) AS rectified,
        round(coalesce(y.goods_removed_value, 0), 2)::text AS goods_removed_value,
        coalesce(y.cases_filed, 0) AS cases_filed,
        round(coalesce(y.fines, 0), 2)::text AS fines,
        round(coalesce(y.confiscations, 0), 2)::text AS confiscations,
        coalesce(y.transferred_to_police, 0) AS transferred_to_police,
        coalesce(y.overdue, 0) AS overdue,
        coalesce(y.exposed_products_found, 0) AS exposed_products_found
      FROM listed l
      LEFT JOIN inspection_figures x ON x.kind = l.kind AND x.key IS NOT DISTINCT FROM l.key
      LEFT JOIN finding_figures y ON y.kind = l.kind AND y.key IS NOT DISTINCT FROM l.key
      LEFT JOIN target_figures t ON t.kind = l.kind AND t.key IS NOT DISTINCT FROM l.key`,
      ctes.params.values,
    );
  }

  /** Findings counted per violation type, only types found, most first. */
  violationTypeCounts(
    manager: EntityManager,
    scope: Scope,
    selection: ProgressSelection,
  ): Promise<ViolationTypeCountRow[]> {
    const ctes = progressCtes(scope, selection);
    return manager.query<ViolationTypeCountRow[]>(
      `${ctes.sql}
      SELECT f.violation_type_code AS code, count(*)::int AS count
      FROM fnd f GROUP BY f.violation_type_code
      ORDER BY count(*) DESC, f.violation_type_code`,
      ctes.params.values,
    );
  }

  /** One row per Asia/Shanghai day from the first inspection counted to the last, zero days included. */
  daily(manager: EntityManager, scope: Scope, selection: ProgressSelection): Promise<DailyRow[]> {
    const ctes = progressCtes(scope, selection);
    return manager.query<DailyRow[]>(
      `${ctes.sql},
      inspections_per_day AS (SELECT day, count(*)::int AS n FROM insp GROUP BY day),
      findings_per_day AS (SELECT found_on AS day, count(*)::int AS n FROM fnd GROUP BY found_on)
      SELECT to_char(d, 'YYYY-MM-DD') AS date, coalesce(ip.n, 0) AS inspections,
        coalesce(fp.n, 0) AS findings
      FROM generate_series(
        (SELECT min(day) FROM inspections_per_day)::timestamp,
        (SELECT max(day) FROM inspections_per_day)::timestamp,
        interval '1 day') d
      LEFT JOIN inspections_per_day ip ON ip.day = d::date
      LEFT JOIN findings_per_day fp ON fp.day = d::date
      ORDER BY d`,
      ctes.params.values,
    );
  }

  /** The findings counted, for the workbook's findings sheet (问题清单), oldest inspection first. */
  findingList(
    manager: EntityManager,
    scope: Scope,
    selection: ProgressSelection,
  ): Promise<FindingListRow[]> {
    const ctes = progressCtes(scope, selection);
    return manager.query<FindingListRow[]>(
      `${ctes.sql}
      SELECT p.name AS premises, b.name AS bureau, v.name AS violation, f.severity, f.status,
        f.rectification_deadline::text AS rectification_deadline,
        f.case_decision_due::text AS case_decision_due,
        f.fine::text AS fine, f.confiscation::text AS confiscation, f.goods_value::text AS goods_value,
        i.inspected_at
      FROM fnd f
      JOIN inspections i ON i.id = f.inspection_id
      JOIN premises p ON p.id = f.premises_id
      JOIN bureaus b ON b.id = f.bureau_id
      JOIN violation_types v ON v.code = f.violation_type_code
      ORDER BY i.inspected_at, f.id`,
      ctes.params.values,
    );
  }
}
