import type { Client } from 'pg';

/**
 * The peer: PostGraphile v4 over the same tables. Its generated `allFindings`/`allPremises`
 * conditions are equalities only, so the two lists are PostgreSQL functions (PostGraphile's way of
 * writing a custom query) returning `setof` the table, with the same filters and order as ours;
 * `overdue` and `lastInspection` are computed columns. The nested records come from its generated
 * relations (`inspectionByInspectionId`, `premisesByPremisesId`, `bureauByBureauId`). Created in
 * the scratch database only, before PostGraphile starts.
 */
export const POSTGRAPHILE_SQL = `
CREATE OR REPLACE FUNCTION public.bench_open_findings(jurisdiction uuid[]) RETURNS SETOF public.findings
  LANGUAGE sql STABLE AS $$
    SELECT * FROM public.findings f
    WHERE NOT f.voided AND f.bureau_id = ANY(jurisdiction)
      AND f.status IN ('OPEN', 'RECTIFYING', 'CASE_FILED')
    ORDER BY f.created_at DESC, f.id
  $$;
CREATE OR REPLACE FUNCTION public.findings_overdue(f public.findings) RETURNS boolean
  LANGUAGE sql STABLE AS $$
    SELECT NOT f.voided AND (
      (f.status = 'RECTIFYING' AND f.rectification_deadline < (now() AT TIME ZONE 'Asia/Shanghai')::date)
      OR (f.status = 'OPEN' AND f.case_decision_due < (now() AT TIME ZONE 'Asia/Shanghai')::date)
      OR (f.status = 'CASE_FILED' AND f.penalty_decision_due < (now() AT TIME ZONE 'Asia/Shanghai')::date))
  $$;
CREATE OR REPLACE FUNCTION public.bench_search_premises(search text, jurisdiction uuid[]) RETURNS SETOF public.premises
  LANGUAGE sql STABLE AS $$
    SELECT * FROM public.premises p
    WHERE p.bureau_id = ANY(jurisdiction)
      AND (p.name ILIKE '%' || search || '%' OR p.address ILIKE '%' || search || '%'
        OR p.credit_code ILIKE '%' || search || '%')
    ORDER BY p.name, p.id
  $$;
CREATE OR REPLACE FUNCTION public.premises_last_inspection(p public.premises) RETURNS public.inspections
  LANGUAGE sql STABLE AS $$
    SELECT * FROM public.inspections i WHERE i.premises_id = p.id AND NOT i.voided
    ORDER BY i.inspected_at DESC, i.id LIMIT 1
  $$;
`;

export async function preparePostGraphile(client: Client): Promise<void> {
  await client.query(POSTGRAPHILE_SQL);
}

/** MyBureauOpenFindings (first: 100), the same fields, through PostGraphile. */
export const POSTGRAPHILE_FINDINGS = `query ($jurisdiction: [UUID]!) {
  benchOpenFindings(jurisdiction: $jurisdiction, first: 100) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node {
      id status severity overdue rectificationDeadline
      violationTypeByViolationTypeCode { code name }
      inspectionByInspectionId { id premisesByPremisesId { id name address } }
    } }
  }
}`;

/** SearchPremises (a part of a name, first: 100), the same fields, through PostGraphile. */
export const POSTGRAPHILE_PREMISES = `query ($search: String!, $jurisdiction: [UUID]!) {
  benchSearchPremises(search: $search, jurisdiction: $jurisdiction, first: 100) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node {
      id name kind address creditCode riskLevel
      bureauByBureauId { id name }
      lastInspection { id inspectedAt outcome }
    } }
  }
}`;
