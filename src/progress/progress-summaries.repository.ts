import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Scope } from '../common/scope';
import type {
  Ctes,
  DailyRow,
  FiguresRow,
  ProgressSelection,
  ViolationTypeCountRow,
} from './progress.repository';
import { figuresSelectSql, groupedSql, groupsSql, progressCtes } from './progress.repository';

/**
 * The counter rows of the summaries (docs/progress.md) selected for a request and the groups each
 * counts in. `dc`: the counter rows of the sweeps, inside the scope and the categories counted, up
 * to the `to` day, summed over days; `priors`: the prior cells of each such row that are inside
 * too, with the bureau they count in; `counted`: each row once per group (the totals, a subtree,
 * a bureau's own row, its category's row) in which it is the first cell of its unit — the row of
 * a premises, a (premises, day) or an (officer, day) that counts for that group.
 * A 人次 counts in the officer's own bureau when it is in scope, else in the premises' bureau.
 */
/**
 * The counter rows to add up for the days up to `to`: every day's row up to it, or for an
 * open-ended range the row of all days ('infinity'); `perDay` for a series by day.
 */
function daysSql(day: string, to: string, perDay: boolean): string {
  if (perDay) return `${day} <= coalesce(${to}::date, 'infinity') AND ${day} < 'infinity'`;
  return `${day} BETWEEN CASE WHEN ${to}::date IS NULL THEN 'infinity'::date ELSE '-infinity'::date END
          AND coalesce(${to}::date, 'infinity')`;
}

/**
 * For each bureau in scope, the groups it counts in ('kind:key') and the bureaus whose subtree
 * holds it (the assignments' groups), from `groups`.
 */
function bureauKeysSql(): string {
  return `bureau_keys AS (
        SELECT bureau_id, array_agg(kind || ':' || key) AS keys,
          coalesce(array_agg(key) FILTER (WHERE kind = 'B'), '{}') AS subtrees
        FROM groups GROUP BY bureau_id
      )`;
}

/**
 * The groups in which a counter row `x` does not count because one of its prior cells (inside
 * the scope and the categories counted) already counts there: 'kind:key' for the totals, subtree
 * and own rows (any category counted), 'C:category' for a category's row, 'B:bureau:category'
 * for an assignment (its bureau's subtree, one category). `attributed` gives the bureau a prior
 * cell `p` counts in. Most rows have no prior cell: then nothing is read.
 */
function blockedSql(attributed: string): string {
  return `CASE WHEN cardinality(x.prior_bureaus) = 0 THEN '{}'::text[] ELSE ARRAY(
          SELECT k.key
          FROM unnest(x.p_officer_bureaus, x.prior_bureaus, x.prior_categories)
            AS p(officer_bureau_id, bureau_id, category_id)
          JOIN bureau_keys bk ON bk.bureau_id = (${attributed})
          CROSS JOIN LATERAL unnest(bk.keys || ('C:' || p.category_id)
            || ARRAY(SELECT 'B:' || t || ':' || p.category_id FROM unnest(bk.subtrees) AS t)) AS k(key)
          WHERE p.bureau_id IN (SELECT id FROM scope)
            AND (x.sweep_id, p.category_id) IN (SELECT sweep_id, id FROM cats)
        ) END`;
}

