import { op } from '../test/helpers/contract';
import type { Target } from './run';
import { graphql, percentile, timeSequential } from './stats';

/**
 * The floor of sweepProgress: the sweep's totals (the figures of the dashboard's first line) in
 * one hand-written statement over the raw tables (not over the summaries), as the service now
 * defines them (issue 14): 人次 = distinct (officer, day), 户次 = distinct (premises, day), 户 =
 * distinct premises, completion per assignment capped at its target, rectification and the case
 * figures as of the as-of day $2 from the follow-ups and the case files, money once per case, the
 * four overdue clocks; $3 the range's `to` day (null: open-ended). Without scope, groups, days or
 * the summary paragraph; two simplifications against the service: a penalty clock's due day is
 * the case's stored one only, and a decision published after the as-of day is not judged for
 * publication (both are rare and cheap either way).
 */
export const HAND_TOTALS = `
  WITH i AS (
    SELECT premises_id, officer_ids, category_id, bureau_id,
      (inspected_at AT TIME ZONE 'Asia/Shanghai')::date AS day
    FROM inspections
    WHERE sweep_id = $1 AND NOT voided
      AND ($3::date IS NULL OR inspected_at < (($3::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'))
      AND ($4::date IS NULL OR inspected_at >= ($4::date::timestamp AT TIME ZONE 'Asia/Shanghai'))
  ), f AS (
    SELECT * FROM findings
    WHERE sweep_id = $1 AND NOT voided AND ($3::date IS NULL OR found_on <= $3::date)
      AND ($4::date IS NULL OR found_on >= $4::date)
  ), u AS (
    SELECT u.id, u.finding_id, u.action, u.due_date, u.recorded_at
    FROM follow_ups u JOIN f ON f.id = u.finding_id
    WHERE (u.at AT TIME ZONE 'Asia/Shanghai')::date <= $2::date
  ), fs AS (
    SELECT f.id, f.premises_id,
      coalesce(bool_or(u.action = 'RECTIFICATION_ORDERED'), false) AS ordered,
      coalesce(bool_or(u.action = 'REINSPECTION_PASSED'), false) AS passed,
      coalesce((array_agg(u.action ORDER BY u.recorded_at DESC, u.id DESC) FILTER (WHERE u.action IN
        ('RECTIFICATION_ORDERED', 'REINSPECTION_FAILED', 'REINSPECTION_PASSED')))[1]
        IN ('RECTIFICATION_ORDERED', 'REINSPECTION_FAILED'), false) AS rectifying,
      (array_agg(u.due_date ORDER BY u.recorded_at DESC, u.id DESC) FILTER (WHERE u.action IN
        ('RECTIFICATION_ORDERED', 'REINSPECTION_FAILED')))[1] AS deadline
    FROM f LEFT JOIN u ON u.finding_id = f.id GROUP BY f.id, f.premises_id
  ), c AS (
    SELECT DISTINCT c.* FROM cases c JOIN f ON f.case_id = c.id AND f.filing_decision = 'FILED'
    WHERE c.filed_on <= $2::date AND coalesce(f.filing_decided_on, c.filed_on) <= $2::date
  ), a AS (
    SELECT a.target, least(a.target, (
      SELECT count(DISTINCT i.premises_id) FROM i WHERE i.category_id = a.category_id
        AND i.bureau_id IN (SELECT t.id FROM bureau_subtree(a.bureau_id) AS t(id)))) AS completed
    FROM sweep_assignments a WHERE a.sweep_id = $1
  )
  SELECT
    (SELECT count(DISTINCT (o.id, i.day)) FROM i CROSS JOIN LATERAL unnest(i.officer_ids) AS o(id))
      AS officer_visits,
    (SELECT count(DISTINCT (premises_id, day)) FROM i) AS inspections,
    (SELECT count(DISTINCT premises_id) FROM i) AS premises_inspected,
    (SELECT sum(target) FROM a) AS target,
    (SELECT sum(completed) FROM a) AS completed,
    (SELECT count(*) FROM f) AS findings,
    (SELECT count(DISTINCT premises_id) FILTER (WHERE ordered) FROM fs) AS rectification_orders,
    (SELECT count(DISTINCT premises_id) FILTER (WHERE ordered)
      - count(DISTINCT premises_id) FILTER (WHERE ordered AND NOT passed) FROM fs) AS rectified,
    (SELECT sum(goods_value) FROM f) AS goods_removed_value,
    (SELECT count(*) FROM c) AS cases_filed,
    (SELECT count(*) FROM f WHERE filing_decision = 'DECLINED' AND filing_decided_on <= $2::date)
      AS cases_declined,
    (SELECT sum(fine) FROM c WHERE outcome = 'PENALTY' AND decided_on <= $2::date) AS fines,
    (SELECT sum(illegal_gains) FROM c WHERE outcome = 'PENALTY' AND decided_on <= $2::date)
      AS confiscations,
    (SELECT count(*) FROM c WHERE transfer_authority = 'POLICE' AND transferred_on <= $2::date
      AND NOT coalesce(transfer_outcome = 'RETURNED' AND transfer_outcome_on <= $2::date, false))
      + (SELECT count(*) FROM f WHERE case_id IS NULL AND transferred_on <= $2::date)
      AS transferred_to_police,
    (SELECT count(*) FROM fs WHERE rectifying AND deadline < $2::date) AS overdue_rectifications,
    (SELECT count(*) FROM f LEFT JOIN cases k ON k.id = f.case_id
      WHERE f.case_decision_due < $2::date
        AND NOT coalesce(f.filing_decision IS NOT NULL
          AND coalesce(f.filing_decided_on, k.filed_on) <= $2::date, false)
        AND NOT coalesce(f.case_id IS NULL AND f.transferred_on <= $2::date, false))
      AS overdue_filing_decisions,
    (SELECT count(*) FROM c WHERE (clock_dues ->> 'PENALTY_DECISION')::date < $2::date
      AND NOT coalesce(decided_on <= $2::date, false) AND NOT coalesce(closed_on <= $2::date, false))
      AS overdue_penalty_decisions,
    (SELECT count(*) FROM c WHERE outcome = 'PENALTY' AND decided_on <= $2::date
      AND published_on IS NULL AND (clock_dues ->> 'PUBLICATION')::date < $2::date)
      AS overdue_publications,
    (SELECT count(*) FROM f WHERE exposed_product_id IS NOT NULL) AS exposed_products_found`;

