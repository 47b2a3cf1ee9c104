import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { subtreeOf } from '../bureaus/bureau-tree';
import { Scope, SqlParameters } from '../common/scope';

/** What one progress request counts: one or more sweeps, narrowed by the filter (the caller's scope apart). */
export interface ProgressSelection {
  /** The sweeps counted; figures are kept apart per sweep (a batch of `Sweep.progress`). */
  sweepIds: string[];
  /** Category ids to count; null for every category of the sweep. */
  categoryIds: string[] | null;
  /** Inclusive Asia/Shanghai days of the inspection; null for open-ended. */
  from: string | null;
  to: string | null;
  /** 截至: the Asia/Shanghai day the figures are as of, min(`to`, today). */
  asOf: string;
  /** Count only this bureau's subtree; null for everything the scope covers. */
  rootBureauId: string | null;
}

/**
 * One row of figures for a group of one sweep: the totals (T), a category (C), a bureau's subtree
 * (B) or a bureau's own records without its descendants (S, 本级).
 */
export interface FiguresRow {
  sweep_id: string;
  kind: 'T' | 'C' | 'B' | 'S';
  key: string | null;
  officer_visits: number;
  inspections: number;
  premises_inspected: number;
  target: number;
  completed: number;
  findings: number;
  rectification_orders: number;
  rectified: number;
  goods_removed_value: string;
  cases_filed: number;
  cases_declined: number;
  fines: string;
  confiscations: string;
  confiscated_goods_value: string;
  transferred_to_police: number;
  overdue_rectifications: number;
  overdue_filing_decisions: number;
  overdue_penalty_decisions: number;
  overdue_publications: number;
  exposed_products_found: number;
  /** 查封扣押, merged in by ProgressService from the measures' own read (absent: none). */
  compulsory_measures?: number;
  compulsory_measures_value?: string;
  /** Clue figures (src/clues), added by ProgressService to the rows of both sources. */
  clues_received?: number;
  clues_closed?: number;
  /** 抽检 / 不合格 (批次): merged in from SamplesRepository.figures by the service, whatever the source. */
  samples_taken?: number;
  samples_failed?: number;
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
export interface Ctes {
  sql: string;
  params: SqlParameters;
  /** The sweep ids' placeholder (uuid[]), for the statement's own references to them. */
  sweeps: string;
  /** The as-of day's placeholder (date), added to the parameters by the statements using it. */
  asOf: () => string;
}

/** The key of the totals' group: a value, so that groups join on (sweep, kind, key) with USING. */
export const TOTALS_KEY = `'00000000-0000-0000-0000-000000000000'::uuid`;

/** The Asia/Shanghai day a follow-up took effect. */
const FOLLOW_UP_DAY = `(u.at AT TIME ZONE 'Asia/Shanghai')::date`;

/**
 * The common table expressions every progress query starts from, all set-based:
 * - `scope`: the bureaus counted (the filter's subtree, within the caller's scope),
 * - `cats`: the sweeps' categories counted,
 * - `insp`: the non-voided inspections counted, with their Asia/Shanghai day. They are selected by
 *   sweep first and by instant range, so the (sweep_id, bureau_id, category_id) index applies;
 * - `fnd`: the non-voided findings of those inspections, selected by their own copies of sweep,
 *   bureau, category, `voided` and `found_on` (the inspection's Shanghai day), so no join to the
 *   inspections is needed.
 */
export function progressCtes(scope: Scope, selection: ProgressSelection): Ctes {
  const params = new SqlParameters();
  const sweeps = params.add(selection.sweepIds, 'uuid[]');
  const categoryIds = params.add(selection.categoryIds, 'uuid[]');
  const from = params.add(selection.from, 'date');
  const to = params.add(selection.to, 'date');
  let asOfPlaceholder: string | undefined;
  const asOf = () => (asOfPlaceholder ??= params.add(selection.asOf, 'date'));
  const inSubtree = selection.rootBureauId
    ? `b.id IN ${subtreeOf(params.add(selection.rootBureauId, 'uuid'))}`
    : 'TRUE';
  const sql = `WITH scope AS (
        SELECT b.id FROM bureaus b
        WHERE ${inSubtree} AND ${scope.sql('b.id', params)}
      ),
      cats AS (
        SELECT sc.sweep_id, sc.category_id AS id FROM sweep_categories sc
        WHERE sc.sweep_id = ANY(${sweeps})
          AND (${categoryIds} IS NULL OR sc.category_id = ANY(${categoryIds}))
      ),
      insp AS (
        SELECT i.id, i.sweep_id, i.bureau_id, i.category_id, i.premises_id, i.officer_ids,
          (i.inspected_at AT TIME ZONE 'Asia/Shanghai')::date AS day
        FROM inspections i
        WHERE i.sweep_id = ANY(${sweeps}) AND NOT i.voided
          AND (i.sweep_id, i.category_id) IN (SELECT sweep_id, id FROM cats)
          AND i.bureau_id IN (SELECT id FROM scope)
          AND (${from} IS NULL OR i.inspected_at >= (${from}::timestamp AT TIME ZONE 'Asia/Shanghai'))
          AND (${to} IS NULL OR i.inspected_at < ((${to} + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'))
      ),
      fnd AS (
        SELECT f.* FROM findings f
        WHERE f.sweep_id = ANY(${sweeps}) AND NOT f.voided
          AND (f.sweep_id, f.category_id) IN (SELECT sweep_id, id FROM cats)
          AND f.bureau_id IN (SELECT id FROM scope)
          AND (${from} IS NULL OR f.found_on >= ${from})
          AND (${to} IS NULL OR f.found_on <= ${to})
      )`;
  return { sql, params, sweeps, asOf };
}

/**
 * The findings counted with their follow-up state as of the as-of day (截至): only follow-ups
 * that took effect by the end of that day count, so statuses, orders, re-inspections and
 * deadlines are those of that day, not today's. A finding without a follow-up by then is OPEN.
 * The sequence of follow-ups is the order they were recorded (the workflow is sequential).
 */
export function findingsAsOfSql(asOf: string): string {
  return `fu AS (
        SELECT u.finding_id,
          (array_agg(u.to_status ORDER BY u.recorded_at DESC, u.id DESC))[1] AS status,
          (array_agg(u.due_date ORDER BY u.recorded_at DESC, u.id DESC)
            FILTER (WHERE u.action IN ('RECTIFICATION_ORDERED', 'REINSPECTION_FAILED')))[1]
            AS rectification_deadline,
          (array_agg(u.action ORDER BY u.recorded_at DESC, u.id DESC)
            FILTER (WHERE u.action IN ('RECTIFICATION_ORDERED', 'REINSPECTION_FAILED', 'REINSPECTION_PASSED')))[1]
            AS rectification_last,
          bool_or(u.action = 'RECTIFICATION_ORDERED') AS ordered,
          bool_or(u.action = 'REINSPECTION_PASSED') AS passed
        FROM follow_ups u
        WHERE u.finding_id IN (SELECT id FROM fnd) AND ${FOLLOW_UP_DAY} <= ${asOf}
        GROUP BY u.finding_id
      ),
      fx AS (
        SELECT f.id, f.sweep_id, f.bureau_id, f.category_id, f.premises_id, f.goods_value,
          f.exposed_product_id, f.case_number, f.case_decision_due, f.penalty_decision_due,
          coalesce(fu.status, 'OPEN') AS status, fu.rectification_deadline,
          coalesce(fu.rectification_last IN ('RECTIFICATION_ORDERED', 'REINSPECTION_FAILED'), false)
            AS rectifying,
          coalesce(fu.ordered, false) AS ordered, coalesce(fu.passed, false) AS passed
        FROM fnd f LEFT JOIN fu ON fu.finding_id = f.id
      )`;
}

/**
 * The working day `n` working days after the SQL date `day` (the start day not counted), over the
 * holiday table (weekends off, holidays off, 调休 weekend days worked), as `computeClock` counts a
 * working-day period without exclusions. Used for the publication clock (20 working days, no
 * extension, no suspension) of decisions published since, whose stored due day is gone.
 */
function workingDaysAfterSql(day: string, n: number): string {
  return `(SELECT wd.d::date FROM generate_series(${day} + 1, ${day} + ${n * 3 + 30}, interval '1 day') AS wd(d)
      LEFT JOIN calendar_exceptions ce ON ce.day = wd.d::date
      WHERE coalesce(ce.working_day, extract(isodow FROM wd.d) < 6)
      ORDER BY wd.d OFFSET ${n - 1} LIMIT 1)`;
}

/**
 * 立案、不予立案、罚没款、没收非法财物、移送公安 and the filing / penalty / publication clocks as of
 * the as-of day D, from the case files (docs/cases.md). A case counts through the findings counted
 * that joined it by D (the findings' sweep, category and premises' bureau place it in the groups:
 * a case with findings in two categories counts once in each category's row and once in a total,
 * as every fact is counted distinct per group by its key). Each fact is one row keyed by what it
 * counts: a case by its id (filed by D; money once per PENALTY decision decided by D, never per
 * finding; a case transferred to the police by D and not returned by then — a transfer the police
 * return (不予立案, 退回) puts the case back in the bureau's hands (DOMAIN.md, Case), so the demo's
 * 仁和堂 case returned on 8 April is not among 30 April's 移送公安1件), a finding by its id (a 不予立案
 * decided by D; a transfer to the police without a case by D).
 *
 * Overdue by clock on D (a due day itself is on time), as `overdueSql` judges a finding today:
 * - filing decision: a finding with no filing decision by D (nor a transfer without a case) whose
 *   stored filing due day (`case_decision_due`) < D;
 * - penalty decision: a case filed by D, not decided, closed or with another authority on D (a
 *   transfer made by D and not returned by then), whose penalty due day < D: the stored
 *   `clock_dues.PENALTY_DECISION` while still open, else the due day mirrored on its findings;
 * - publication: a case decided by D with a PENALTY published (not a warning alone from
 *   2021-09-01), not published by D, whose publication due day < D: the stored
 *   `clock_dues.PUBLICATION` while unpublished (none stored: not judged overdue, as `overdueSql`),
 *   else (published after D, the stored due day gone) 20 working days after the decision.
 * Approximation: the stored due days are those computed with every extension and suspension
 * recorded so far (including any recorded after D, and the excluded time of a transfer returned
 * after D); the stored data keeps no history of due days, so a clock judged on a past D uses them.
 */
export function caseFactsSql(asOf: string): string {
  return `case_links AS (
        SELECT f.sweep_id, f.bureau_id, f.category_id, c.id AS case_id, c.decided_on, c.outcome,
          c.penalties, c.fine, c.illegal_gains, c.confiscated_goods_value, c.transfer_authority,
          c.transferred_on, c.transfer_outcome, c.transfer_outcome_on, c.published_on, c.closed_on,
          coalesce((c.clock_dues ->> 'PENALTY_DECISION')::date, f.penalty_decision_due) AS penalty_due,
          c.clock_dues ->> 'PUBLICATION' AS publication_due
        FROM fnd f JOIN cases c ON c.id = f.case_id
        WHERE f.filing_decision = 'FILED' AND c.filed_on <= ${asOf}
          AND coalesce(f.filing_decided_on, c.filed_on) <= ${asOf}
      ),
      case_facts AS (
        SELECT l.sweep_id, l.bureau_id, l.category_id, 'FILED'::text AS fact,
          l.case_id::text AS fact_key, NULL::numeric AS fine, NULL::numeric AS confiscation,
          NULL::numeric AS goods
        FROM case_links l
        UNION ALL
        SELECT l.sweep_id, l.bureau_id, l.category_id, 'DECISION', l.case_id::text, l.fine,
          l.illegal_gains, l.confiscated_goods_value
        FROM case_links l WHERE l.outcome = 'PENALTY' AND l.decided_on <= ${asOf}
        UNION ALL
        SELECT l.sweep_id, l.bureau_id, l.category_id, 'POLICE', l.case_id::text, NULL, NULL, NULL
        FROM case_links l WHERE l.transfer_authority = 'POLICE' AND l.transferred_on <= ${asOf}
          AND NOT coalesce(l.transfer_outcome = 'RETURNED' AND l.transfer_outcome_on <= ${asOf}, false)
        UNION ALL
        SELECT f.sweep_id, f.bureau_id, f.category_id, 'POLICE', f.id::text, NULL, NULL, NULL
        FROM fnd f WHERE f.case_id IS NULL AND f.transferred_on <= ${asOf}
        UNION ALL
        SELECT f.sweep_id, f.bureau_id, f.category_id, 'DECLINED', f.id::text, NULL, NULL, NULL
        FROM fnd f WHERE f.filing_decision = 'DECLINED' AND f.filing_decided_on <= ${asOf}
        UNION ALL
        SELECT f.sweep_id, f.bureau_id, f.category_id, 'OVERDUE_FILING', f.id::text, NULL, NULL, NULL
        FROM fnd f LEFT JOIN cases c ON c.id = f.case_id
        WHERE f.case_decision_due < ${asOf}
          AND NOT coalesce(f.filing_decision IS NOT NULL
            AND coalesce(f.filing_decided_on, c.filed_on) <= ${asOf}, false)
          AND NOT coalesce(f.case_id IS NULL AND f.transferred_on <= ${asOf}, false)
        UNION ALL
        SELECT l.sweep_id, l.bureau_id, l.category_id, 'OVERDUE_PENALTY', l.case_id::text,
          NULL, NULL, NULL
        FROM case_links l
        WHERE l.penalty_due < ${asOf}
          AND NOT coalesce(l.decided_on <= ${asOf}, false)
          AND NOT coalesce(l.closed_on <= ${asOf}, false)
          AND NOT coalesce(l.transferred_on <= ${asOf}
            AND NOT coalesce(l.transfer_outcome = 'RETURNED' AND l.transfer_outcome_on <= ${asOf}, false),
            false)
        UNION ALL
        SELECT l.sweep_id, l.bureau_id, l.category_id, 'OVERDUE_PUBLICATION', l.case_id::text,
          NULL, NULL, NULL
        FROM case_links l
        WHERE l.outcome = 'PENALTY' AND l.decided_on <= ${asOf}
          AND NOT (l.penalties = ARRAY['WARNING']::varchar[] AND l.decided_on >= DATE '2021-09-01')
          AND NOT coalesce(l.published_on <= ${asOf}, false)
          AND CASE WHEN l.published_on IS NULL THEN l.publication_due::date
            ELSE ${workingDaysAfterSql('l.decided_on', 20)} END < ${asOf}
      )`;
}

/**
 * Each fact row of `facts` (with its sweep, bureau and category) once per group it counts in:
 * every group of its bureau (`groups`) and its category's row.
 */
export function groupedSql(facts: string): string {
  return `(
        SELECT x.*, g.kind, g.key FROM ${facts} x JOIN groups g ON g.bureau_id = x.bureau_id
        UNION ALL SELECT x.*, 'C', x.category_id FROM ${facts} x
      )`;
}

/** The groups each bureau in scope counts in: the totals, every subtree holding it, its own row. */
export function groupsSql(): string {
  return `groups AS (
        SELECT 'T'::text AS kind, ${TOTALS_KEY} AS key, s.id AS bureau_id FROM scope s
        UNION ALL
        SELECT 'B', r.id, t.id FROM scope r CROSS JOIN LATERAL bureau_subtree(r.id) AS t(id)
        UNION ALL
        SELECT 'S', s.id, s.id FROM scope s
      )`;
}

/** 立案、不予立案、移送公安、overdue filing / penalty / publication and the money per group. */
export function caseFiguresSql(): string {
  return `case_figures AS (
        SELECT sweep_id, kind, key,
          count(DISTINCT fact_key) FILTER (WHERE fact = 'FILED')::int AS cases_filed,
          count(DISTINCT fact_key) FILTER (WHERE fact = 'DECLINED')::int AS cases_declined,
          count(DISTINCT fact_key) FILTER (WHERE fact = 'POLICE')::int AS transferred_to_police,
          count(DISTINCT fact_key) FILTER (WHERE fact = 'OVERDUE_FILING')::int
            AS overdue_filing_decisions,
          count(DISTINCT fact_key) FILTER (WHERE fact = 'OVERDUE_PENALTY')::int
            AS overdue_penalty_decisions,
          count(DISTINCT fact_key) FILTER (WHERE fact = 'OVERDUE_PUBLICATION')::int
            AS overdue_publications
        FROM ${groupedSql('case_facts')} w GROUP BY sweep_id, kind, key
      ),
      decision_figures AS (
        SELECT sweep_id, kind, key, sum(fine) AS fines, sum(confiscation) AS confiscations,
          sum(goods) AS confiscated_goods_value
        FROM (
          SELECT DISTINCT ON (sweep_id, kind, key, fact_key) sweep_id, kind, key, fine, confiscation,
            goods
          FROM ${groupedSql('case_facts')} w WHERE fact = 'DECISION'
          ORDER BY sweep_id, kind, key, fact_key
        ) d GROUP BY sweep_id, kind, key
      )`;
}

/**
 * The groups listed and their figures, from the per-figure CTEs `officer_figures`,
 * `visit_figures`, `finding_figures`, `case_figures`, `decision_figures`, `target_figures`,
 * `assignments` and `cats`.
 */
export function figuresSelectSql(sweeps: string): string {
  return `listed AS (
        SELECT s.id AS sweep_id, 'T'::text AS kind, ${TOTALS_KEY} AS key
          FROM unnest(${sweeps}) AS s(id)
        UNION SELECT sweep_id, 'C', id FROM cats
        UNION SELECT sweep_id, 'B', bureau_id FROM assignments
        UNION SELECT sweep_id, kind, key FROM target_figures WHERE kind = 'S'
        UNION SELECT sweep_id, kind, key FROM visit_figures WHERE kind IN ('B', 'S')
        UNION SELECT sweep_id, kind, key FROM officer_figures WHERE kind IN ('B', 'S')
        UNION SELECT sweep_id, kind, key FROM finding_figures WHERE kind = 'S'
      )
      SELECT l.sweep_id, l.kind, nullif(l.key, ${TOTALS_KEY}) AS key,
        coalesce(o.officer_visits, 0) AS officer_visits,
        coalesce(x.inspections, 0) AS inspections,
        coalesce(x.premises_inspected, 0) AS premises_inspected,
        coalesce(t.target, 0) AS target,
        coalesce(t.completed, 0) AS completed,
        coalesce(y.findings, 0) AS findings,
        coalesce(y.rectification_orders, 0) AS rectification_orders,
        coalesce(y.rectified, 0) AS rectified,
        round(coalesce(y.goods_removed_value, 0), 2)::text AS goods_removed_value,
        coalesce(c.cases_filed, 0) AS cases_filed,
        coalesce(c.cases_declined, 0) AS cases_declined,
        round(coalesce(d.fines, 0), 2)::text AS fines,
        round(coalesce(d.confiscations, 0), 2)::text AS confiscations,
        round(coalesce(d.confiscated_goods_value, 0), 2)::text AS confiscated_goods_value,
        coalesce(c.transferred_to_police, 0) AS transferred_to_police,
        coalesce(y.overdue_rectifications, 0) AS overdue_rectifications,
        coalesce(c.overdue_filing_decisions, 0) AS overdue_filing_decisions,
        coalesce(c.overdue_penalty_decisions, 0) AS overdue_penalty_decisions,
        coalesce(c.overdue_publications, 0) AS overdue_publications,
        coalesce(y.exposed_products_found, 0) AS exposed_products_found
      FROM listed l
      LEFT JOIN officer_figures o USING (sweep_id, kind, key)
      LEFT JOIN visit_figures x USING (sweep_id, kind, key)
      LEFT JOIN finding_figures y USING (sweep_id, kind, key)
      LEFT JOIN case_figures c USING (sweep_id, kind, key)
      LEFT JOIN decision_figures d USING (sweep_id, kind, key)
      LEFT JOIN target_figures t USING (sweep_id, kind, key)`;
}

/**
 * Every SQL statement of the progress figures (工作进展情况) and of closing a sweep's findings
 * over: the set-based statistics over inspections, findings, follow-ups and assignments, each read
 * limited by the caller's `Scope` and the request's selection. Every method takes the manager to
 * run on: the progress service runs them all in one read-only REPEATABLE READ snapshot
 * (`Database.snapshot`).
 */
@Injectable()
export class ProgressRepository {
  /**
   * All figures of every sweep selected in one statement (DOMAIN.md, “What managers read”), as of
   * the selection's as-of day. Each fact is one row carrying the bureau whose row it counts in
   * (premises, visits and findings: the premises' bureau; officer-days: the officer's own bureau
   * when it is in scope, else the premises') and its category; `groups` maps a bureau to the groups
   * it counts in (the totals, the subtree of every bureau in scope it belongs to, and its own 本级
   * row), every fact also counts in its category's row, and distinct counts are taken per group:
   * 人次 = distinct (officer, day), 户次 = distinct (premises, day), 户 = distinct premises.
   * Completion is per assignment: distinct premises of its category inspected in its bureau's
   * subtree, capped at its target; `completed` is the sum of the capped counts.
   * Bureaus are listed when they hold an assignment of the sweep for a category in scope, or their
   * subtree logged an inspection counted or has officers who took part in one.
   */
  recomputeFigures(
    manager: EntityManager,
    scope: Scope,
    selection: ProgressSelection,
  ): Promise<FiguresRow[]> {
    const ctes = progressCtes(scope, selection);
    return manager.query<FiguresRow[]>(
      `${ctes.sql},
      ${findingsAsOfSql(ctes.asOf())},
      ${caseFactsSql(ctes.asOf())},
      ${groupsSql()},
      officer_days AS (
        SELECT DISTINCT i.sweep_id,
          CASE WHEN o.bureau_id IN (SELECT id FROM scope) THEN o.bureau_id ELSE i.bureau_id END
            AS bureau_id,
          i.category_id, v.officer_id, i.day
        FROM insp i CROSS JOIN LATERAL unnest(i.officer_ids) AS v(officer_id)
        LEFT JOIN officers o ON o.id = v.officer_id
      ),
      officer_figures AS (
        SELECT sweep_id, kind, key, count(DISTINCT (officer_id, day))::int AS officer_visits
        FROM ${groupedSql('officer_days')} w GROUP BY sweep_id, kind, key
      ),
      visits AS (
        SELECT DISTINCT sweep_id, bureau_id, category_id, premises_id, day FROM insp
      ),
      visit_figures AS (
        SELECT sweep_id, kind, key, count(DISTINCT (premises_id, day))::int AS inspections,
          count(DISTINCT premises_id)::int AS premises_inspected
        FROM ${groupedSql('visits')} w GROUP BY sweep_id, kind, key
      ),
      finding_facts AS (
        SELECT f.sweep_id, f.bureau_id, f.category_id, f.premises_id, f.goods_value,
          f.exposed_product_id, f.ordered, f.passed,
          (f.rectifying AND f.rectification_deadline < ${ctes.asOf()}) AS overdue_rectification
        FROM fx f
      ),
      finding_figures AS (
        SELECT sweep_id, kind, key, count(*)::int AS findings,
          count(DISTINCT premises_id) FILTER (WHERE ordered)::int AS rectification_orders,
          (count(DISTINCT premises_id) FILTER (WHERE ordered)
            - count(DISTINCT premises_id) FILTER (WHERE ordered AND NOT passed))::int AS rectified,
          sum(goods_value) AS goods_removed_value,
          count(*) FILTER (WHERE overdue_rectification)::int AS overdue_rectifications,
          count(*) FILTER (WHERE exposed_product_id IS NOT NULL)::int AS exposed_products_found
        FROM ${groupedSql('finding_facts')} w GROUP BY sweep_id, kind, key
      ),
      ${caseFiguresSql()},
      assignments AS (
        SELECT a.sweep_id, a.bureau_id, a.category_id, a.target,
          least(a.target, (
            SELECT count(DISTINCT v.premises_id) FROM insp v
            WHERE v.sweep_id = a.sweep_id AND v.category_id = a.category_id
              AND v.bureau_id IN (SELECT t.id FROM bureau_subtree(a.bureau_id) AS t(id))
          ))::int AS completed
        FROM sweep_assignments a
        WHERE a.sweep_id = ANY(${ctes.sweeps}) AND a.bureau_id IN (SELECT id FROM scope)
          AND (a.sweep_id, a.category_id) IN (SELECT sweep_id, id FROM cats)
      ),
      target_figures AS (
        SELECT sweep_id, kind, key, sum(target)::int AS target, sum(completed)::int AS completed
        FROM ${groupedSql('assignments')} w GROUP BY sweep_id, kind, key
      ),
      ${figuresSelectSql(ctes.sweeps)}`,
      ctes.params.values,
    );
  }