function countedSql(ctes: Ctes, to: string): string {
  return `dc AS (
        SELECT d.sweep_id, d.figure, d.officer_bureau_id, d.bureau_id,
          d.category_id, d.premises_kind, d.prior_officer_bureaus, d.prior_bureaus,
          d.prior_categories, sum(d.n)::int AS n
        FROM progress_distinct d
        WHERE d.sweep_id = ANY(${ctes.sweeps}) AND d.figure IN ('P', 'V', 'O')
          AND ${daysSql('d.day', to, false)}
          AND (d.sweep_id, d.category_id) IN (SELECT sweep_id, id FROM cats)
          AND d.bureau_id IN (SELECT id FROM scope)
        GROUP BY d.sweep_id, d.figure, d.officer_bureau_id, d.bureau_id, d.category_id,
          d.premises_kind, d.prior_officer_bureaus, d.prior_bureaus, d.prior_categories
        HAVING sum(d.n) > 0
      ),
      ${bureauKeysSql()},
      dca AS (
        SELECT x.*, bk.subtrees,
          ${blockedSql(`CASE WHEN x.figure = 'O' AND p.officer_bureau_id IN (SELECT id FROM scope)
            THEN p.officer_bureau_id ELSE p.bureau_id END`)} AS blocked
        FROM (
          SELECT dc.*, dc.prior_officer_bureaus AS p_officer_bureaus,
            CASE WHEN dc.figure = 'O' AND dc.officer_bureau_id IN (SELECT id FROM scope)
              THEN dc.officer_bureau_id ELSE dc.bureau_id END AS attributed
          FROM dc
        ) x
        JOIN bureau_keys bk ON bk.bureau_id = x.attributed
      ),
      counted AS (
        SELECT x.sweep_id, x.figure, x.premises_kind, g.kind, g.key, x.n
        FROM dca x JOIN groups g ON g.bureau_id = x.attributed
        WHERE NOT (g.kind || ':' || g.key = ANY(x.blocked))
        UNION ALL
        SELECT x.sweep_id, x.figure, x.premises_kind, 'C', x.category_id, x.n
        FROM dca x WHERE NOT ('C:' || x.category_id = ANY(x.blocked))
      )`;
}

/**
 * The segment counters (follow-ups and cases, docs/progress.md) holding on the as-of day, counted
 * per group as `countedSql` counts the visit counters: `segment_counted` has each row once per
 * group in which its cell is the first of its unit's cells holding that day.
 */
function segmentsCountedSql(ctes: Ctes): string {
  const asOf = ctes.asOf();
  return `sc AS (
        SELECT s.sweep_id, s.figure, s.bureau_id, s.category_id,
          s.prior_bureaus, s.prior_categories, sum(s.n)::int AS n, sum(s.fine) AS fine,
          sum(s.gains) AS gains, sum(s.goods) AS goods
        FROM progress_segments s
        WHERE s.sweep_id = ANY(${ctes.sweeps}) AND s.start_day <= ${asOf} AND ${asOf} < s.end_day
          AND (s.sweep_id, s.category_id) IN (SELECT sweep_id, id FROM cats)
          AND s.bureau_id IN (SELECT id FROM scope)
        GROUP BY s.sweep_id, s.figure, s.bureau_id, s.category_id, s.prior_bureaus,
          s.prior_categories
        HAVING sum(s.n) <> 0
      ),
      scb AS (
        SELECT x.*, ${blockedSql('p.bureau_id')} AS blocked
        FROM (SELECT sc.*, sc.prior_bureaus AS p_officer_bureaus FROM sc) x
      ),
      segment_counted AS (
        SELECT x.sweep_id, x.figure, g.kind, g.key, x.n, x.fine, x.gains, x.goods
        FROM scb x JOIN groups g ON g.bureau_id = x.bureau_id
        WHERE NOT (g.kind || ':' || g.key = ANY(x.blocked))
        UNION ALL
        SELECT x.sweep_id, x.figure, 'C', x.category_id, x.n, x.fine, x.gains, x.goods
        FROM scb x WHERE NOT ('C:' || x.category_id = ANY(x.blocked))
      ),
      segment_figures AS (
        SELECT sweep_id, kind, key,
          coalesce(sum(n) FILTER (WHERE figure = 'O'), 0)::int AS rectification_orders,
          coalesce(sum(n) FILTER (WHERE figure = 'O'), 0)::int
            - coalesce(sum(n) FILTER (WHERE figure = 'U'), 0)::int AS rectified,
          coalesce(sum(n) FILTER (WHERE figure = 'R'), 0)::int AS overdue_rectifications,
          coalesce(sum(n) FILTER (WHERE figure = 'C'), 0)::int AS cases_filed,
          coalesce(sum(n) FILTER (WHERE figure = 'D'), 0)::int AS cases_declined,
          coalesce(sum(n) FILTER (WHERE figure = 'Q'), 0)::int AS transferred_to_police,
          coalesce(sum(n) FILTER (WHERE figure = 'F'), 0)::int AS overdue_filing_decisions,
          coalesce(sum(n) FILTER (WHERE figure = 'P'), 0)::int AS overdue_penalty_decisions,
          coalesce(sum(n) FILTER (WHERE figure = 'B'), 0)::int AS overdue_publications,
          sum(fine) FILTER (WHERE figure = 'M') AS fines,
          sum(gains) FILTER (WHERE figure = 'M') AS confiscations,
          sum(goods) FILTER (WHERE figure = 'M') AS confiscated_goods_value
        FROM segment_counted GROUP BY sweep_id, kind, key
      ),
      case_figures AS (SELECT * FROM segment_figures),
      decision_figures AS (SELECT * FROM segment_figures)`;
}

