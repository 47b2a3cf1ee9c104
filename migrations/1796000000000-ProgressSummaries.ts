import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Pre-aggregated progress (工作进展情况, issue 16): summary tables kept by triggers on inspections,
 * findings and officers in the writing transaction itself, so they are never stale, a rolled-back
 * write leaves no trace, and every write path (service, seeds, imports, demo) maintains them.
 * docs/progress.md describes each table and why the distinct counts stay exact.
 *
 * This migration only installs the tables, functions and triggers and marks every existing sweep
 * pending (`progress_pending_sweeps`): the triggers skip pending sweeps and the reads serve them
 * from the raw tables. The next migration (1796000000100) builds the summaries sweep by sweep.
 */
const ZERO = `'00000000-0000-0000-0000-000000000000'::uuid`;

/** The advisory lock of one sweep's summaries: shared by writers, exclusive for a rebuild. */
const SWEEP_LOCK = (sweep: string) => `16016, hashtext(${sweep}::text)`;

const SEGMENT_KEY_TAIL = `figure, start_day, end_day, bureau_id, category_id, prior_bureaus,
  prior_categories`;

// Figure, then day: the daily series reads one figure's days; an open-ended range reads the
// 'infinity' day of each figure (the reads name the figures, so both are index ranges).
const COUNTER_KEY = `sweep_id, figure, day, officer_bureau_id, bureau_id, category_id, premises_kind,
  prior_officer_bureaus, prior_bureaus, prior_categories`;

