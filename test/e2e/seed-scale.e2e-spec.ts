import { Client } from 'pg';
import { addWorkingDays } from '../../src/common/time/working-days';
import { TERMINAL_STATUSES } from '../../src/inspections/finding.entity';
import { TRANSITIONS } from '../../src/follow-ups/workflow';
import { seedScale } from '../../src/scripts/scale/generator';
import type { ScaleOptions } from '../../src/scripts/scale/generator';
import { startTestApp } from '../helpers/test-app';
import type { TestApp } from '../helpers/test-app';

/**
 * The province generator at small scale, run on the database of a running app (which made the
 * city bureau and the bootstrap administrator): the rows it writes obey the domain's rules,
 * checked with SQL written here (independently of the generator's own), and the app serves them.
 */
const OPTIONS: ScaleOptions = {
  premises: 2000,
  inspections: 5000,
  seed: 7,
  reset: false,
  chunk: 2000,
  password: 'scale-test-password',
};

/**
 * GB 32100-2015 as DOMAIN.md gives it: weights 3^i mod 31 written out, not computed; and the
 * organisation code of positions 9–17 (GB 11714), digits their value, letters A–Z 10–35.
 */
const VALID_CREDIT_CODE = `
  CREATE FUNCTION pg_temp.valid_credit_code(code text) RETURNS boolean LANGUAGE sql AS $$
    SELECT code ~ '^[0-9A-HJ-NPQRTUWXY]{18}$'
       AND substr('0123456789ABCDEFGHJKLMNPQRTUWXY',
                  ((31 - sum((strpos('0123456789ABCDEFGHJKLMNPQRTUWXY', substr(code, i, 1)) - 1)
                             * (ARRAY[1,3,9,27,19,26,16,17,20,29,25,13,8,24,10,30,28])[i]) % 31) % 31 + 1)::int, 1)
           = substr(code, 18, 1)
       AND (SELECT CASE 11 - sum((strpos('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ', substr(code, 8 + k, 1)) - 1)
                                  * (ARRAY[3,7,9,10,5,8,4,2])[k]) % 11
                     WHEN 10 THEN 'X' WHEN 11 THEN '0'
                     ELSE (11 - sum((strpos('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ', substr(code, 8 + k, 1)) - 1)
                                    * (ARRAY[3,7,9,10,5,8,4,2])[k]) % 11)::text END
            FROM generate_series(1, 8) AS k) = substr(code, 17, 1)
    FROM generate_series(1, 17) AS i $$`;