/** Inspections of the probe sweep, the same at every database size. */
export const PROBE_INSPECTIONS = 2800;

/**
 * A copy of `sweepId` (categories, assignments, its first PROBE_INSPECTIONS inspections and their
 * findings under new ids): a sweep of constant size, so that its progress at 10k and at 1M
 * inspections in the database shows what the size of the tables costs, apart from the sweep's own.
 */
async function probeSweep(target: Target, sweepId: string): Promise<string> {
  const {
    rows: [probe],
  } = await target.db.query<{ id: string }>(
    `WITH probe AS (
       INSERT INTO sweeps (code, title, lead_bureau_id, status, start_date, end_date, activated_at)
       SELECT 'PROBE-' || floor(random() * 1e9)::bigint, title, lead_bureau_id, status, start_date, end_date, activated_at
       FROM sweeps WHERE id = $1 RETURNING id
     ), categories AS (
       INSERT INTO sweep_categories (sweep_id, category_id)
       SELECT probe.id, sc.category_id FROM probe, sweep_categories sc WHERE sc.sweep_id = $1
     ), assignments AS (
       INSERT INTO sweep_assignments (sweep_id, bureau_id, category_id, target)
       SELECT probe.id, a.bureau_id, a.category_id, a.target FROM probe, sweep_assignments a WHERE a.sweep_id = $1
     )
     SELECT id FROM probe`,
    [sweepId],
  );
  // One statement: the foreign keys of the findings are checked at its end, after both inserts.
  await target.db.query(
    `WITH m AS MATERIALIZED (
       SELECT id AS old_id, gen_random_uuid() AS new_id FROM inspections
       WHERE sweep_id = $1 ORDER BY id LIMIT $3
     ), copied AS (
       INSERT INTO inspections
       SELECT (jsonb_populate_record(NULL::inspections,
         to_jsonb(i) || jsonb_build_object('id', m.new_id, 'sweep_id', $2::uuid))).*
       FROM inspections i JOIN m ON m.old_id = i.id
     )
     INSERT INTO findings
     SELECT (jsonb_populate_record(NULL::findings, to_jsonb(f) || jsonb_build_object(
       'id', gen_random_uuid(), 'inspection_id', m.new_id, 'sweep_id', $2::uuid,
       'case_number', CASE WHEN f.case_number IS NULL THEN NULL ELSE f.case_number || '-P' END))).*
     FROM findings f JOIN m ON m.old_id = f.inspection_id`,
    [sweepId, probe.id, PROBE_INSPECTIONS],
  );
  await target.db.query('ANALYZE inspections, findings');
  return probe.id;
}

export interface ProgressResult {
  size: number;
  sweepInspections: number;
  probeP50: number;
  probeHandP50: number;
  p50: number;
  p99: number;
  handP50: number;
  handP99: number;
  /** sweepProgress with only a `to` day (halfway through the sweep's days so far). */
  to: string;
  toP50: number;
  toHandP50: number;
  /** sweepProgress with a `from` day (a quarter through) and the `to` day: read from the raw tables. */
  from: string;
  fromP50: number;
  fromHandP50: number;
  /** ActiveSweepsProgress: every active sweep of the province in one request. */
  activeSweeps: number;
  activeP50: number;
}