/** The finding counters (findings, goods removed, exposed products) counted, per cell. */
function findingCountsSql(ctes: Ctes, to: string, perDay = false): string {
  return `finding_counts AS (
        SELECT f.sweep_id, f.bureau_id, f.category_id, f.violation_type_code, f.day,
          sum(f.findings)::int AS findings, sum(f.goods_value) AS goods_value,
          coalesce(sum(f.findings) FILTER (WHERE f.exposed), 0)::int AS exposed
        FROM progress_findings f
        WHERE f.sweep_id = ANY(${ctes.sweeps}) AND ${daysSql('f.day', to, perDay)}
          AND (f.sweep_id, f.category_id) IN (SELECT sweep_id, id FROM cats)
          AND f.bureau_id IN (SELECT id FROM scope)
        GROUP BY f.sweep_id, f.bureau_id, f.category_id, f.violation_type_code, f.day
        HAVING sum(f.findings) <> 0
      )`;
}

/** A summary table of one sweep against what it should hold: rows missing and rows too many. */
export interface SummaryDifference {
  table: string;
  missing: number;
  extra: number;
}

/**
 * Each summary table against its recomputation from the raw tables (the functions of migration
 * 1796000000000 the rebuild writes from), zero rows left out; the counters of the segments against
 * the sum of the stored premises' rows.
 */
const SUMMARY_CHECKS: { table: string; stored: string; expected: string }[] = [
  {
    table: 'progress_visits',
    stored: 'SELECT * FROM progress_visits WHERE sweep_id = $1',
    expected: 'SELECT * FROM progress_expected_visits($1)',
  },
  {
    table: 'progress_officer_days',
    stored: 'SELECT * FROM progress_officer_days WHERE sweep_id = $1',
    expected: 'SELECT * FROM progress_expected_officer_days($1)',
  },
  {
    table: 'progress_findings',
    stored: `SELECT * FROM progress_findings
      WHERE sweep_id = $1 AND (findings <> 0 OR goods_value <> 0)`,
    expected: 'SELECT * FROM progress_expected_findings($1)',
  },
  {
    table: 'progress_distinct',
    stored: 'SELECT * FROM progress_distinct WHERE sweep_id = $1 AND n <> 0',
    expected: 'SELECT * FROM progress_expected_distinct($1)',
  },
  {
    table: 'progress_premises_segments',
    stored: 'SELECT * FROM progress_premises_segments WHERE sweep_id = $1',
    expected: 'SELECT * FROM progress_expected_premises_segments($1)',
  },
  {
    table: 'progress_segments',
    stored: `SELECT * FROM progress_segments
      WHERE sweep_id = $1 AND (n <> 0 OR fine <> 0 OR gains <> 0 OR goods <> 0)`,
    expected: `SELECT sweep_id, figure, start_day, end_day, bureau_id, category_id, prior_bureaus,
        prior_categories, sum(n)::int, sum(fine), sum(gains), sum(goods)
      FROM progress_expected_premises_segments($1)
      GROUP BY sweep_id, figure, start_day, end_day, bureau_id, category_id, prior_bureaus,
        prior_categories`,
  },
];

/**
 * The progress figures read from the summary tables the triggers of migration 1796000000000 keep
 * (docs/progress.md): the same rows as `ProgressRepository.recompute…`, at the cost of reading a
 * few thousand counter rows whatever the size of the sweep. Serves selections without a `from`
 * day (open-ended and `to`-only) of sweeps whose summaries are built; the service sends the rest
 * to the recomputation.
 */
@Injectable()
export class ProgressSummariesRepository {
  /** Set once no sweep is pending: sweeps never become pending again while the service runs. */
  private allBuilt = false;