  /** The kinds of the premises inspected, for the summary's noun (市场主体 or 各类主体). */
  async recomputePremisesKindsInspected(
    manager: EntityManager,
    scope: Scope,
    selection: ProgressSelection,
  ): Promise<string[]> {
    const ctes = progressCtes(scope, selection);
    const rows = await manager.query<{ kind: string }[]>(
      `${ctes.sql}
      SELECT DISTINCT p.kind FROM premises p WHERE p.id IN (SELECT premises_id FROM insp)
      ORDER BY p.kind`,
      ctes.params.values,
    );
    return rows.map((row) => row.kind);
  }

  /** Findings counted per violation type, only types found, most first. */
  recomputeViolationTypeCounts(
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

  /**
   * One row per Asia/Shanghai day from the first inspection counted to the last, zero days
   * included, never outside the sweep's own days (an inspection dated outside them is not a day of
   * the sweep). Inspections are 户次: distinct premises visited that day.
   */
  recomputeDaily(
    manager: EntityManager,
    scope: Scope,
    selection: ProgressSelection,
  ): Promise<DailyRow[]> {
    const ctes = progressCtes(scope, selection);
    return manager.query<DailyRow[]>(
      `${ctes.sql},
      inspections_per_day AS (
        SELECT day, count(DISTINCT premises_id)::int AS n FROM insp GROUP BY day
      ),
      findings_per_day AS (SELECT found_on AS day, count(*)::int AS n FROM fnd GROUP BY found_on),
      sweep_days AS (
        SELECT min(start_date) AS first, max(end_date) AS last FROM sweeps
        WHERE id = ANY(${ctes.sweeps})
      )
      SELECT to_char(d, 'YYYY-MM-DD') AS date, coalesce(ip.n, 0) AS inspections,
        coalesce(fp.n, 0) AS findings
      FROM generate_series(
        greatest((SELECT min(day) FROM inspections_per_day), (SELECT first FROM sweep_days))::timestamp,
        least((SELECT max(day) FROM inspections_per_day), (SELECT last FROM sweep_days))::timestamp,
        interval '1 day') d
      LEFT JOIN inspections_per_day ip ON ip.day = d::date
      LEFT JOIN findings_per_day fp ON fp.day = d::date
      WHERE EXISTS (SELECT 1 FROM inspections_per_day)
      ORDER BY d`,
      ctes.params.values,
    );
  }

  /**
   * The findings counted, for the workbook's findings sheet (问题清单), oldest inspection first,
   * with their status, deadline and amounts as of the as-of day: the fine and illegal gains of
   * the decision of their case, decided by then (the same amounts on each finding of one case;
   * the 汇总 sheet counts them once per decision).
   */
  findingList(
    manager: EntityManager,
    scope: Scope,
    selection: ProgressSelection,
  ): Promise<FindingListRow[]> {
    const ctes = progressCtes(scope, selection);
    return manager.query<FindingListRow[]>(
      `${ctes.sql},
      ${findingsAsOfSql(ctes.asOf())},
      decided AS (
        SELECT f.id AS finding_id, c.fine, c.illegal_gains AS confiscation
        FROM fnd f JOIN cases c ON c.id = f.case_id
        WHERE c.outcome = 'PENALTY' AND c.decided_on <= ${ctes.asOf()}
          AND coalesce(f.filing_decided_on, c.filed_on) <= ${ctes.asOf()}
      )
      SELECT p.name AS premises, b.name AS bureau, v.name AS violation, f.severity, x.status,
        x.rectification_deadline::text AS rectification_deadline,
        f.case_decision_due::text AS case_decision_due,
        d.fine::text AS fine, d.confiscation::text AS confiscation, f.goods_value::text AS goods_value,
        i.inspected_at
      FROM fnd f
      JOIN fx x ON x.id = f.id
      LEFT JOIN decided d ON d.finding_id = f.id
      JOIN inspections i ON i.id = f.inspection_id
      JOIN premises p ON p.id = f.premises_id
      JOIN bureaus b ON b.id = f.bureau_id
      JOIN violation_types v ON v.code = f.violation_type_code
      ORDER BY i.inspected_at, f.id`,
      ctes.params.values,
    );
  }
}
