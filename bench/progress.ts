import { op } from '../test/helpers/contract';
import type { Target } from './run';
import { graphql, percentile, timeSequential } from './stats';

/**
 * The floor of sweepProgress: the sweep's totals (the figures of the dashboard's first line) in
 * one hand-written statement, straight over the two tables, without scope, groups or days.
 */
const HAND_TOTALS = `
  WITH i AS (
    SELECT premises_id, cardinality(officer_ids) AS officers FROM inspections
    WHERE sweep_id = $1 AND NOT voided
  ), f AS (
    SELECT * FROM findings WHERE sweep_id = $1 AND NOT voided
  )
  SELECT
    (SELECT sum(officers) FROM i) AS officer_visits,
    (SELECT count(*) FROM i) AS inspections,
    (SELECT count(DISTINCT premises_id) FROM i) AS premises_inspected,
    (SELECT sum(target) FROM sweep_assignments WHERE sweep_id = $1) AS target,
    count(*) AS findings,
    count(DISTINCT premises_id) FILTER (WHERE rectification_ordered) AS rectification_orders,
    count(*) FILTER (WHERE status = 'RESOLVED') AS rectified,
    sum(goods_value) AS goods_removed_value,
    count(*) FILTER (WHERE case_number IS NOT NULL) AS cases_filed,
    sum(fine) AS fines,
    sum(confiscation) AS confiscations,
    count(*) FILTER (WHERE status = 'TRANSFERRED') AS transferred_to_police,
    count(*) FILTER (WHERE
      (status = 'RECTIFYING' AND rectification_deadline < (now() AT TIME ZONE 'Asia/Shanghai')::date)
      OR (status = 'OPEN' AND case_decision_due < (now() AT TIME ZONE 'Asia/Shanghai')::date)
      OR (status = 'CASE_FILED' AND penalty_decision_due < (now() AT TIME ZONE 'Asia/Shanghai')::date)
    ) AS overdue,
    count(*) FILTER (WHERE exposed_product_id IS NOT NULL) AS exposed_products_found
  FROM f`;

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
}

/**
 * SweepProgress (the contract operation, as a city manager) for the sweep with the most
 * inspections, `count` sequential requests after two warm-ups; then the hand statement as often.
 */
export async function benchProgress(
  target: Target,
  size: number,
  count: number,
): Promise<ProgressResult> {
  const {
    rows: [sweep],
  } = await target.db.query<{ sweep_id: string; inspections: number }>(
    `SELECT sweep_id, count(*)::int AS inspections FROM inspections
     GROUP BY sweep_id ORDER BY count(*) DESC LIMIT 1`,
  );
  const {
    rows: [root],
  } = await target.db.query<{ id: string }>(`SELECT id FROM bureaus WHERE parent_id IS NULL`);
  const manager = await target.officer(root.id, ['MANAGER']);
  const request = async (): Promise<void> => {
    await graphql(
      `${target.url}/graphql`,
      op('SweepProgress'),
      { sweepId: sweep.sweep_id },
      manager.token,
    );
  };
  await timeSequential(2, request);
  const service = await timeSequential(count, request);
  const hand = async (): Promise<void> => {
    await target.db.query(HAND_TOTALS, [sweep.sweep_id]);
  };
  await timeSequential(2, hand);
  const floor = await timeSequential(count, hand);
  const probe = await probeSweep(target, sweep.sweep_id);
  const probeRequest = async (): Promise<void> => {
    await graphql(`${target.url}/graphql`, op('SweepProgress'), { sweepId: probe }, manager.token);
  };
  await timeSequential(2, probeRequest);
  const probeService = await timeSequential(count, probeRequest);
  const probeHand = await timeSequential(count, async () => {
    await target.db.query(HAND_TOTALS, [probe]);
  });
  const result = {
    size,
    probeP50: percentile(probeService, 0.5),
    probeHandP50: percentile(probeHand, 0.5),
    sweepInspections: sweep.inspections,
    p50: percentile(service, 0.5),
    p99: percentile(service, 0.99),
    handP50: percentile(floor, 0.5),
    handP99: percentile(floor, 0.99),
  };
  console.log(`# sweepProgress at ${size}:`, result);
  return result;
}