  /** Whether the summaries of every sweep given are built (not waiting for the backfill). */
  async built(manager: EntityManager, sweepIds: string[]): Promise<boolean> {
    if (this.allBuilt) return true;
    const [row] = await manager.query<{ any_pending: boolean; these_pending: boolean }[]>(
      `SELECT EXISTS (SELECT 1 FROM progress_pending_sweeps) AS any_pending,
        EXISTS (SELECT 1 FROM progress_pending_sweeps WHERE sweep_id = ANY($1::uuid[])) AS these_pending`,
      [sweepIds],
    );
    if (!row.any_pending) this.allBuilt = true;
    return !row.these_pending;
  }

  /** Every summary table of the sweep compared with its recomputation; empty when exact. */
  async differences(manager: EntityManager, sweepId: string): Promise<SummaryDifference[]> {
    const differences: SummaryDifference[] = [];
    for (const check of SUMMARY_CHECKS) {
      const [row] = await manager.query<{ missing: number; extra: number }[]>(
        `WITH stored AS (${check.stored}), expected AS (${check.expected})
        SELECT (SELECT count(*) FROM (TABLE expected EXCEPT ALL TABLE stored) x)::int AS missing,
          (SELECT count(*) FROM (TABLE stored EXCEPT ALL TABLE expected) x)::int AS extra`,
        [sweepId],
      );
      if (row.missing || row.extra) differences.push({ table: check.table, ...row });
    }
    return differences;
  }

  /** Recomputes the summaries of one sweep (its own transaction: it takes the sweep's lock). */
  async rebuild(manager: EntityManager, sweepId: string): Promise<void> {
    await manager.query(`SELECT progress_rebuild_sweep($1)`, [sweepId]);
  }

  /** `ProgressRepository.recomputeFigures`' rows, from the summaries. */
  figures(
    manager: EntityManager,
    scope: Scope,
    selection: ProgressSelection,
  ): Promise<FiguresRow[]> {
    const ctes = progressCtes(scope, selection);
    const to = ctes.params.add(selection.to, 'date');
    return manager.query<FiguresRow[]>(
      `${ctes.sql},
      ${groupsSql()},
      ${countedSql(ctes, to)},
      ${segmentsCountedSql(ctes)},
      ${findingCountsSql(ctes, to)},
      finding_cells AS (
        SELECT sweep_id, bureau_id, category_id, sum(findings) AS findings,
          sum(goods_value) AS goods_value, sum(exposed) AS exposed
        FROM finding_counts GROUP BY sweep_id, bureau_id, category_id
      ),
      officer_figures AS (
        SELECT sweep_id, kind, key, sum(n)::int AS officer_visits
        FROM counted WHERE figure = 'O' GROUP BY sweep_id, kind, key
      ),
      visit_figures AS (
        SELECT sweep_id, kind, key, coalesce(sum(n) FILTER (WHERE figure = 'V'), 0)::int AS inspections,
          coalesce(sum(n) FILTER (WHERE figure = 'P'), 0)::int AS premises_inspected
        FROM counted WHERE figure IN ('V', 'P') GROUP BY sweep_id, kind, key
      ),
      finding_figures AS (
        SELECT c.sweep_id, c.kind, c.key, c.findings, c.goods_removed_value,
          c.exposed_products_found,
          coalesce(r.rectification_orders, 0) AS rectification_orders,
          coalesce(r.rectified, 0) AS rectified,
          coalesce(r.overdue_rectifications, 0) AS overdue_rectifications
        FROM (
          SELECT sweep_id, kind, key, sum(findings)::int AS findings,
            sum(goods_value) AS goods_removed_value, sum(exposed)::int AS exposed_products_found
          FROM ${groupedSql('finding_cells')} w GROUP BY sweep_id, kind, key
          HAVING sum(findings) > 0
        ) c
        LEFT JOIN segment_figures r USING (sweep_id, kind, key)
      ),
      assignments_counted AS (
        SELECT a.id, a.sweep_id, a.bureau_id, a.category_id, a.target
        FROM sweep_assignments a
        WHERE a.sweep_id = ANY(${ctes.sweeps}) AND a.bureau_id IN (SELECT id FROM scope)
          AND (a.sweep_id, a.category_id) IN (SELECT sweep_id, id FROM cats)
      ),
      completions AS (
        SELECT a.id, sum(x.n)::int AS premises
        FROM assignments_counted a
        JOIN dca x ON x.figure = 'P' AND x.sweep_id = a.sweep_id AND x.category_id = a.category_id
        WHERE a.bureau_id = ANY(x.subtrees)
          AND NOT ('B:' || a.bureau_id || ':' || a.category_id = ANY(x.blocked))
        GROUP BY a.id
      ),
      assignments AS (
        SELECT a.sweep_id, a.bureau_id, a.category_id, a.target,
          least(a.target, coalesce(c.premises, 0))::int AS completed
        FROM assignments_counted a LEFT JOIN completions c ON c.id = a.id
      ),
      target_figures AS (
        SELECT sweep_id, kind, key, sum(target)::int AS target, sum(completed)::int AS completed
        FROM ${groupedSql('assignments')} w GROUP BY sweep_id, kind, key
      ),
      ${figuresSelectSql(ctes.sweeps)}`,
      ctes.params.values,
    );
  }