describe('npm run seed:scale (the province generator)', () => {
  let app: TestApp;
  let url: string;
  let client: Client;
  const progress: string[] = [];

  async function rows<T>(sql: string, parameters: unknown[] = []): Promise<T[]> {
    return (await client.query(sql, parameters)).rows as T[];
  }

  async function count(sql: string, parameters: unknown[] = []): Promise<number> {
    const [row] = await rows<{ count: string }>(sql, parameters);
    return Number(row.count);
  }

  beforeAll(async () => {
    app = await startTestApp();
    url = app.databaseUrl;
    await seedScale(url, OPTIONS, (message) => progress.push(message));
    client = new Client({ connectionString: url });
    await client.connect();
    await client.query(VALID_CREDIT_CODE);
  }, 120_000);

  afterAll(async () => {
    await client?.end();
    await app?.close();
  });

  it('prints its progress phase by phase with elapsed seconds', () => {
    expect(progress.some((line) => /premises 2000\/2000: 2000 rows \(\d+\.\d s\)/.test(line))).toBe(
      true,
    );
    expect(progress.some((line) => /inspections 5000\/5000: \d+ inspections/.test(line))).toBe(
      true,
    );
    expect(progress.at(-1)).toMatch(/done: .*premises 2000.*inspections 5000/);
  });

  it('builds a bureau tree of three levels with officers who share one password hash', async () => {
    const levels = await rows<{ depth: number; bureaus: string }>(
      `WITH RECURSIVE tree AS (
         SELECT id, 1 AS depth FROM bureaus WHERE parent_id IS NULL
         UNION ALL SELECT b.id, t.depth + 1 FROM bureaus b JOIN tree t ON b.parent_id = t.id)
       SELECT depth, count(*) AS bureaus FROM tree GROUP BY depth ORDER BY depth`,
    );
    expect(levels.map((level) => level.depth)).toEqual([1, 2, 3]);
    expect(Number(levels[1].bureaus)).toBeGreaterThanOrEqual(12);
    expect(
      await count(
        `SELECT count(DISTINCT password_hash) AS count FROM officers WHERE certificate_number LIKE 'GEN%'`,
      ),
    ).toBe(1);
    expect(
      await count(
        `SELECT count(*) AS count FROM bureaus b WHERE b.kind <> 'MUNICIPAL' AND NOT EXISTS
           (SELECT 1 FROM officers o WHERE o.bureau_id = b.id AND 'SUPERVISOR' = ANY(o.roles))`,
      ),
    ).toBe(0);
  });

  it('gives every premises with a credit code a valid one, checked as DOMAIN.md says', async () => {
    const [example] = await rows<{ valid: boolean; corrupted: boolean; organisation: boolean }>(
      `SELECT pg_temp.valid_credit_code('91350100M000100Y43') AS valid,
              pg_temp.valid_credit_code('91350100M000100Y44') AS corrupted,
              pg_temp.valid_credit_code('91640100MA7500000W') AS organisation`,
    );
    expect(example).toEqual({ valid: true, corrupted: false, organisation: false });
    const [codes] = await rows<{ coded: string; invalid: string; stalls: string }>(
      `SELECT count(credit_code) AS coded,
              count(*) FILTER (WHERE credit_code IS NOT NULL AND NOT pg_temp.valid_credit_code(credit_code)) AS invalid,
              count(*) FILTER (WHERE credit_code IS NULL) AS stalls
       FROM premises`,
    );
    expect(Number(codes.invalid)).toBe(0);
    expect(Number(codes.coded)).toBeGreaterThan(1800);
    expect(Number(codes.stalls)).toBeGreaterThan(0);
  });

  it('generates premises of every kind, with licences, risk levels and shared pharmacists', async () => {
    expect(await count(`SELECT count(DISTINCT kind) AS count FROM premises`)).toBe(11);
    expect(await count(`SELECT count(DISTINCT risk_level) AS count FROM premises`)).toBe(4);
    expect(
      await count(
        `SELECT count(*) AS count FROM premises, jsonb_array_elements(licences) AS l
         WHERE l->>'kind' = 'FOOD_PRODUCTION' AND l->>'number' !~ '^SC[0-9]{14}$'`,
      ),
    ).toBe(0);
    expect(
      await count(
        `SELECT count(*) AS count FROM premises WHERE kind = 'FOOD_PRODUCER' AND licences = '[]'`,
      ),
    ).toBe(0);
    const shared = await count(
      `SELECT count(*) AS count FROM (
         SELECT registration FROM premises, unnest(pharmacist_registrations) AS registration
         WHERE kind = 'PHARMACY' GROUP BY registration HAVING count(*) > 1) AS rented`,
    );
    expect(shared).toBeGreaterThan(0);
  });

  it('has sweeps mostly active or closed, with categories, exposures and assignments', async () => {
    const statuses = await rows<{ status: string; sweeps: string }>(
      `SELECT status, count(*) AS sweeps FROM sweeps GROUP BY status ORDER BY status`,
    );
    expect(statuses.map((row) => row.status)).toEqual(['ACTIVE', 'CLOSED', 'DRAFT']);
    expect(
      await count(
        `SELECT count(*) AS count FROM sweeps s WHERE NOT EXISTS (SELECT 1 FROM sweep_categories c WHERE c.sweep_id = s.id)
            OR NOT EXISTS (SELECT 1 FROM sweep_assignments a WHERE a.sweep_id = s.id)`,
      ),
    ).toBe(0);
    expect(await count(`SELECT count(*) AS count FROM exposed_products`)).toBeGreaterThan(0);
    expect(await count(`SELECT count(*) AS count FROM sweep_exposures`)).toBeGreaterThan(0);
  });

  it('logs inspections of the premises bureau by 2–3 of its officers within the sweep dates', async () => {
    expect(await count(`SELECT count(*) AS count FROM inspections`)).toBe(5000);
    const broken = await rows<Record<string, string>>(
      `SELECT
         count(*) FILTER (WHERE i.bureau_id <> p.bureau_id) AS other_bureau,
         count(*) FILTER (WHERE cardinality(i.officer_ids) NOT IN (2, 3)
                            OR (SELECT count(DISTINCT o) FROM unnest(i.officer_ids) o) <> cardinality(i.officer_ids)) AS officer_count,
         count(*) FILTER (WHERE NOT i.recorded_by_id = ANY(i.officer_ids)) AS recorder_absent,
         count(*) FILTER (WHERE EXISTS (SELECT 1 FROM unnest(i.officer_ids) oid JOIN officers o ON o.id = oid
                                         WHERE o.bureau_id <> i.bureau_id)
                            OR (SELECT count(*) FROM officers o WHERE o.id = ANY(i.officer_ids)) <> cardinality(i.officer_ids)) AS foreign_officer,
         count(*) FILTER (WHERE (i.inspected_at AT TIME ZONE 'Asia/Shanghai')::date NOT BETWEEN s.start_date AND s.end_date) AS outside_sweep,
         count(*) FILTER (WHERE i.inspected_at > now() OR i.recorded_at < i.inspected_at) AS bad_time,
         count(*) FILTER (WHERE s.status NOT IN ('ACTIVE', 'CLOSED')) AS draft_sweep,
         count(*) FILTER (WHERE NOT p.kind = ANY(c.premises_kinds)) AS kind_not_covered,
         count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM sweep_categories sc WHERE sc.sweep_id = i.sweep_id AND sc.category_id = i.category_id)) AS category_not_in_sweep,
         count(*) FILTER (WHERE jsonb_array_length(i.checklist) <> (SELECT count(*) FROM checklist_items ci WHERE ci.category_id = i.category_id)) AS checklist_incomplete
       FROM inspections i
       JOIN premises p ON p.id = i.premises_id
       JOIN sweeps s ON s.id = i.sweep_id
       JOIN target_categories c ON c.id = i.category_id`,
    );
    expect(broken[0]).toEqual({
      other_bureau: '0',
      officer_count: '0',
      recorder_absent: '0',
      foreign_officer: '0',
      outside_sweep: '0',
      bad_time: '0',
      draft_sweep: '0',
      kind_not_covered: '0',
      category_not_in_sweep: '0',
      checklist_incomplete: '0',
    });
    expect(
      await count(`SELECT count(DISTINCT cardinality(officer_ids)) AS count FROM inspections`),
    ).toBe(2);
  });

  it('finds problems on about 15% of inspections, one per failed checklist item', async () => {
    const [share] = await rows<{ with_findings: string; issues: string; mismatched: string }>(
      `SELECT count(*) FILTER (WHERE EXISTS (SELECT 1 FROM findings f WHERE f.inspection_id = i.id)) AS with_findings,
              count(*) FILTER (WHERE i.outcome = 'ISSUES_FOUND') AS issues,
              count(*) FILTER (WHERE (i.outcome = 'ISSUES_FOUND') <> EXISTS (SELECT 1 FROM findings f WHERE f.inspection_id = i.id)
                                  OR (SELECT count(*) FROM jsonb_array_elements(i.checklist) a WHERE a->>'result' = 'FAIL')
                                     <> (SELECT count(*) FROM findings f WHERE f.inspection_id = i.id)) AS mismatched
       FROM inspections i`,
    );
    expect(Number(share.with_findings) / 5000).toBeGreaterThan(0.12);
    expect(Number(share.with_findings) / 5000).toBeLessThan(0.18);
    expect(Number(share.mismatched)).toBe(0);
  });

  it('copies sweep, bureau, premises and category from the inspection onto each finding', async () => {
    const findings = await rows<{
      found_on: string;
      case_decision_due: string;
      copied: boolean;
      day: string;
    }>(
      `SELECT f.found_on, f.case_decision_due,
              (f.sweep_id, f.bureau_id, f.premises_id, f.category_id, f.voided, f.created_by_id)
                = (i.sweep_id, i.bureau_id, i.premises_id, i.category_id, i.voided, i.recorded_by_id) AS copied,
              (i.inspected_at AT TIME ZONE 'Asia/Shanghai')::date::text AS day
       FROM findings f JOIN inspections i ON i.id = f.inspection_id`,
    );
    const exceptions = new Map(
      (
        await rows<{ day: string; working_day: boolean }>(
          `SELECT day::text, working_day FROM calendar_exceptions`,
        )
      ).map((row) => [row.day, row.working_day]),
    );
    expect(findings.length).toBeGreaterThan(500);
    for (const finding of findings) {
      expect(finding.copied).toBe(true);
      expect(finding.found_on).toBe(finding.day);
      expect(finding.case_decision_due).toBe(addWorkingDays(finding.found_on, 15, exceptions));
    }
  });

  it('voids a few inspections, and their findings with them', async () => {
    expect(await count(`SELECT count(*) AS count FROM inspections WHERE voided`)).toBeGreaterThan(
      0,
    );
    expect(
      await count(
        `SELECT count(*) AS count FROM inspections
         WHERE voided <> (void_reason IS NOT NULL) OR voided <> (voided_by_id IS NOT NULL) OR voided <> (voided_at IS NOT NULL)`,
      ),
    ).toBe(0);
    expect(
      await count(
        `SELECT count(*) AS count FROM findings f JOIN inspections i ON i.id = f.inspection_id WHERE f.voided <> i.voided`,
      ),
    ).toBe(0);
  });

  it('takes every move of the follow-up workflow and ends findings in every status', async () => {
    const moves = await rows<{ from_status: string; action: string; to_status: string }>(
      `SELECT DISTINCT from_status, action, to_status FROM follow_ups`,
    );
    const key = (move: { from: string; action: string; to: string }): string =>
      `${move.from} ${move.action} ${move.to}`;
    const taken = moves.map((move) =>
      key({ from: move.from_status, action: move.action, to: move.to_status }),
    );
    expect(taken.sort()).toEqual(TRANSITIONS.map(key).sort());
    const statuses = await rows<{ status: string }>(
      `SELECT DISTINCT status FROM findings WHERE NOT voided ORDER BY status`,
    );
    expect(statuses.map((row) => row.status)).toEqual([
      'CASE_FILED',
      'CLOSED',
      'OPEN',
      'PENALIZED',
      'RECTIFYING',
      'RESOLVED',
      'TRANSFERRED',
    ]);
  });

  it('keeps each finding consistent with its follow-ups', async () => {
    const broken = await rows<Record<string, string>>(
      `WITH chain AS (
         SELECT u.*, lag(u.to_status) OVER w AS previous_status, lag(u.at) OVER w AS previous_at,
                row_number() OVER w AS position, count(*) OVER (PARTITION BY u.finding_id) AS steps
         FROM follow_ups u
         WINDOW w AS (PARTITION BY u.finding_id ORDER BY u.recorded_at, u.at, u.id)
       ), last AS (SELECT * FROM chain WHERE position = steps)
       SELECT
         count(*) FILTER (WHERE f.version <> 1 + coalesce(l.steps, 0)) AS version,
         count(*) FILTER (WHERE f.status <> coalesce(l.to_status, 'OPEN')) AS status,
         count(*) FILTER (WHERE EXISTS (SELECT 1 FROM chain c WHERE c.finding_id = f.id
                            AND (c.from_status <> coalesce(c.previous_status, 'OPEN') OR c.at <= c.previous_at
                                 OR (c.at AT TIME ZONE 'Asia/Shanghai')::date < f.found_on OR c.at > now()))) AS chain,
         count(*) FILTER (WHERE f.rectification_ordered <> EXISTS (SELECT 1 FROM follow_ups u WHERE u.finding_id = f.id AND u.action = 'RECTIFICATION_ORDERED')) AS ordered,
         count(*) FILTER (WHERE f.rectification_deadline IS DISTINCT FROM (SELECT c.due_date FROM chain c WHERE c.finding_id = f.id
                            AND c.action IN ('RECTIFICATION_ORDERED', 'REINSPECTION_FAILED') ORDER BY c.position DESC LIMIT 1)) AS deadline,
         count(*) FILTER (WHERE f.case_number IS DISTINCT FROM filed.document_number
                            OR f.case_filed_on IS DISTINCT FROM filed.day
                            OR f.penalty_decision_due IS DISTINCT FROM filed.due_date
                            OR f.penalty_decision_due IS DISTINCT FROM f.case_filed_on + 90) AS case_filed,
         count(*) FILTER (WHERE f.decision_number IS DISTINCT FROM penalty.document_number
                            OR f.decided_on IS DISTINCT FROM penalty.day
                            OR f.fine IS DISTINCT FROM penalty.fine
                            OR f.confiscation IS DISTINCT FROM penalty.confiscation
                            OR (f.status = 'PENALIZED' AND f.fine IS NULL)) AS penalty,
         count(*) FILTER (WHERE f.transferred_on IS DISTINCT FROM (SELECT (c.at AT TIME ZONE 'Asia/Shanghai')::date FROM chain c
                            WHERE c.finding_id = f.id AND c.action = 'TRANSFERRED_TO_POLICE')) AS transferred,
         count(*) FILTER (WHERE (f.status = 'CLOSED') <> (f.closed_reason IS NOT NULL)) AS closed,
         count(*) FILTER (WHERE f.voided AND l.steps IS NOT NULL) AS voided_with_follow_ups
       FROM findings f
       LEFT JOIN last l ON l.finding_id = f.id
       LEFT JOIN LATERAL (SELECT c.document_number, (c.at AT TIME ZONE 'Asia/Shanghai')::date AS day, c.due_date,
                                 c.fine, c.confiscation
                          FROM chain c WHERE c.finding_id = f.id AND c.action = 'CASE_FILED') AS filed ON true
       LEFT JOIN LATERAL (SELECT c.document_number, (c.at AT TIME ZONE 'Asia/Shanghai')::date AS day, c.due_date,
                                 c.fine, c.confiscation
                          FROM chain c WHERE c.finding_id = f.id AND c.action = 'PENALTY_DECIDED') AS penalty ON true`,
    );
    expect(broken[0]).toEqual({
      version: '0',
      status: '0',
      chain: '0',
      ordered: '0',
      deadline: '0',
      case_filed: '0',
      penalty: '0',
      transferred: '0',
      closed: '0',
      voided_with_follow_ups: '0',
    });
  });

  it('closes sweeps only with every finding final or carried over', async () => {
    const terminal = [...TERMINAL_STATUSES];
    expect(
      await count(
        `SELECT count(*) AS count FROM findings f JOIN sweeps s ON s.id = f.sweep_id
         WHERE s.status = 'CLOSED' AND NOT f.voided AND NOT f.status = ANY($1) AND NOT f.carried_over`,
        [terminal],
      ),
    ).toBe(0);
    expect(
      await count(
        `SELECT count(*) AS count FROM findings f JOIN sweeps s ON s.id = f.sweep_id
         WHERE f.carried_over AND (s.status <> 'CLOSED' OR f.status = ANY($1))`,
        [terminal],
      ),
    ).toBe(0);
  });

  it('serves the generated data: a generated supervisor files a case on an open finding', async () => {
    const [finding] = await rows<{ id: string; certificate_number: string; found_on: string }>(
      `SELECT f.id, o.certificate_number, f.found_on::text
       FROM findings f
       JOIN sweeps s ON s.id = f.sweep_id AND s.status = 'ACTIVE'
       JOIN officers o ON o.bureau_id = f.bureau_id AND 'SUPERVISOR' = ANY(o.roles)
       WHERE f.status = 'OPEN' AND NOT f.voided AND f.version = 1
       ORDER BY f.id LIMIT 1`,
    );
    const token = await app.login(finding.certificate_number, OPTIONS.password);
    const result = await app.gql<{ fileCase: { finding: { status: string; version: number } } }>(
      'FileCase',
      {
        input: {
          idempotencyKey: '6f1c2a7e-9b3d-4c8e-8f10-2a3b4c5d6e7f',
          findingId: finding.id,
          expectedVersion: 1,
          caseNumber: '宁市监立〔2026〕测试1号',
          filedOn: finding.found_on,
        },
      },
      { token },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.fileCase.finding).toMatchObject({ status: 'CASE_FILED', version: 2 });
  });

  it('refuses to add to generated data without --reset, and regenerates the same rows with it', async () => {
    await expect(seedScale(url, OPTIONS)).rejects.toThrow(/--reset/);
    const fingerprint = `SELECT md5(string_agg(f.id::text || f.status || f.version || i.inspected_at::text, ',' ORDER BY f.id)) AS count
                         FROM findings f JOIN inspections i ON i.id = f.inspection_id`;
    await seedScale(url, { ...OPTIONS, reset: true });
    const before = (await rows<{ count: string }>(fingerprint))[0].count;
    await seedScale(url, { ...OPTIONS, reset: true });
    expect((await rows<{ count: string }>(fingerprint))[0].count).toBe(before);
    await seedScale(url, { ...OPTIONS, reset: true, seed: 8 });
    expect((await rows<{ count: string }>(fingerprint))[0].count).not.toBe(before);
  }, 60_000);
});
