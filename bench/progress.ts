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

export interface ProgressResult {
  size: number;
  sweepInspections: number;
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
  const result = {
    size,
    sweepInspections: sweep.inspections,
    p50: percentile(service, 0.5),
    p99: percentile(service, 0.99),
    handP50: percentile(floor, 0.5),
    handP99: percentile(floor, 0.99),
  };
  console.log(`# sweepProgress at ${size}:`, result);
  return result;
}