export class ProgressSummaries1796000000000 implements MigrationInterface {
  name = 'ProgressSummaries1796000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE progress_pending_sweeps (sweep_id uuid PRIMARY KEY)`);
    await queryRunner.query(`
      CREATE TABLE progress_units (
        sweep_id uuid NOT NULL, unit_kind char(1) NOT NULL, unit_id uuid NOT NULL,
        touched boolean NOT NULL DEFAULT true,
        PRIMARY KEY (sweep_id, unit_kind, unit_id))`);
    await queryRunner.query(`
      CREATE TABLE progress_visits (
        sweep_id uuid NOT NULL, premises_id uuid NOT NULL, day date NOT NULL, bureau_id uuid NOT NULL,
        category_id uuid NOT NULL, premises_kind varchar(32) NOT NULL, inspections integer NOT NULL,
        PRIMARY KEY (sweep_id, premises_id, day, bureau_id, category_id))`);
    await queryRunner.query(`
      CREATE TABLE progress_officer_days (
        sweep_id uuid NOT NULL, officer_id uuid NOT NULL, day date NOT NULL,
        officer_bureau_id uuid NOT NULL, bureau_id uuid NOT NULL, category_id uuid NOT NULL,
        inspections integer NOT NULL,
        PRIMARY KEY (sweep_id, officer_id, day, officer_bureau_id, bureau_id, category_id))`);
    await queryRunner.query(`
      CREATE TABLE progress_distinct (
        sweep_id uuid NOT NULL, figure char(1) NOT NULL, day date NOT NULL,
        officer_bureau_id uuid NOT NULL, bureau_id uuid NOT NULL, category_id uuid NOT NULL,
        premises_kind varchar(32) NOT NULL, prior_officer_bureaus uuid[] NOT NULL,
        prior_bureaus uuid[] NOT NULL, prior_categories uuid[] NOT NULL, n integer NOT NULL,
        CONSTRAINT progress_distinct_figure_check CHECK (figure IN ('P', 'V', 'O')),
        PRIMARY KEY (${COUNTER_KEY}))`);
    await queryRunner.query(`
      CREATE TABLE progress_findings (
        sweep_id uuid NOT NULL, day date NOT NULL, bureau_id uuid NOT NULL, category_id uuid NOT NULL,
        violation_type_code varchar(64) NOT NULL, exposed boolean NOT NULL,
        findings integer NOT NULL, goods_value numeric(16,2) NOT NULL,
        PRIMARY KEY (sweep_id, day, bureau_id, category_id, violation_type_code, exposed))`);
    await queryRunner.query(`
      CREATE TABLE progress_premises_segments (
        sweep_id uuid NOT NULL, premises_id uuid NOT NULL, figure char(1) NOT NULL,
        start_day date NOT NULL, end_day date NOT NULL, bureau_id uuid NOT NULL,
        category_id uuid NOT NULL, prior_bureaus uuid[] NOT NULL, prior_categories uuid[] NOT NULL,
        n integer NOT NULL, fine numeric(16,2) NOT NULL, gains numeric(16,2) NOT NULL,
        goods numeric(16,2) NOT NULL,
        PRIMARY KEY (sweep_id, premises_id, ${SEGMENT_KEY_TAIL}))`);
    await queryRunner.query(`
      CREATE TABLE progress_segments (
        sweep_id uuid NOT NULL, figure char(1) NOT NULL, start_day date NOT NULL,
        end_day date NOT NULL, bureau_id uuid NOT NULL, category_id uuid NOT NULL,
        prior_bureaus uuid[] NOT NULL, prior_categories uuid[] NOT NULL, n integer NOT NULL,
        fine numeric(16,2) NOT NULL, gains numeric(16,2) NOT NULL, goods numeric(16,2) NOT NULL,
        CONSTRAINT progress_segments_figure_check CHECK (figure IN ('O', 'U', 'R', 'D', 'Q', 'F', 'C', 'M', 'P', 'B')),
        PRIMARY KEY (sweep_id, ${SEGMENT_KEY_TAIL}))`);
    await queryRunner.query(`
      CREATE TYPE progress_fact AS (
        sweep_id uuid, premises_id uuid, figure char(1), unit_id uuid, bureau_id uuid,
        category_id uuid, start_day date, end_day date, fine numeric, gains numeric, goods numeric)`);
    await queryRunner.query(`
      CREATE TYPE progress_visit_row AS (
        sweep_id uuid, premises_id uuid, day date, bureau_id uuid, category_id uuid,
        premises_kind varchar(32), n integer)`);
    await queryRunner.query(`
      CREATE TYPE progress_officer_row AS (
        sweep_id uuid, officer_id uuid, day date, officer_bureau_id uuid, bureau_id uuid,
        category_id uuid, n integer)`);
    // A premises' findings in a sweep, read by every recomputation of its facts.
    await queryRunner.query(
      `CREATE INDEX findings_sweep_premises_idx ON findings (sweep_id, premises_id)`,
    );
    for (const sql of FUNCTIONS) await queryRunner.query(sql);
    await queryRunner.query(`
      INSERT INTO progress_pending_sweeps (sweep_id) SELECT id FROM sweeps ON CONFLICT DO NOTHING`);
    for (const sql of TRIGGERS) await queryRunner.query(sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER progress_calendar_changed ON calendar_exceptions`);
    await queryRunner.query(`DROP TRIGGER progress_cases_updated ON cases`);
    await queryRunner.query(`DROP TRIGGER progress_cases_inserted ON cases`);
    await queryRunner.query(`DROP TRIGGER progress_follow_ups_deleted ON follow_ups`);
    await queryRunner.query(`DROP TRIGGER progress_follow_ups_updated ON follow_ups`);
    await queryRunner.query(`DROP TRIGGER progress_follow_ups_inserted ON follow_ups`);
    await queryRunner.query(`DROP TRIGGER progress_officers_updated ON officers`);
    await queryRunner.query(`DROP TRIGGER progress_findings_updated ON findings`);
    await queryRunner.query(`DROP TRIGGER progress_findings_inserted ON findings`);
    await queryRunner.query(`DROP TRIGGER progress_inspections_updated ON inspections`);
    await queryRunner.query(`DROP TRIGGER progress_inspections_inserted ON inspections`);
    for (const name of [
      'progress_calendar_changed()',
      'progress_cases_changed()',
      'progress_follow_ups_changed()',
      'progress_refresh_premises(uuid[], uuid[])',
      'progress_premises_segments_of(uuid[], uuid[])',
      'progress_premises_facts(uuid[], uuid[])',
      'progress_working_days_after(date, integer)',
      'progress_officers_changed()',
      'progress_findings_changed()',
      'progress_inspections_changed()',
      'progress_rebuild_sweep(uuid)',
      'progress_expected_premises_segments(uuid)',
      'progress_expected_distinct(uuid)',
      'progress_expected_findings(uuid)',
      'progress_expected_officer_days(uuid)',
      'progress_expected_visits(uuid)',
      'progress_apply_findings(progress_findings[])',
      'progress_apply_officer_days(progress_officer_row[])',
      'progress_apply_visits(progress_visit_row[])',
      'progress_ready_sweeps(uuid[])',
      'progress_all_days(progress_distinct[])',
      'progress_officer_chains(progress_officer_row[])',
      'progress_visit_chains(progress_visit_row[])',
    ]) {
      await queryRunner.query(`DROP FUNCTION IF EXISTS ${name}`);
    }
    await queryRunner.query(`DROP INDEX findings_sweep_premises_idx`);
    await queryRunner.query(`DROP TYPE progress_fact`);
    await queryRunner.query(`DROP TYPE progress_officer_row`);
    await queryRunner.query(`DROP TYPE progress_visit_row`);
    for (const table of [
      'progress_segments',
      'progress_premises_segments',
      'progress_findings',
      'progress_distinct',
      'progress_officer_days',
      'progress_visits',
      'progress_units',
      'progress_pending_sweeps',
    ]) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}

/** The window over the cells of one unit that precede a cell: its chain's prior cells. */
const PRIOR = 'ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING';

const FUNCTIONS = [
  /*
   * The counter rows of 检查（户） (P) and 检查（户次） (V) of a set of visit rows (with n > 0).
   * P: a premises' cells (bureau, category) in the order of their first visit day; each cell is a
   * row (its first day, the cell, the cells before it). For any set G of cells (bureaus × categories)
   * and day X, the premises counts once iff its first row whose cell is in G has day ≤ X — that is
   * the row counted: cell in G and no prior cell in G. V: the same per (premises, day) unit, all
   * its cells on that day.
   */
  `CREATE FUNCTION progress_visit_chains(deltas progress_visit_row[])
   RETURNS TABLE (sweep_id uuid, figure char(1), day date, officer_bureau_id uuid, bureau_id uuid,
     category_id uuid, premises_kind varchar(32), prior_officer_bureaus uuid[], prior_bureaus uuid[],
     prior_categories uuid[], n integer)
   LANGUAGE sql STABLE AS $$
     WITH r AS (SELECT * FROM unnest(deltas) WHERE n > 0),
     firsts AS (
       SELECT r.sweep_id, r.premises_id, r.bureau_id, r.category_id, min(r.day) AS day,
         max(r.premises_kind) AS premises_kind
       FROM r GROUP BY r.sweep_id, r.premises_id, r.bureau_id, r.category_id
     ),
     visit_cells AS (SELECT DISTINCT r.sweep_id, r.premises_id, r.day, r.bureau_id, r.category_id FROM r),
     chain AS (
       SELECT f.sweep_id, 'P'::char(1) AS figure, f.day, ${ZERO} AS officer_bureau_id, f.bureau_id,
         f.category_id, f.premises_kind, '{}'::uuid[] AS prior_officer_bureaus,
         coalesce(array_agg(f.bureau_id) OVER w, '{}') AS prior_bureaus,
         coalesce(array_agg(f.category_id) OVER w, '{}') AS prior_categories
       FROM firsts f
       WINDOW w AS (PARTITION BY f.sweep_id, f.premises_id ORDER BY f.day, f.bureau_id, f.category_id ${PRIOR})
       UNION ALL
       SELECT v.sweep_id, 'V', v.day, ${ZERO}, v.bureau_id, v.category_id, '', '{}'::uuid[],
         coalesce(array_agg(v.bureau_id) OVER w, '{}'), coalesce(array_agg(v.category_id) OVER w, '{}')
       FROM visit_cells v
       WINDOW w AS (PARTITION BY v.sweep_id, v.premises_id, v.day ORDER BY v.bureau_id, v.category_id ${PRIOR})
     )
     SELECT c.sweep_id, c.figure, c.day, c.officer_bureau_id, c.bureau_id, c.category_id,
       c.premises_kind, c.prior_officer_bureaus, c.prior_bureaus, c.prior_categories, count(*)::int
     FROM chain c
     GROUP BY c.sweep_id, c.figure, c.day, c.officer_bureau_id, c.bureau_id, c.category_id,
       c.premises_kind, c.prior_officer_bureaus, c.prior_bureaus, c.prior_categories
   $$`,
  /*
   * The counter rows of 出动执法人员（人次） (O): per (officer, day) unit, its cells (the officer's
   * own bureau, the premises' bureau, the category) — the bureau a 人次 counts in is chosen at read
   * time (the officer's own when in scope, else the premises'), so both are kept.
   */
  `CREATE FUNCTION progress_officer_chains(deltas progress_officer_row[])
   RETURNS TABLE (sweep_id uuid, figure char(1), day date, officer_bureau_id uuid, bureau_id uuid,
     category_id uuid, premises_kind varchar(32), prior_officer_bureaus uuid[], prior_bureaus uuid[],
     prior_categories uuid[], n integer)
   LANGUAGE sql STABLE AS $$
     WITH cells AS (
       SELECT DISTINCT r.sweep_id, r.officer_id, r.day, r.officer_bureau_id, r.bureau_id, r.category_id
       FROM unnest(deltas) r WHERE r.n > 0
     ),
     chain AS (
       SELECT c.sweep_id, c.day, c.officer_bureau_id, c.bureau_id, c.category_id,
         coalesce(array_agg(c.officer_bureau_id) OVER w, '{}') AS prior_officer_bureaus,
         coalesce(array_agg(c.bureau_id) OVER w, '{}') AS prior_bureaus,
         coalesce(array_agg(c.category_id) OVER w, '{}') AS prior_categories
       FROM cells c
       WINDOW w AS (PARTITION BY c.sweep_id, c.officer_id, c.day
         ORDER BY c.officer_bureau_id, c.bureau_id, c.category_id ${PRIOR})
     )
     SELECT c.sweep_id, 'O'::char(1), c.day, c.officer_bureau_id, c.bureau_id, c.category_id,
       ''::varchar(32), c.prior_officer_bureaus, c.prior_bureaus, c.prior_categories, count(*)::int
     FROM chain c
     GROUP BY c.sweep_id, c.day, c.officer_bureau_id, c.bureau_id, c.category_id,
       c.prior_officer_bureaus, c.prior_bureaus, c.prior_categories
   $$`,
  /*
   * Counter rows as they are stored: each on its day, and once more on 'infinity', the row of all
   * days, so that an open-ended range reads one row per key instead of one per key and day.
   */
  `CREATE FUNCTION progress_all_days(counters progress_distinct[]) RETURNS SETOF progress_distinct
   LANGUAGE sql IMMUTABLE AS $$
     SELECT c.sweep_id, c.figure, a.day, c.officer_bureau_id, c.bureau_id, c.category_id,
       c.premises_kind, c.prior_officer_bureaus, c.prior_bureaus, c.prior_categories, sum(c.n)::int
     FROM unnest(counters) c CROSS JOIN LATERAL (VALUES (c.day), ('infinity'::date)) AS a(day)
     GROUP BY c.sweep_id, c.figure, a.day, c.officer_bureau_id, c.bureau_id, c.category_id,
       c.premises_kind, c.prior_officer_bureaus, c.prior_bureaus, c.prior_categories
   $$`,
  /*
   * Of the sweeps a write touches, those whose summaries are kept: takes each sweep's lock shared
   * (in sweep order), so a rebuild of the sweep (exclusive) waits for this transaction and this
   * transaction waits for a rebuild in progress; a pending sweep (not built yet) is skipped.
   */
  `CREATE FUNCTION progress_ready_sweeps(sweeps uuid[]) RETURNS uuid[]
   LANGUAGE plpgsql AS $$
   BEGIN
     PERFORM pg_advisory_xact_lock_shared(${SWEEP_LOCK('s.id')})
       FROM (SELECT DISTINCT id FROM unnest(sweeps) AS u(id) ORDER BY id) s;
     RETURN ARRAY(SELECT DISTINCT u.id FROM unnest(sweeps) AS u(id)
       WHERE NOT EXISTS (SELECT 1 FROM progress_pending_sweeps p WHERE p.sweep_id = u.id));
   END $$`,
  /*
   * Applies visit deltas (+1 an inspection counted, −1 one no longer counted): locks each premises
   * unit (in key order, so concurrent writers cannot deadlock on them), reads its visit rows as
   * committed (a new statement, after the lock), and moves the counters by the difference between
   * its chains after and before, in one upsert in key order; then the visit rows themselves.
   */
  `CREATE FUNCTION progress_apply_visits(deltas progress_visit_row[]) RETURNS void
   LANGUAGE plpgsql AS $$
   DECLARE
     ready uuid[];
     old_state progress_visit_row[];
     new_state progress_visit_row[];
   BEGIN
     ready := progress_ready_sweeps(ARRAY(SELECT d.sweep_id FROM unnest(deltas) d));
     deltas := ARRAY(SELECT ROW(d.*)::progress_visit_row FROM unnest(deltas) d
       WHERE d.sweep_id = ANY(ready) AND d.n <> 0);
     IF cardinality(deltas) = 0 THEN RETURN; END IF;
     INSERT INTO progress_units AS u (sweep_id, unit_kind, unit_id)
       SELECT DISTINCT d.sweep_id, 'P', d.premises_id FROM unnest(deltas) d ORDER BY 1, 3
       ON CONFLICT (sweep_id, unit_kind, unit_id) DO UPDATE SET touched = NOT u.touched;
     old_state := ARRAY(
       SELECT ROW(v.sweep_id, v.premises_id, v.day, v.bureau_id, v.category_id, v.premises_kind,
         v.inspections)::progress_visit_row
       FROM progress_visits v
       WHERE (v.sweep_id, v.premises_id) IN (SELECT d.sweep_id, d.premises_id FROM unnest(deltas) d));
     new_state := ARRAY(
       SELECT ROW(x.sweep_id, x.premises_id, x.day, x.bureau_id, x.category_id,
         max(x.premises_kind), sum(x.n))::progress_visit_row
       FROM (SELECT * FROM unnest(old_state) UNION ALL SELECT * FROM unnest(deltas)) x
       GROUP BY x.sweep_id, x.premises_id, x.day, x.bureau_id, x.category_id);
     INSERT INTO progress_distinct AS t (${COUNTER_KEY}, n)
       SELECT ${COUNTER_KEY}, sum(c.n)::int FROM (
         SELECT * FROM progress_all_days(ARRAY(SELECT ROW(x.*)::progress_distinct
           FROM progress_visit_chains(new_state) x))
         UNION ALL SELECT sweep_id, figure, day, officer_bureau_id, bureau_id, category_id, premises_kind,
           prior_officer_bureaus, prior_bureaus, prior_categories, -n
         FROM progress_all_days(ARRAY(SELECT ROW(x.*)::progress_distinct
           FROM progress_visit_chains(old_state) x))
       ) c
       GROUP BY ${COUNTER_KEY} HAVING sum(c.n) <> 0 ORDER BY ${COUNTER_KEY}
       ON CONFLICT (${COUNTER_KEY}) DO UPDATE SET n = t.n + excluded.n;
     INSERT INTO progress_visits AS t (sweep_id, premises_id, day, bureau_id, category_id,
         premises_kind, inspections)
       SELECT d.sweep_id, d.premises_id, d.day, d.bureau_id, d.category_id, max(d.premises_kind), sum(d.n)
       FROM unnest(deltas) d GROUP BY d.sweep_id, d.premises_id, d.day, d.bureau_id, d.category_id
       ORDER BY 1, 2, 3, 4, 5
       ON CONFLICT (sweep_id, premises_id, day, bureau_id, category_id)
       DO UPDATE SET inspections = t.inspections + excluded.inspections;
     DELETE FROM progress_visits v
       WHERE v.inspections <= 0
         AND (v.sweep_id, v.premises_id) IN (SELECT d.sweep_id, d.premises_id FROM unnest(deltas) d);
   END $$`,
  /** The same for officer-day deltas, with (sweep, officer) units. */
  `CREATE FUNCTION progress_apply_officer_days(deltas progress_officer_row[]) RETURNS void
   LANGUAGE plpgsql AS $$
   DECLARE
     ready uuid[];
     old_state progress_officer_row[];
     new_state progress_officer_row[];
   BEGIN
     ready := progress_ready_sweeps(ARRAY(SELECT d.sweep_id FROM unnest(deltas) d));
     deltas := ARRAY(SELECT ROW(d.*)::progress_officer_row FROM unnest(deltas) d
       WHERE d.sweep_id = ANY(ready) AND d.n <> 0);
     IF cardinality(deltas) = 0 THEN RETURN; END IF;
     INSERT INTO progress_units AS u (sweep_id, unit_kind, unit_id)
       SELECT DISTINCT d.sweep_id, 'O', d.officer_id FROM unnest(deltas) d ORDER BY 1, 3
       ON CONFLICT (sweep_id, unit_kind, unit_id) DO UPDATE SET touched = NOT u.touched;
     old_state := ARRAY(
       SELECT ROW(o.sweep_id, o.officer_id, o.day, o.officer_bureau_id, o.bureau_id, o.category_id,
         o.inspections)::progress_officer_row
       FROM progress_officer_days o
       WHERE (o.sweep_id, o.officer_id, o.day)
         IN (SELECT d.sweep_id, d.officer_id, d.day FROM unnest(deltas) d));
     new_state := ARRAY(
       SELECT ROW(x.sweep_id, x.officer_id, x.day, x.officer_bureau_id, x.bureau_id, x.category_id,
         sum(x.n))::progress_officer_row
       FROM (SELECT * FROM unnest(old_state) UNION ALL SELECT * FROM unnest(deltas)) x
       GROUP BY x.sweep_id, x.officer_id, x.day, x.officer_bureau_id, x.bureau_id, x.category_id);
     INSERT INTO progress_distinct AS t (${COUNTER_KEY}, n)
       SELECT ${COUNTER_KEY}, sum(c.n)::int FROM (
         SELECT * FROM progress_all_days(ARRAY(SELECT ROW(x.*)::progress_distinct
           FROM progress_officer_chains(new_state) x))
         UNION ALL SELECT sweep_id, figure, day, officer_bureau_id, bureau_id, category_id, premises_kind,
           prior_officer_bureaus, prior_bureaus, prior_categories, -n
         FROM progress_all_days(ARRAY(SELECT ROW(x.*)::progress_distinct
           FROM progress_officer_chains(old_state) x))
       ) c
       GROUP BY ${COUNTER_KEY} HAVING sum(c.n) <> 0 ORDER BY ${COUNTER_KEY}
       ON CONFLICT (${COUNTER_KEY}) DO UPDATE SET n = t.n + excluded.n;
     INSERT INTO progress_officer_days AS t (sweep_id, officer_id, day, officer_bureau_id, bureau_id,
         category_id, inspections)
       SELECT d.sweep_id, d.officer_id, d.day, d.officer_bureau_id, d.bureau_id, d.category_id, sum(d.n)
       FROM unnest(deltas) d
       GROUP BY d.sweep_id, d.officer_id, d.day, d.officer_bureau_id, d.bureau_id, d.category_id
       ORDER BY 1, 2, 3, 4, 5, 6
       ON CONFLICT (sweep_id, officer_id, day, officer_bureau_id, bureau_id, category_id)
       DO UPDATE SET inspections = t.inspections + excluded.inspections;
     DELETE FROM progress_officer_days o
       WHERE o.inspections <= 0
         AND (o.sweep_id, o.officer_id) IN (SELECT d.sweep_id, d.officer_id FROM unnest(deltas) d);
   END $$`,
  /*
   * Findings, goods removed, exposed products and violation types are plain sums (no distinct
   * count): one counter row per (sweep, day found, bureau, category, violation type, exposed).
   */
  `CREATE FUNCTION progress_apply_findings(deltas progress_findings[]) RETURNS void
   LANGUAGE plpgsql AS $$
   DECLARE
     ready uuid[];
   BEGIN
     ready := progress_ready_sweeps(ARRAY(SELECT d.sweep_id FROM unnest(deltas) d));
     INSERT INTO progress_findings AS t (sweep_id, day, bureau_id, category_id, violation_type_code,
         exposed, findings, goods_value)
       SELECT d.sweep_id, a.day, d.bureau_id, d.category_id, d.violation_type_code, d.exposed,
         sum(d.findings), sum(d.goods_value)
       FROM unnest(deltas) d CROSS JOIN LATERAL (VALUES (d.day), ('infinity'::date)) AS a(day)
       WHERE d.sweep_id = ANY(ready)
       GROUP BY d.sweep_id, a.day, d.bureau_id, d.category_id, d.violation_type_code, d.exposed
       HAVING sum(d.findings) <> 0 OR sum(d.goods_value) <> 0
       ORDER BY 1, 2, 3, 4, 5, 6
       ON CONFLICT (sweep_id, day, bureau_id, category_id, violation_type_code, exposed)
       DO UPDATE SET findings = t.findings + excluded.findings,
         goods_value = t.goods_value + excluded.goods_value;
   END $$`,
  /*
   * The working day `n` working days after `day` (the start day not counted) over the holiday
   * table, as ProgressRepository's workingDaysAfterSql: the publication clock of a decision
   * published since (its stored due day is gone).
   */
  `CREATE FUNCTION progress_working_days_after(day date, n integer) RETURNS date
   LANGUAGE sql STABLE AS $$
     SELECT wd.d::date FROM generate_series(day + 1, day + n * 3 + 30, interval '1 day') AS wd(d)
     LEFT JOIN calendar_exceptions ce ON ce.day = wd.d::date
     WHERE coalesce(ce.working_day, extract(isodow FROM wd.d) < 6)
     ORDER BY wd.d OFFSET n - 1 LIMIT 1
   $$`,
  /*
   * The facts of the findings of some premises (all within one premises: a case covers the
   * findings of one party), each the days it holds: from its start day to the day before its end
   * day ('infinity' when it never ends), in the cell (bureau, category) of its finding, for its
   * unit (what it counts distinct: the premises, the case or the finding). The as-of day D of a
   * figure is in [start, end). A finding's facts start no earlier than its day found, so reading
   * them as of D = min(to, today) also applies the range's `to` to the findings, as the raw
   * figures do (findings are never dated after today). One letter per figure:
   * O 责令整改 (premises), U ordered and not passed (premises: 已整改 = O − U), R 逾期未整改 (finding),
   * D 不予立案 (finding), Q 移送公安 (case, or finding without a case), F 超期未作立案决定 (finding),
   * C 立案 (case), M the money of a PENALTY decision (case), P 超期未作处罚决定 (case),
   * B 超期未公示 (case). Each is the condition ProgressRepository's caseFactsSql and
   * findingsAsOfSql test on D, solved for D.
   */
  `CREATE FUNCTION progress_premises_facts(unit_sweeps uuid[], unit_premises uuid[])
   RETURNS SETOF progress_fact
   LANGUAGE sql STABLE AS $$
     WITH u AS (SELECT DISTINCT * FROM unnest(unit_sweeps, unit_premises) AS u(sweep_id, premises_id)),
     f AS (
       SELECT f.* FROM findings f JOIN u ON u.sweep_id = f.sweep_id AND u.premises_id = f.premises_id
       WHERE NOT f.voided
     ),
     fu AS (
       SELECT x.id, x.finding_id, x.action, x.due_date, x.recorded_at,
         (x.at AT TIME ZONE 'Asia/Shanghai')::date AS day, f.sweep_id, f.premises_id, f.bureau_id,
         f.category_id, f.found_on
       FROM f JOIN follow_ups x ON x.finding_id = f.id
     ),
     firsts AS (
       SELECT finding_id, sweep_id, premises_id, bureau_id, category_id, found_on,
         min(day) FILTER (WHERE action = 'RECTIFICATION_ORDERED') AS ordered_on,
         min(day) FILTER (WHERE action = 'REINSPECTION_PASSED') AS passed_on
       FROM fu GROUP BY finding_id, sweep_id, premises_id, bureau_id, category_id, found_on
     ),
     rect AS (
       SELECT * FROM fu
       WHERE action IN ('RECTIFICATION_ORDERED', 'REINSPECTION_FAILED', 'REINSPECTION_PASSED')
     ),
     rect_days AS (
       SELECT DISTINCT finding_id, sweep_id, premises_id, bureau_id, category_id, found_on, day
       FROM rect
     ),
     -- On each day a rectification move took effect: the last move recorded among those in
     -- effect by then, and the deadline of the last order or failed re-inspection among them.
     last_move AS (
       SELECT DISTINCT ON (d.finding_id, d.day) d.*,
         x.action IN ('RECTIFICATION_ORDERED', 'REINSPECTION_FAILED') AS rectifying
       FROM rect_days d JOIN rect x ON x.finding_id = d.finding_id AND x.day <= d.day
       ORDER BY d.finding_id, d.day, x.recorded_at DESC, x.id DESC
     ),
     last_deadline AS (
       SELECT DISTINCT ON (d.finding_id, d.day) d.finding_id, d.day, x.due_date AS deadline
       FROM rect_days d JOIN rect x ON x.finding_id = d.finding_id AND x.day <= d.day
         AND x.action IN ('RECTIFICATION_ORDERED', 'REINSPECTION_FAILED')
       ORDER BY d.finding_id, d.day, x.recorded_at DESC, x.id DESC
     ),
     rect_states AS (
       SELECT m.*, l.deadline,
         lead(m.day) OVER (PARTITION BY m.finding_id ORDER BY m.day) AS next_day
       FROM last_move m LEFT JOIN last_deadline l ON l.finding_id = m.finding_id AND l.day = m.day
     ),
     links AS (
       SELECT f.sweep_id, f.premises_id, f.bureau_id, f.category_id, c.id AS case_id, c.decided_on,
         c.outcome, c.penalties, c.fine, c.illegal_gains, c.confiscated_goods_value,
         c.transferred_on, c.transfer_authority, c.transfer_outcome, c.transfer_outcome_on,
         c.published_on, c.closed_on, c.clock_dues ->> 'PUBLICATION' AS publication_due,
         greatest(f.found_on, c.filed_on, coalesce(f.filing_decided_on, c.filed_on)) AS linked_on,
         coalesce((c.clock_dues ->> 'PENALTY_DECISION')::date, f.penalty_decision_due) AS penalty_due,
         CASE WHEN c.transfer_outcome = 'RETURNED' THEN c.transfer_outcome_on END AS returned_on
       FROM f JOIN cases c ON c.id = f.case_id WHERE f.filing_decision = 'FILED'
     )
     SELECT r.sweep_id, r.premises_id, 'O'::char(1), r.premises_id, r.bureau_id, r.category_id,
       greatest(r.found_on, r.ordered_on), 'infinity'::date, 0::numeric, 0::numeric, 0::numeric
     FROM firsts r WHERE r.ordered_on IS NOT NULL
     UNION ALL
     SELECT r.sweep_id, r.premises_id, 'U', r.premises_id, r.bureau_id, r.category_id,
       greatest(r.found_on, r.ordered_on), coalesce(r.passed_on, 'infinity'), 0, 0, 0
     FROM firsts r WHERE r.ordered_on IS NOT NULL
     UNION ALL
     SELECT s.sweep_id, s.premises_id, 'R', s.finding_id, s.bureau_id, s.category_id,
       greatest(s.found_on, s.day, s.deadline + 1), coalesce(s.next_day, 'infinity'), 0, 0, 0
     FROM rect_states s WHERE s.rectifying AND s.deadline IS NOT NULL
     UNION ALL
     SELECT f.sweep_id, f.premises_id, 'D', f.id, f.bureau_id, f.category_id,
       greatest(f.found_on, f.filing_decided_on), 'infinity', 0, 0, 0
     FROM f WHERE f.filing_decision = 'DECLINED' AND f.filing_decided_on IS NOT NULL
     UNION ALL
     SELECT f.sweep_id, f.premises_id, 'Q', f.id, f.bureau_id, f.category_id,
       greatest(f.found_on, f.transferred_on), 'infinity', 0, 0, 0
     FROM f WHERE f.case_id IS NULL AND f.transferred_on IS NOT NULL
     UNION ALL
     SELECT f.sweep_id, f.premises_id, 'F', f.id, f.bureau_id, f.category_id,
       greatest(f.found_on, f.case_decision_due + 1),
       least(CASE WHEN f.filing_decision IS NOT NULL THEN coalesce(f.filing_decided_on, c.filed_on) END,
         CASE WHEN f.case_id IS NULL THEN f.transferred_on END, 'infinity'),
       0, 0, 0
     FROM f LEFT JOIN cases c ON c.id = f.case_id
     UNION ALL
     SELECT l.sweep_id, l.premises_id, 'C', l.case_id, l.bureau_id, l.category_id, l.linked_on,
       'infinity', 0, 0, 0
     FROM links l
     UNION ALL
     SELECT l.sweep_id, l.premises_id, 'M', l.case_id, l.bureau_id, l.category_id,
       greatest(l.linked_on, l.decided_on), 'infinity', coalesce(l.fine, 0),
       coalesce(l.illegal_gains, 0), coalesce(l.confiscated_goods_value, 0)
     FROM links l WHERE l.outcome = 'PENALTY' AND l.decided_on IS NOT NULL
     UNION ALL
     SELECT l.sweep_id, l.premises_id, 'Q', l.case_id, l.bureau_id, l.category_id,
       greatest(l.linked_on, l.transferred_on), coalesce(l.returned_on, 'infinity'), 0, 0, 0
     FROM links l WHERE l.transfer_authority = 'POLICE' AND l.transferred_on IS NOT NULL
     UNION ALL
     -- Overdue penalty decision: after the due day, before the decision or closing, and not while
     -- the case is with another authority (from the transfer until a return).
     SELECT l.sweep_id, l.premises_id, 'P', l.case_id, l.bureau_id, l.category_id, p.start_day,
       p.end_day, 0, 0, 0
     FROM links l CROSS JOIN LATERAL (VALUES
       (greatest(l.linked_on, l.penalty_due + 1),
        least(l.decided_on, l.closed_on, l.transferred_on, 'infinity')),
       (CASE WHEN l.transferred_on IS NOT NULL AND l.returned_on IS NOT NULL
          THEN greatest(l.linked_on, l.penalty_due + 1, l.returned_on) END,
        least(l.decided_on, l.closed_on, 'infinity'))
     ) AS p(start_day, end_day)
     WHERE l.penalty_due IS NOT NULL AND p.start_day IS NOT NULL
     UNION ALL
     SELECT l.sweep_id, l.premises_id, 'B', l.case_id, l.bureau_id, l.category_id,
       greatest(l.linked_on, l.decided_on, d.due + 1), coalesce(l.published_on, 'infinity'), 0, 0, 0
     FROM links l CROSS JOIN LATERAL (
       SELECT CASE WHEN l.published_on IS NULL THEN l.publication_due::date
         ELSE progress_working_days_after(l.decided_on, 20) END AS due
     ) d
     WHERE l.outcome = 'PENALTY' AND l.decided_on IS NOT NULL AND d.due IS NOT NULL
       AND NOT (l.penalties = ARRAY['WARNING']::varchar[] AND l.decided_on >= DATE '2021-09-01')
   $$`,
  /*
   * The counter rows of some premises' facts: each unit's days cut into segments at every start
   * and end of its facts; in each segment, the cells holding a fact, as a chain (the cell and the
   * cells before it in (bureau, category) order). For a group G of cells and a day D, the unit
   * counts once iff D is in one of its segments holding a cell of G: through the row of that
   * segment whose cell is in G and none of whose prior cells is.
   */
  `CREATE FUNCTION progress_premises_segments_of(unit_sweeps uuid[], unit_premises uuid[])
   RETURNS SETOF progress_premises_segments
   LANGUAGE sql STABLE AS $$
     WITH f AS (
       SELECT * FROM progress_premises_facts(unit_sweeps, unit_premises) WHERE start_day < end_day
     ),
     bounds AS (
       SELECT DISTINCT f.sweep_id, f.premises_id, f.figure, f.unit_id, b.day
       FROM f CROSS JOIN LATERAL (VALUES (f.start_day), (f.end_day)) AS b(day)
     ),
     segments AS (
       SELECT b.*, lead(b.day) OVER (PARTITION BY b.sweep_id, b.premises_id, b.figure, b.unit_id
         ORDER BY b.day) AS next_day
       FROM bounds b
     ),
     active AS (
       SELECT DISTINCT s.sweep_id, s.premises_id, s.figure, s.unit_id, s.day AS start_day,
         s.next_day AS end_day, f.bureau_id, f.category_id, f.fine, f.gains, f.goods
       FROM segments s JOIN f ON f.sweep_id = s.sweep_id AND f.premises_id = s.premises_id
         AND f.figure = s.figure AND f.unit_id = s.unit_id
         AND f.start_day <= s.day AND s.next_day <= f.end_day
       WHERE s.next_day IS NOT NULL
     ),
     chain AS (
       SELECT a.*, coalesce(array_agg(a.bureau_id) OVER w, '{}') AS prior_bureaus,
         coalesce(array_agg(a.category_id) OVER w, '{}') AS prior_categories
       FROM active a
       WINDOW w AS (PARTITION BY a.sweep_id, a.premises_id, a.figure, a.unit_id, a.start_day
         ORDER BY a.bureau_id, a.category_id ${PRIOR})
     )
     SELECT c.sweep_id, c.premises_id, c.figure, c.start_day, c.end_day, c.bureau_id, c.category_id,
       c.prior_bureaus, c.prior_categories, count(*)::int, sum(c.fine), sum(c.gains), sum(c.goods)
     FROM chain c
     GROUP BY c.sweep_id, c.premises_id, c.figure, c.start_day, c.end_day, c.bureau_id,
       c.category_id, c.prior_bureaus, c.prior_categories
   $$`,
  /*
   * Recomputes the facts of some premises after a write to their findings, follow-ups or cases:
   * locks each (sweep, premises) unit in key order, then moves the counters by the difference
   * between the unit's new rows and the rows stored for it, and stores the new rows.
   */
  `CREATE FUNCTION progress_refresh_premises(unit_sweeps uuid[], unit_premises uuid[]) RETURNS void
   LANGUAGE plpgsql AS $$
   DECLARE
     ready uuid[];
     fresh progress_premises_segments[];
   BEGIN
     ready := progress_ready_sweeps(unit_sweeps);
     SELECT array_agg(x.s ORDER BY x.s, x.p), array_agg(x.p ORDER BY x.s, x.p)
       INTO unit_sweeps, unit_premises
       FROM (SELECT DISTINCT u.s, u.p FROM unnest(unit_sweeps, unit_premises) AS u(s, p)
             WHERE u.s = ANY(ready) AND u.p IS NOT NULL) x;
     IF unit_sweeps IS NULL THEN RETURN; END IF;
     INSERT INTO progress_units AS u (sweep_id, unit_kind, unit_id)
       SELECT x.s, 'F', x.p FROM unnest(unit_sweeps, unit_premises) AS x(s, p) ORDER BY 1, 3
       ON CONFLICT (sweep_id, unit_kind, unit_id) DO UPDATE SET touched = NOT u.touched;
     fresh := ARRAY(SELECT ROW(x.*)::progress_premises_segments
       FROM progress_premises_segments_of(unit_sweeps, unit_premises) x);
     INSERT INTO progress_segments AS t (sweep_id, ${SEGMENT_KEY_TAIL}, n, fine, gains, goods)
       SELECT x.sweep_id, x.figure, x.start_day, x.end_day, x.bureau_id, x.category_id,
         x.prior_bureaus, x.prior_categories, sum(x.n), sum(x.fine), sum(x.gains), sum(x.goods)
       FROM (
         SELECT * FROM unnest(fresh)
         UNION ALL
         SELECT ps.sweep_id, ps.premises_id, ps.figure, ps.start_day, ps.end_day, ps.bureau_id,
           ps.category_id, ps.prior_bureaus, ps.prior_categories, -ps.n, -ps.fine, -ps.gains, -ps.goods
         FROM progress_premises_segments ps
         WHERE (ps.sweep_id, ps.premises_id) IN (SELECT * FROM unnest(unit_sweeps, unit_premises))
       ) x
       GROUP BY x.sweep_id, x.figure, x.start_day, x.end_day, x.bureau_id, x.category_id,
         x.prior_bureaus, x.prior_categories
       HAVING sum(x.n) <> 0 OR sum(x.fine) <> 0 OR sum(x.gains) <> 0 OR sum(x.goods) <> 0
       ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
       ON CONFLICT (sweep_id, ${SEGMENT_KEY_TAIL}) DO UPDATE SET n = t.n + excluded.n,
         fine = t.fine + excluded.fine, gains = t.gains + excluded.gains,
         goods = t.goods + excluded.goods;
     DELETE FROM progress_premises_segments ps
       WHERE (ps.sweep_id, ps.premises_id) IN (SELECT * FROM unnest(unit_sweeps, unit_premises));
     INSERT INTO progress_premises_segments SELECT * FROM unnest(fresh);
   END $$`,
  /** What one sweep's summaries hold when exact: the rebuild writes it, progress:verify compares. */
  `CREATE FUNCTION progress_expected_visits(sweep uuid) RETURNS SETOF progress_visit_row
   LANGUAGE sql STABLE AS $$
     SELECT i.sweep_id, i.premises_id, (i.inspected_at AT TIME ZONE 'Asia/Shanghai')::date,
       i.bureau_id, i.category_id, p.kind::varchar(32), count(*)::int
     FROM inspections i JOIN premises p ON p.id = i.premises_id
     WHERE i.sweep_id = sweep AND NOT i.voided
     GROUP BY 1, 2, 3, 4, 5, 6
   $$`,
  `CREATE FUNCTION progress_expected_officer_days(sweep uuid) RETURNS SETOF progress_officer_row
   LANGUAGE sql STABLE AS $$
     SELECT i.sweep_id, v.officer_id, (i.inspected_at AT TIME ZONE 'Asia/Shanghai')::date,
       coalesce(o.bureau_id, ${ZERO}), i.bureau_id, i.category_id, count(*)::int
     FROM inspections i CROSS JOIN LATERAL unnest(i.officer_ids) AS v(officer_id)
     LEFT JOIN officers o ON o.id = v.officer_id
     WHERE i.sweep_id = sweep AND NOT i.voided
     GROUP BY 1, 2, 3, 4, 5, 6
   $$`,
  `CREATE FUNCTION progress_expected_findings(sweep uuid) RETURNS SETOF progress_findings
   LANGUAGE sql STABLE AS $$
     SELECT f.sweep_id, a.day, f.bureau_id, f.category_id, f.violation_type_code,
       f.exposed_product_id IS NOT NULL, count(*)::int, coalesce(sum(f.goods_value), 0)
     FROM findings f CROSS JOIN LATERAL (VALUES (f.found_on), ('infinity'::date)) AS a(day)
     WHERE f.sweep_id = sweep AND NOT f.voided
     GROUP BY 1, 2, 3, 4, 5, 6
   $$`,
  `CREATE FUNCTION progress_expected_distinct(sweep uuid) RETURNS SETOF progress_distinct
   LANGUAGE sql STABLE AS $$
     SELECT * FROM progress_all_days(ARRAY(
       SELECT ROW(x.*)::progress_distinct
       FROM progress_visit_chains(ARRAY(SELECT progress_expected_visits(sweep))) x
       UNION ALL
       SELECT ROW(x.*)::progress_distinct
       FROM progress_officer_chains(ARRAY(SELECT progress_expected_officer_days(sweep))) x))
   $$`,
  `CREATE FUNCTION progress_expected_premises_segments(sweep uuid)
   RETURNS SETOF progress_premises_segments
   LANGUAGE sql STABLE AS $$
     SELECT * FROM progress_premises_segments_of(
       ARRAY(SELECT sweep FROM findings f WHERE f.sweep_id = sweep GROUP BY f.premises_id ORDER BY f.premises_id),
       ARRAY(SELECT f.premises_id FROM findings f WHERE f.sweep_id = sweep GROUP BY f.premises_id ORDER BY f.premises_id))
   $$`,
  /*
   * Recomputes one sweep's summaries from the raw tables under the sweep's lock taken exclusive:
   * it waits for every transaction that maintained them (they hold it shared until they end) and
   * holds off new ones until it commits, so nothing is counted twice or missed. Clears the pending
   * mark: from then on the triggers keep the sweep.
   */
  `CREATE FUNCTION progress_rebuild_sweep(sweep uuid) RETURNS void
   LANGUAGE plpgsql AS $$
   BEGIN
     PERFORM pg_advisory_xact_lock(${SWEEP_LOCK('sweep')});
     DELETE FROM progress_distinct WHERE sweep_id = sweep;
     DELETE FROM progress_visits WHERE sweep_id = sweep;
     DELETE FROM progress_officer_days WHERE sweep_id = sweep;
     DELETE FROM progress_findings WHERE sweep_id = sweep;
     DELETE FROM progress_premises_segments WHERE sweep_id = sweep;
     DELETE FROM progress_segments WHERE sweep_id = sweep;
     INSERT INTO progress_premises_segments SELECT * FROM progress_expected_premises_segments(sweep);
     INSERT INTO progress_segments
       SELECT sweep_id, ${SEGMENT_KEY_TAIL}, sum(n), sum(fine), sum(gains), sum(goods)
       FROM progress_premises_segments WHERE sweep_id = sweep
       GROUP BY sweep_id, ${SEGMENT_KEY_TAIL};
     INSERT INTO progress_visits SELECT * FROM progress_expected_visits(sweep);
     INSERT INTO progress_officer_days SELECT * FROM progress_expected_officer_days(sweep);
     INSERT INTO progress_findings SELECT * FROM progress_expected_findings(sweep);
     INSERT INTO progress_distinct SELECT * FROM progress_expected_distinct(sweep);
     DELETE FROM progress_pending_sweeps WHERE sweep_id = sweep;
   END $$`,
  /*
   * Inspections: an insert counts the rows not voided; an update (a void, a correction, a premises
   * moved to another bureau) takes back what the old row counted and counts the new one.
   */
  `CREATE FUNCTION progress_inspections_changed() RETURNS trigger
   LANGUAGE plpgsql AS $$
   DECLARE
     visits progress_visit_row[];
     officer_days progress_officer_row[];
   BEGIN
     IF TG_OP = 'INSERT' THEN
       visits := ARRAY(
         SELECT ROW(i.sweep_id, i.premises_id, (i.inspected_at AT TIME ZONE 'Asia/Shanghai')::date,
           i.bureau_id, i.category_id, p.kind, 1)::progress_visit_row
         FROM new_rows i JOIN premises p ON p.id = i.premises_id WHERE NOT i.voided);
       officer_days := ARRAY(
         SELECT ROW(i.sweep_id, v.officer_id, (i.inspected_at AT TIME ZONE 'Asia/Shanghai')::date,
           coalesce(o.bureau_id, ${ZERO}), i.bureau_id, i.category_id, 1)::progress_officer_row
         FROM new_rows i CROSS JOIN LATERAL unnest(i.officer_ids) AS v(officer_id)
         LEFT JOIN officers o ON o.id = v.officer_id
         WHERE NOT i.voided);
     ELSE
       visits := ARRAY(
         SELECT ROW(c.sweep_id, c.premises_id, (c.inspected_at AT TIME ZONE 'Asia/Shanghai')::date,
           c.bureau_id, c.category_id, p.kind, c.sign)::progress_visit_row
         FROM (
           SELECT n.*, 1 AS sign FROM new_rows n JOIN old_rows o USING (id)
           WHERE NOT n.voided AND (n.voided, n.sweep_id, n.premises_id, n.bureau_id, n.category_id,
             n.inspected_at, n.officer_ids) IS DISTINCT FROM (o.voided, o.sweep_id, o.premises_id,
             o.bureau_id, o.category_id, o.inspected_at, o.officer_ids)
           UNION ALL
           SELECT o.*, -1 FROM old_rows o JOIN new_rows n USING (id)
           WHERE NOT o.voided AND (n.voided, n.sweep_id, n.premises_id, n.bureau_id, n.category_id,
             n.inspected_at, n.officer_ids) IS DISTINCT FROM (o.voided, o.sweep_id, o.premises_id,
             o.bureau_id, o.category_id, o.inspected_at, o.officer_ids)
         ) c JOIN premises p ON p.id = c.premises_id);
       officer_days := ARRAY(
         SELECT ROW(c.sweep_id, v.officer_id, (c.inspected_at AT TIME ZONE 'Asia/Shanghai')::date,
           coalesce(o.bureau_id, ${ZERO}), c.bureau_id, c.category_id, c.sign)::progress_officer_row
         FROM (
           SELECT n.*, 1 AS sign FROM new_rows n JOIN old_rows o USING (id)
           WHERE NOT n.voided AND (n.voided, n.sweep_id, n.premises_id, n.bureau_id, n.category_id,
             n.inspected_at, n.officer_ids) IS DISTINCT FROM (o.voided, o.sweep_id, o.premises_id,
             o.bureau_id, o.category_id, o.inspected_at, o.officer_ids)
           UNION ALL
           SELECT o.*, -1 FROM old_rows o JOIN new_rows n USING (id)
           WHERE NOT o.voided AND (n.voided, n.sweep_id, n.premises_id, n.bureau_id, n.category_id,
             n.inspected_at, n.officer_ids) IS DISTINCT FROM (o.voided, o.sweep_id, o.premises_id,
             o.bureau_id, o.category_id, o.inspected_at, o.officer_ids)
         ) c CROSS JOIN LATERAL unnest(c.officer_ids) AS v(officer_id)
         LEFT JOIN officers o ON o.id = v.officer_id);
     END IF;
     IF cardinality(visits) > 0 THEN PERFORM progress_apply_visits(visits); END IF;
     IF cardinality(officer_days) > 0 THEN PERFORM progress_apply_officer_days(officer_days); END IF;
     RETURN NULL;
   END $$`,
  `CREATE FUNCTION progress_findings_changed() RETURNS trigger
   LANGUAGE plpgsql AS $$
   DECLARE
     deltas progress_findings[];
     unit_sweeps uuid[];
     unit_premises uuid[];
   BEGIN
     IF TG_OP = 'INSERT' THEN
       deltas := ARRAY(
         SELECT ROW(f.sweep_id, f.found_on, f.bureau_id, f.category_id, f.violation_type_code,
           f.exposed_product_id IS NOT NULL, 1, coalesce(f.goods_value, 0))::progress_findings
         FROM new_rows f WHERE NOT f.voided);
     ELSE
       deltas := ARRAY(
         SELECT ROW(c.sweep_id, c.found_on, c.bureau_id, c.category_id, c.violation_type_code,
           c.exposed_product_id IS NOT NULL, c.sign, c.sign * coalesce(c.goods_value, 0))::progress_findings
         FROM (
           SELECT n.*, 1 AS sign FROM new_rows n JOIN old_rows o USING (id)
           WHERE NOT n.voided AND (n.voided, n.sweep_id, n.found_on, n.bureau_id, n.category_id,
             n.violation_type_code, n.exposed_product_id, n.goods_value) IS DISTINCT FROM (o.voided,
             o.sweep_id, o.found_on, o.bureau_id, o.category_id, o.violation_type_code,
             o.exposed_product_id, o.goods_value)
           UNION ALL
           SELECT o.*, -1 FROM old_rows o JOIN new_rows n USING (id)
           WHERE NOT o.voided AND (n.voided, n.sweep_id, n.found_on, n.bureau_id, n.category_id,
             n.violation_type_code, n.exposed_product_id, n.goods_value) IS DISTINCT FROM (o.voided,
             o.sweep_id, o.found_on, o.bureau_id, o.category_id, o.violation_type_code,
             o.exposed_product_id, o.goods_value)
         ) c);
     END IF;
     IF cardinality(deltas) > 0 THEN PERFORM progress_apply_findings(deltas); END IF;
     IF TG_OP = 'INSERT' THEN
       SELECT array_agg(n.sweep_id), array_agg(n.premises_id) INTO unit_sweeps, unit_premises
         FROM new_rows n;
     ELSE
       SELECT array_agg(x.sweep_id), array_agg(x.premises_id) INTO unit_sweeps, unit_premises
       FROM new_rows n JOIN old_rows o USING (id)
       CROSS JOIN LATERAL (VALUES (n.sweep_id, n.premises_id), (o.sweep_id, o.premises_id))
         AS x(sweep_id, premises_id)
       WHERE (n.voided, n.sweep_id, n.premises_id, n.bureau_id, n.category_id, n.found_on,
           n.filing_decision, n.filing_decided_on, n.case_id, n.transferred_on, n.case_decision_due,
           n.penalty_decision_due)
         IS DISTINCT FROM (o.voided, o.sweep_id, o.premises_id, o.bureau_id, o.category_id,
           o.found_on, o.filing_decision, o.filing_decided_on, o.case_id, o.transferred_on,
           o.case_decision_due, o.penalty_decision_due);
     END IF;
     IF unit_sweeps IS NOT NULL THEN PERFORM progress_refresh_premises(unit_sweeps, unit_premises); END IF;
     RETURN NULL;
   END $$`,
  /** A follow-up recorded, corrected or removed: its finding's premises are recomputed. */
  `CREATE FUNCTION progress_follow_ups_changed() RETURNS trigger
   LANGUAGE plpgsql AS $$
   DECLARE
     unit_sweeps uuid[];
     unit_premises uuid[];
   BEGIN
     IF TG_OP = 'INSERT' THEN
       SELECT array_agg(f.sweep_id), array_agg(f.premises_id) INTO unit_sweeps, unit_premises
         FROM findings f WHERE f.id IN (SELECT finding_id FROM new_rows);
     ELSIF TG_OP = 'DELETE' THEN
       SELECT array_agg(f.sweep_id), array_agg(f.premises_id) INTO unit_sweeps, unit_premises
         FROM findings f WHERE f.id IN (SELECT finding_id FROM old_rows);
     ELSE
       SELECT array_agg(f.sweep_id), array_agg(f.premises_id) INTO unit_sweeps, unit_premises
         FROM findings f
        WHERE f.id IN (SELECT finding_id FROM new_rows UNION SELECT finding_id FROM old_rows);
     END IF;
     IF unit_sweeps IS NOT NULL THEN PERFORM progress_refresh_premises(unit_sweeps, unit_premises); END IF;
     RETURN NULL;
   END $$`,
  /** A case filed or moved on: the premises of its findings are recomputed. */
  `CREATE FUNCTION progress_cases_changed() RETURNS trigger
   LANGUAGE plpgsql AS $$
   DECLARE
     unit_sweeps uuid[];
     unit_premises uuid[];
   BEGIN
     IF TG_OP = 'INSERT' THEN
       SELECT array_agg(f.sweep_id), array_agg(f.premises_id) INTO unit_sweeps, unit_premises
         FROM findings f WHERE f.case_id IN (SELECT id FROM new_rows);
     ELSE
       SELECT array_agg(f.sweep_id), array_agg(f.premises_id) INTO unit_sweeps, unit_premises
         FROM findings f
        WHERE f.case_id IN (
          SELECT n.id FROM new_rows n JOIN old_rows o USING (id)
          WHERE (n.filed_on, n.decided_on, n.outcome, n.penalties, n.fine, n.illegal_gains,
              n.confiscated_goods_value, n.transfer_authority, n.transferred_on, n.transfer_outcome,
              n.transfer_outcome_on, n.published_on, n.closed_on, n.clock_dues)
            IS DISTINCT FROM (o.filed_on, o.decided_on, o.outcome, o.penalties, o.fine,
              o.illegal_gains, o.confiscated_goods_value, o.transfer_authority, o.transferred_on,
              o.transfer_outcome, o.transfer_outcome_on, o.published_on, o.closed_on, o.clock_dues));
     END IF;
     IF unit_sweeps IS NOT NULL THEN PERFORM progress_refresh_premises(unit_sweeps, unit_premises); END IF;
     RETURN NULL;
   END $$`,
  /*
   * The holiday table changed (an ADMIN loads a year): the publication clocks of decisions
   * published since are counted in working days, so their premises are recomputed.
   */
  `CREATE FUNCTION progress_calendar_changed() RETURNS trigger
   LANGUAGE plpgsql AS $$
   DECLARE
     unit_sweeps uuid[];
     unit_premises uuid[];
   BEGIN
     SELECT array_agg(f.sweep_id), array_agg(f.premises_id) INTO unit_sweeps, unit_premises
       FROM findings f JOIN cases c ON c.id = f.case_id
      WHERE c.published_on IS NOT NULL AND c.decided_on IS NOT NULL;
     IF unit_sweeps IS NOT NULL THEN PERFORM progress_refresh_premises(unit_sweeps, unit_premises); END IF;
     RETURN NULL;
   END $$`,
  /*
   * An officer moved to another bureau: their 人次 count in the new bureau from now on, as the raw
   * figures (which read the officer's current bureau) do. Locks the officer's units first, then
   * moves their officer-day rows from the old bureau to the new one.
   */
  `CREATE FUNCTION progress_officers_changed() RETURNS trigger
   LANGUAGE plpgsql AS $$
   DECLARE
     deltas progress_officer_row[];
   BEGIN
     PERFORM progress_ready_sweeps(ARRAY(
       SELECT DISTINCT d.sweep_id FROM progress_officer_days d
       JOIN new_rows n ON n.id = d.officer_id JOIN old_rows o ON o.id = n.id
       WHERE n.bureau_id <> o.bureau_id));
     INSERT INTO progress_units AS u (sweep_id, unit_kind, unit_id)
       SELECT DISTINCT d.sweep_id, 'O', d.officer_id FROM progress_officer_days d
       JOIN new_rows n ON n.id = d.officer_id JOIN old_rows o ON o.id = n.id
       WHERE n.bureau_id <> o.bureau_id ORDER BY 1, 3
       ON CONFLICT (sweep_id, unit_kind, unit_id) DO UPDATE SET touched = NOT u.touched;
     deltas := ARRAY(
       SELECT ROW(d.sweep_id, d.officer_id, d.day, x.bureau_id, d.bureau_id, d.category_id,
         x.sign * d.inspections)::progress_officer_row
       FROM progress_officer_days d
       JOIN new_rows n ON n.id = d.officer_id JOIN old_rows o ON o.id = n.id
       CROSS JOIN LATERAL (VALUES (n.bureau_id, 1), (d.officer_bureau_id, -1)) AS x(bureau_id, sign)
       WHERE n.bureau_id <> o.bureau_id);
     IF cardinality(deltas) > 0 THEN PERFORM progress_apply_officer_days(deltas); END IF;
     RETURN NULL;
   END $$`,
];

const TRIGGERS = [
  `CREATE TRIGGER progress_inspections_inserted AFTER INSERT ON inspections
   REFERENCING NEW TABLE AS new_rows
   FOR EACH STATEMENT EXECUTE FUNCTION progress_inspections_changed()`,
  `CREATE TRIGGER progress_inspections_updated AFTER UPDATE ON inspections
   REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
   FOR EACH STATEMENT EXECUTE FUNCTION progress_inspections_changed()`,
  `CREATE TRIGGER progress_findings_inserted AFTER INSERT ON findings
   REFERENCING NEW TABLE AS new_rows
   FOR EACH STATEMENT EXECUTE FUNCTION progress_findings_changed()`,
  `CREATE TRIGGER progress_findings_updated AFTER UPDATE ON findings
   REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
   FOR EACH STATEMENT EXECUTE FUNCTION progress_findings_changed()`,
  `CREATE TRIGGER progress_follow_ups_inserted AFTER INSERT ON follow_ups
   REFERENCING NEW TABLE AS new_rows
   FOR EACH STATEMENT EXECUTE FUNCTION progress_follow_ups_changed()`,
  `CREATE TRIGGER progress_follow_ups_updated AFTER UPDATE ON follow_ups
   REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
   FOR EACH STATEMENT EXECUTE FUNCTION progress_follow_ups_changed()`,
  `CREATE TRIGGER progress_follow_ups_deleted AFTER DELETE ON follow_ups
   REFERENCING OLD TABLE AS old_rows
   FOR EACH STATEMENT EXECUTE FUNCTION progress_follow_ups_changed()`,
  `CREATE TRIGGER progress_cases_inserted AFTER INSERT ON cases
   REFERENCING NEW TABLE AS new_rows
   FOR EACH STATEMENT EXECUTE FUNCTION progress_cases_changed()`,
  `CREATE TRIGGER progress_cases_updated AFTER UPDATE ON cases
   REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
   FOR EACH STATEMENT EXECUTE FUNCTION progress_cases_changed()`,
  `CREATE TRIGGER progress_calendar_changed AFTER INSERT OR UPDATE OR DELETE ON calendar_exceptions
   FOR EACH STATEMENT EXECUTE FUNCTION progress_calendar_changed()`,
  `CREATE TRIGGER progress_officers_updated AFTER UPDATE ON officers
   REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
   FOR EACH STATEMENT EXECUTE FUNCTION progress_officers_changed()`,
];