  /**
   * `ProgressRepository.recomputePremisesKindsInspected`, from the summaries: a premises
   * inspected in the scope and categories has its counting row there (a row of a cell inside,
   * with n > 0), and a row inside with n > 0 is a premises inspected there, so no chain is needed.
   */
  async premisesKindsInspected(
    manager: EntityManager,
    scope: Scope,
    selection: ProgressSelection,
  ): Promise<string[]> {
    const ctes = progressCtes(scope, selection);
    const to = ctes.params.add(selection.to, 'date');
    const rows = await manager.query<{ kind: string }[]>(
      `${ctes.sql}
      SELECT DISTINCT d.premises_kind AS kind FROM progress_distinct d
      WHERE d.sweep_id = ANY(${ctes.sweeps}) AND d.figure = 'P' AND d.n > 0
        AND ${daysSql('d.day', to, false)}
        AND (d.sweep_id, d.category_id) IN (SELECT sweep_id, id FROM cats)
        AND d.bureau_id IN (SELECT id FROM scope)
      ORDER BY d.premises_kind`,
      ctes.params.values,
    );
    return rows.map((row) => row.kind);
  }

  /** `ProgressRepository.recomputeViolationTypeCounts`, from the summaries. */
  violationTypeCounts(
    manager: EntityManager,
    scope: Scope,
    selection: ProgressSelection,
  ): Promise<ViolationTypeCountRow[]> {
    const ctes = progressCtes(scope, selection);
    const to = ctes.params.add(selection.to, 'date');
    return manager.query<ViolationTypeCountRow[]>(
      `${ctes.sql},
      ${findingCountsSql(ctes, to)}
      SELECT violation_type_code AS code, sum(findings)::int AS count
      FROM finding_counts GROUP BY violation_type_code HAVING sum(findings) > 0
      ORDER BY sum(findings) DESC, violation_type_code`,
      ctes.params.values,
    );
  }

  /**
   * `ProgressRepository.recomputeDaily`, from the summaries: a (premises, day) counts on its day
   * through the row of its first cell inside the scope and categories.
   */
  daily(manager: EntityManager, scope: Scope, selection: ProgressSelection): Promise<DailyRow[]> {
    const ctes = progressCtes(scope, selection);
    const to = ctes.params.add(selection.to, 'date');
    return manager.query<DailyRow[]>(
      `${ctes.sql},
      ${findingCountsSql(ctes, to, true)},
      inspections_per_day AS (
        SELECT d.day, sum(d.n)::int AS n
        FROM progress_distinct d
        WHERE d.figure = 'V' AND d.sweep_id = ANY(${ctes.sweeps})
          AND ${daysSql('d.day', to, true)}
          AND (d.sweep_id, d.category_id) IN (SELECT sweep_id, id FROM cats)
          AND d.bureau_id IN (SELECT id FROM scope)
          AND NOT EXISTS (
            SELECT 1 FROM unnest(d.prior_bureaus, d.prior_categories) AS p(bureau_id, category_id)
            WHERE p.bureau_id IN (SELECT id FROM scope)
              AND (d.sweep_id, p.category_id) IN (SELECT sweep_id, id FROM cats))
        GROUP BY d.day HAVING sum(d.n) > 0
      ),
      findings_per_day AS (
        SELECT day, sum(findings)::int AS n FROM finding_counts GROUP BY day
      ),
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
}