/** p50 of `count` sequential runs after two warm-ups. */
async function p50Of(count: number, run: () => Promise<void>): Promise<number> {
  await timeSequential(2, run);
  return percentile(await timeSequential(count, run), 0.5);
}

/**
 * SweepProgress (the contract operation, as a city manager) for the sweep with the most
 * inspections, open-ended and with a `to` day only, each against the hand statement computing
 * the same totals; the same for a probe sweep of constant size; ActiveSweepsProgress once per
 * request for every active sweep.
 */
export async function benchProgress(
  target: Target,
  size: number,
  count: number,
): Promise<ProgressResult> {
  const {
    rows: [sweep],
  } = await target.db.query<{
    sweep_id: string;
    inspections: number;
    from: string;
    to: string;
    today: string;
  }>(
    `SELECT i.sweep_id, count(*)::int AS inspections,
       to_char(s.start_date + (least(s.end_date, (now() AT TIME ZONE 'Asia/Shanghai')::date)
         - s.start_date) / 4, 'YYYY-MM-DD') AS from,
       to_char(s.start_date + (least(s.end_date, (now() AT TIME ZONE 'Asia/Shanghai')::date)
         - s.start_date) / 2, 'YYYY-MM-DD') AS to,
       to_char((now() AT TIME ZONE 'Asia/Shanghai')::date, 'YYYY-MM-DD') AS today
     FROM inspections i JOIN sweeps s ON s.id = i.sweep_id
     GROUP BY i.sweep_id, s.start_date, s.end_date ORDER BY count(*) DESC LIMIT 1`,
  );
  const {
    rows: [root],
  } = await target.db.query<{ id: string }>(`SELECT id FROM bureaus WHERE parent_id IS NULL`);
  const manager = await target.officer(root.id, ['MANAGER']);
  // The floor at its best: with JIT, PostgreSQL 15 spends about a second compiling the hand
  // statement at 100k, which would flatter the ratio (the service's statements stay below
  // jit_above_cost).
  await target.db.query('SET jit = off');
  const progress = (sweepId: string, filter: Record<string, string> | undefined) => async () => {
    await graphql(
      `${target.url}/graphql`,
      op('SweepProgress'),
      filter ? { sweepId, filter } : { sweepId },
      manager.token,
    );
  };
  const hand =
    (sweepId: string, asOf: string, to: string | null, from: string | null = null) =>
    async () => {
      await target.db.query(HAND_TOTALS, [sweepId, asOf, to, from]);
    };
  await timeSequential(2, progress(sweep.sweep_id, undefined));
  const service = await timeSequential(count, progress(sweep.sweep_id, undefined));
  await timeSequential(2, hand(sweep.sweep_id, sweep.today, null));
  const floor = await timeSequential(count, hand(sweep.sweep_id, sweep.today, null));
  const toP50 = await p50Of(count, progress(sweep.sweep_id, { to: sweep.to }));
  const toHandP50 = await p50Of(count, hand(sweep.sweep_id, sweep.to, sweep.to));
  // A range with a `from` day is read from the raw tables (issue 16 allows it), and then must cost
  // no more than 1.5 × a hand statement computing the same figures for that range.
  const fromP50 = await p50Of(count, progress(sweep.sweep_id, { from: sweep.from, to: sweep.to }));
  const fromHandP50 = await p50Of(count, hand(sweep.sweep_id, sweep.to, sweep.to, sweep.from));
  const {
    rows: [active],
  } = await target.db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM sweeps WHERE status = 'ACTIVE'`,
  );
  const activeP50 = await p50Of(count, async () => {
    await graphql(`${target.url}/graphql`, op('ActiveSweepsProgress'), {}, manager.token);
  });
  const probe = await probeSweep(target, sweep.sweep_id);
  const probeP50 = await p50Of(count, progress(probe, undefined));
  const probeHandP50 = await p50Of(count, hand(probe, sweep.today, null));
  const result = {
    size,
    probeP50,
    probeHandP50,
    sweepInspections: sweep.inspections,
    p50: percentile(service, 0.5),
    p99: percentile(service, 0.99),
    handP50: percentile(floor, 0.5),
    handP99: percentile(floor, 0.99),
    to: sweep.to,
    toP50,
    toHandP50,
    from: sweep.from,
    fromP50,
    fromHandP50,
    activeSweeps: active.n,
    activeP50,
  };
  console.log(`# sweepProgress at ${size}:`, result);
  return result;
}
