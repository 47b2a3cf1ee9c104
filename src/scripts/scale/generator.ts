import 'reflect-metadata';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { hashPassword } from '../../auth/password';
import { dataSourceOptions } from '../../database/data-source-options';
import { BRANCHES, BUREAUS, EXPOSURES, KINDS, NAME_CHARACTERS, STREETS, SWEEPS } from './province';

/**
 * The province-scale data generator (省级规模测试数据) behind `npm run seed:scale`: bureaus,
 * officers, premises, exposures, sweeps, inspections, findings and follow-ups written with
 * set-based SQL (`INSERT … SELECT … FROM generate_series`) in chunks, on one connection.
 *
 * Deterministic: every random choice is `pg_temp.rnd(row number, purpose)`, a hash of the row
 * number and the seed, and every id is `pg_temp.uid(kind, row number)`, an MD5 of the seed, the
 * kind and the number; the same seed, counts and day of the run give the same rows. Only the
 * running sweep's dates follow the day of the run (it must be running "now").
 *
 * Generated rows have no audit events (审计日志): the log records what people did, and
 * audit_events refuses TRUNCATE, so a `--reset` could never remove them again.
 */
export interface ScaleOptions {
  premises: number;
  inspections: number;
  seed: number;
  reset: boolean;
  /** Rows per INSERT … SELECT of premises and inspections. */
  chunk: number;
  /** The password of every generated officer (hashed once). */
  password: string;
}

export const DEFAULT_PASSWORD = 'scale-password-123';

export interface ScaleSummary {
  seconds: number;
  counts: Record<string, number>;
}

type Log = (message: string) => void;

/** Domain tables a `--reset` empties (audit_events refuses TRUNCATE by design and is kept). */
const DOMAIN_TABLES = [
  // Issue 19's records: samples and compulsory measures hang on findings, clues and plan results
  // on inspections; clock_suspensions refers to samples.
  'clock_suspensions',
  'case_steps',
  'cases',
  'samples',
  'clue_links',
  'clues',
  'clue_number_counters',
  'compulsory_measure_suspensions',
  'compulsory_measure_items',
  'compulsory_measures',
  'conflict_of_interest_declarations',
  'inspection_plan_results',
  'inspection_plan_publications',
  'inspection_plan_visits',
  'inspection_plans',
  'evidence_uploads',
  'evidence_files',
  'follow_ups',
  'findings',
  'inspections',
  'sweep_assignments',
  'sweep_categories',
  'sweep_exposures',
  'sweeps',
  'exposure_categories',
  'exposed_products',
  'exposures',
  'premises',
  'idempotency_records',
  'login_failures',
  'officers',
  'bureaus',
  // The progress summaries (migration 1796000000000): TRUNCATE fires no trigger to empty them.
  'progress_distinct',
  'progress_visits',
  'progress_officer_days',
  'progress_findings',
  'progress_units',
  'progress_pending_sweeps',
];

const COUNTED_TABLES = [
  'bureaus',
  'officers',
  'premises',
  'exposures',
  'exposed_products',
  'sweeps',
  'sweep_assignments',
  'inspections',
  'findings',
  'follow_ups',
];

/** The GB 32100-2015 alphabet of unified social credit codes (no I, O, S, V, Z). */
const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

export async function runMigrations(url: string): Promise<void> {
  const dataSource = new DataSource(dataSourceOptions(url));
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
}

export async function seedScale(
  url: string,
  options: ScaleOptions,
  log: Log = () => undefined,
): Promise<ScaleSummary> {
  if (!Number.isSafeInteger(options.seed)) throw new Error('the seed must be an integer');
  const started = Date.now();
  const elapsed = (): string => `${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s`;
  const phase = async (name: string, work: () => Promise<string | void>): Promise<void> => {
    const phaseStart = Date.now();
    const detail = await work();
    const seconds = ((Date.now() - phaseStart) / 1000).toFixed(1);
    log(`[${elapsed()}] ${name}${detail ? `: ${detail}` : ''} (${seconds} s)`);
  };

  await phase('migrations', () => runMigrations(url));
  const passwordHash = await hashPassword(options.password);
  const client = new Client({ connectionString: url, application_name: 'sweep-tracker-seed' });
  await client.connect();
  try {
    await client.query(`SET synchronous_commit = off; SET jit = off; SET work_mem = '64MB'`);
    const generator = new Generator(client, options, passwordHash);
    if (options.reset) await phase('reset', () => generator.reset());
    await generator.checkEmpty();
    await phase('helpers', () => generator.helpers());
    await phase('bureaus and officers', () => generator.people());
    for (let from = 1; from <= options.premises; from += options.chunk) {
      const to = Math.min(options.premises, from + options.chunk - 1);
      await phase(`premises ${to}/${options.premises}`, () => generator.premises(from, to));
    }
    await phase('exposures, sweeps and assignments', () => generator.sweeps());
    for (let from = 1; from <= options.inspections; from += options.chunk) {
      const to = Math.min(options.inspections, from + options.chunk - 1);
      await phase(`inspections ${to}/${options.inspections}`, () =>
        generator.inspections(from, to),
      );
    }
    await phase('analyze', async () => {
      await client.query(`ANALYZE ${COUNTED_TABLES.join(', ')}`);
    });
    const counts: Record<string, number> = {};
    for (const table of COUNTED_TABLES) {
      const result = await client.query<{ count: string }>(
        `SELECT count(*) AS count FROM ${table}`,
      );
      counts[table] = Number(result.rows[0].count);
    }
    const seconds = (Date.now() - started) / 1000;
    log(
      `[${elapsed()}] done: ${Object.entries(counts)
        .map(([table, count]) => `${table} ${count}`)
        .join(', ')}`,
    );
    return { seconds, counts };
  } finally {
    await client.end();
  }
}

class Generator {
  constructor(
    private readonly client: Client,
    private readonly options: ScaleOptions,
    private readonly passwordHash: string,
  ) {}

  private async sql(text: string, parameters: unknown[] = []): Promise<number> {
    const result = await this.client.query(text, parameters);
    return result.rowCount ?? 0;
  }

  private async transaction<T>(work: () => Promise<T>): Promise<T> {
    await this.client.query('BEGIN');
    try {
      const result = await work();
      await this.client.query('COMMIT');
      return result;
    } catch (error) {
      await this.client.query('ROLLBACK');
      throw error;
    }
  }

  async reset(): Promise<string> {
    await this.sql(`TRUNCATE ${DOMAIN_TABLES.join(', ')}`);
    return `emptied ${DOMAIN_TABLES.length} tables; audit_events kept (append-only)`;
  }

  /** Generated ids are derived from the seed, so a second run needs an empty database. */
  async checkEmpty(): Promise<void> {
    const result = await this.client.query<{ busy: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM premises) OR EXISTS (SELECT 1 FROM inspections)
           OR EXISTS (SELECT 1 FROM bureaus WHERE code <> 'CITY') AS busy`,
    );
    if (result.rows[0].busy)
      throw new Error(
        'the database already holds bureaus, premises or inspections: run with --reset to replace them',
      );
  }

  /** Session functions: seeded pseudo-randomness, seeded ids and the credit code check. */
  async helpers(): Promise<void> {
    const seed = this.options.seed;
    await this.sql(`
      CREATE FUNCTION pg_temp.rnd(k bigint, purpose int) RETURNS float8
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
      $$ SELECT (hashint8extended(k, ${seed}::bigint * 1000 + purpose) & 140737488355327)::float8 / 140737488355328 $$`);
    await this.sql(`
      CREATE FUNCTION pg_temp.uid(kind text, k bigint) RETURNS uuid
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
      $$ SELECT overlay(overlay(md5('${seed}:' || kind || ':' || k) placing '4' from 13) placing '8' from 17)::uuid $$`);
    // GB 32100-2015: weights 3^i mod 31; check = (31 - Σ index·weight mod 31) mod 31. Kept here,
    // apart from the service's own check, so the generator depends on nothing it tests.
    await this.sql(`
      CREATE FUNCTION pg_temp.credit_code_check(body text) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
      $$ SELECT substr('${CREDIT_CODE_ALPHABET}', (31 - sum((strpos('${CREDIT_CODE_ALPHABET}', substr(body, k + 1, 1)) - 1)
                                       * (power(3, k)::bigint % 31)) % 31)::int % 31 + 1, 1)
         FROM generate_series(0, 16) AS k $$`);
    // Eight characters from a number, in base 31 over the alphabet (a bijection below 31^8).
    await this.sql(`
      CREATE FUNCTION pg_temp.base31(x bigint) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
      $$ SELECT string_agg(substr('${CREDIT_CODE_ALPHABET}', ((x / (31::bigint ^ p)::bigint) % 31)::int + 1, 1), '' ORDER BY p DESC)
         FROM generate_series(0, 7) AS p $$`);
    // GB 11714: the organisation code (positions 9–17) is 8 characters and its own check
    // character, 11 − (Σ value·weight mod 11) with weights 3 7 9 10 5 8 4 2 (10 → X, 11 → 0).
    await this.sql(`
      CREATE FUNCTION pg_temp.organisation_code(body text) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
      $$ SELECT body || CASE c WHEN 10 THEN 'X' WHEN 11 THEN '0' ELSE c::text END
         FROM (SELECT 11 - sum(CASE WHEN substr(body, k, 1) ~ '[0-9]' THEN ascii(substr(body, k, 1)) - 48
                                    ELSE ascii(substr(body, k, 1)) - 55 END
                               * (ARRAY[3, 7, 9, 10, 5, 8, 4, 2])[k]) % 11 AS c
               FROM generate_series(1, 8) AS k) AS w $$`);
    const check = await this.client.query<{ check: string }>(
      `SELECT pg_temp.credit_code_check('91350100M000100Y4') AS check`,
    );
    if (check.rows[0].check !== '3')
      throw new Error('the credit code check disagrees with the example of GB 32100-2015');
    const organisation = await this.client.query<{ code: string }>(
      `SELECT pg_temp.organisation_code('M000100Y') AS code`,
    );
    if (organisation.rows[0].code !== 'M000100Y4')
      throw new Error('the organisation code check disagrees with the example of GB 11714');
    // Working days (工作日): weekends and the holiday table; ordinal = working days up to the day.
    await this.sql(`
      CREATE TEMP TABLE gen_day AS
      SELECT d.day::date AS day,
             coalesce(e.working_day, extract(isodow FROM d.day) < 6) AS working,
             sum(coalesce(e.working_day, extract(isodow FROM d.day) < 6)::int) OVER (ORDER BY d.day) AS ordinal
      FROM generate_series(date '2018-01-01', date '2030-12-31', interval '1 day') AS d(day)
      LEFT JOIN calendar_exceptions e ON e.day = d.day::date`);
    await this.sql(`CREATE UNIQUE INDEX ON gen_day (day)`);
    await this.sql(`
      CREATE TEMP TABLE gen_working_day AS SELECT ordinal, day FROM gen_day WHERE working`);
    await this.sql(`CREATE UNIQUE INDEX ON gen_working_day (ordinal)`);
    await this.sql(
      `CREATE TEMP TABLE gen_settings AS
       SELECT (now() AT TIME ZONE 'Asia/Shanghai')::date AS today,
              (now() AT TIME ZONE 'Asia/Shanghai')::date - 1 AS cutoff`,
    );
  }

  /** The bureau tree and its officers: inspectors in proportion to the premises, supervisors. */
  async people(): Promise<string> {
    const premisesPerInspector = 400;
    const totalWeight = BUREAUS.reduce((sum, bureau) => sum + bureau.weight, 0);
    let low = 0;
    const plan = BUREAUS.map((bureau, index) => {
      const share = bureau.weight / totalWeight;
      const row = {
        n: index + 1,
        code: bureau.code,
        name: bureau.name,
        kind: bureau.kind,
        division_code: bureau.divisionCode,
        area: bureau.area,
        parent: bureau.parent ?? 'CITY',
        lo: low,
        hi: index === BUREAUS.length - 1 ? 2 : low + share,
        inspectors: Math.max(4, Math.ceil((this.options.premises * share) / premisesPerInspector)),
        supervisors: 2,
      };
      low += share;
      return row;
    });
    return this.transaction(async () => {
      await this.sql(
        `INSERT INTO bureaus (id, code, name, kind, division_code)
         SELECT pg_temp.uid('bureau', 0), 'CITY', '市市场监督管理局', 'MUNICIPAL', '640100'
         WHERE NOT EXISTS (SELECT 1 FROM bureaus WHERE code = 'CITY')`,
      );
      await this.sql(
        `CREATE TEMP TABLE gen_bureau AS
         SELECT x.*, pg_temp.uid('bureau', x.n) AS id
         FROM jsonb_to_recordset($1::jsonb) AS x(n int, code text, name text, kind text, division_code text,
              area text, parent text, lo float8, hi float8, inspectors int, supervisors int)`,
        [JSON.stringify(plan)],
      );
      // Parents first: second-level bureaus hang under the city, 监管所 under their bureau.
      await this.sql(
        `INSERT INTO bureaus (id, code, name, kind, division_code, parent_id)
         SELECT b.id, b.code, b.name, b.kind, b.division_code, parent.id
         FROM gen_bureau b JOIN bureaus parent ON parent.code = b.parent WHERE b.parent = 'CITY'`,
      );
      await this.sql(
        `INSERT INTO bureaus (id, code, name, kind, division_code, parent_id)
         SELECT b.id, b.code, b.name, b.kind, b.division_code, parent.id
         FROM gen_bureau b JOIN gen_bureau parent ON parent.code = b.parent`,
      );
      const officers = await this.sql(
        `INSERT INTO officers (id, name, certificate_number, bureau_id, roles, password_hash)
         SELECT pg_temp.uid('officer', b.n * 100000 + k),
                (ARRAY['王','李','张','刘','陈','杨','马','赵','黄','周'])[1 + floor(pg_temp.rnd(b.n * 100000 + k, 1) * 10)::int]
                  || (ARRAY['伟','芳','娜','敏','静','强','磊','军','洋','勇','艳','杰','涛','明','超'])[1 + floor(pg_temp.rnd(b.n * 100000 + k, 2) * 15)::int],
                'GEN' || lpad(b.n::text, 3, '0') || lpad(k::text, 5, '0'),
                b.id,
                CASE WHEN k <= b.supervisors THEN ARRAY['SUPERVISOR', 'INSPECTOR'] ELSE ARRAY['INSPECTOR'] END::varchar[],
                $1
         FROM gen_bureau b CROSS JOIN LATERAL generate_series(1, b.supervisors + b.inspectors) AS k`,
        [this.passwordHash],
      );
      const managers = await this.sql(
        `INSERT INTO officers (id, name, certificate_number, bureau_id, roles, password_hash)
         SELECT pg_temp.uid('officer', k), m.name, m.certificate, city.id, m.roles::varchar[], $1
         FROM (VALUES (1, '市局稽查处长', 'GEN-MANAGER-1', ARRAY['MANAGER']),
                      (2, '市局食品处长', 'GEN-MANAGER-2', ARRAY['MANAGER']),
                      (3, '市局药品处长', 'GEN-MANAGER-3', ARRAY['MANAGER']),
                      (4, '市局系统管理员', 'GEN-ADMIN', ARRAY['ADMIN', 'MANAGER'])) AS m(k, name, certificate, roles)
         JOIN bureaus city ON city.code = 'CITY'`,
        [this.passwordHash],
      );
      await this.sql(
        `ALTER TABLE gen_bureau ADD COLUMN officer_ids uuid[], ADD COLUMN supervisor_ids uuid[]`,
      );
      await this.sql(
        `UPDATE gen_bureau b SET
           officer_ids = (SELECT array_agg(o.id ORDER BY o.certificate_number) FROM officers o WHERE o.bureau_id = b.id),
           supervisor_ids = (SELECT array_agg(o.id ORDER BY o.certificate_number) FROM officers o
                             WHERE o.bureau_id = b.id AND 'SUPERVISOR' = ANY(o.roles))`,
      );
      return `${BUREAUS.length + 1} bureaus, ${officers + managers} officers (password “${this.options.password}”, certificates GEN…)`;
    });
  }

  private async premisesTables(): Promise<void> {
    const exists = await this.client.query(`SELECT to_regclass('pg_temp.gen_kind') AS t`);
    if ((exists.rows[0] as { t: string | null }).t) return;
    let low = 0;
    const kinds = KINDS.map((kind, index) => {
      const row = {
        kind: kind.kind,
        lo: low,
        hi: index === KINDS.length - 1 ? 2 : low + kind.share,
        endings: kind.endings,
        without_credit_code: kind.withoutCreditCode,
        individual: kind.individual,
      };
      low += kind.share;
      return row;
    });
    await this.sql(
      `CREATE TEMP TABLE gen_kind AS SELECT * FROM jsonb_to_recordset($1::jsonb)
       AS x(kind text, lo float8, hi float8, endings text[], without_credit_code float8, individual float8)`,
      [JSON.stringify(kinds)],
    );
  }

  /**
   * Premises `from`..`to`: bureau by weight, kind by share, a name and address of the bureau's
   * area, a valid credit code (unique: nine characters encode the row number), licences, risk
   * level, pharmacist registrations (a few rented certificates registered at several pharmacies).
   */
  async premises(from: number, to: number): Promise<string> {
    await this.premisesTables();
    const sharedRegistrations = Math.max(3, Math.round((this.options.premises * 0.1 * 0.03) / 3));
    const rows = await this.sql(
      `WITH draws AS (
         SELECT i, pg_temp.rnd(i, 101) AS r_bureau, pg_temp.rnd(i, 102) AS r_kind
         FROM generate_series($1::bigint, $2::bigint) AS i
       ), placed AS (
         SELECT d.i, b.id AS bureau_id, b.area, b.division_code, k.kind, k.endings, k.without_credit_code, k.individual
         FROM draws d
         JOIN gen_bureau b ON d.r_bureau >= b.lo AND d.r_bureau < b.hi
         JOIN gen_kind k ON d.r_kind >= k.lo AND d.r_kind < k.hi
       ), coded AS (
         SELECT p.*,
           CASE WHEN pg_temp.rnd(i, 103) < p.without_credit_code THEN NULL
                ELSE (CASE WHEN pg_temp.rnd(i, 104) < p.individual THEN '92' ELSE '91' END)
                     || p.division_code
                     || pg_temp.organisation_code(pg_temp.base31((i * 2654435761 + $3::bigint * 7919) % 852891037441))
           END AS credit_body
         FROM placed p
       )
       INSERT INTO premises (id, name, kind, bureau_id, address, latitude, longitude, credit_code, licences,
                             risk_level, pharmacist_registrations, created_at, updated_at)
       SELECT pg_temp.uid('premises', i),
              area || ($4::text[])[1 + floor(pg_temp.rnd(i, 105) * cardinality($4::text[]))::int]
                   || ($4::text[])[1 + floor(pg_temp.rnd(i, 106) * cardinality($4::text[]))::int]
                   || endings[1 + floor(pg_temp.rnd(i, 107) * cardinality(endings))::int],
              kind,
              bureau_id,
              area || ($5::text[])[1 + floor(pg_temp.rnd(i, 108) * cardinality($5::text[]))::int]
                   || (1 + floor(pg_temp.rnd(i, 109) * 400))::int || '号',
              CASE WHEN pg_temp.rnd(i, 110) < 0.8 THEN round((38.2 + pg_temp.rnd(i, 111) * 0.6)::numeric, 6)::float8 END,
              CASE WHEN pg_temp.rnd(i, 110) < 0.8 THEN round((105.9 + pg_temp.rnd(i, 112) * 0.7)::numeric, 6)::float8 END,
              credit_body || pg_temp.credit_code_check(credit_body),
              CASE
                WHEN kind = 'FOOD_PRODUCER' OR (kind = 'FOOD_WORKSHOP' AND pg_temp.rnd(i, 113) < 0.4) THEN
                  jsonb_build_array(jsonb_build_object('kind', 'FOOD_PRODUCTION', 'number', 'SC1' || division_code || lpad(i::text, 7, '0'), 'validUntil', to_char(date '2023-01-01' + floor(pg_temp.rnd(i, 114) * 2500)::int, 'YYYY-MM-DD')))
                WHEN kind IN ('FOOD_RETAILER', 'CATERING', 'SCHOOL_CANTEEN', 'CAMPUS_SHOP') AND credit_body IS NOT NULL THEN
                  jsonb_build_array(jsonb_build_object('kind', 'FOOD_TRADING', 'number', 'JY1' || division_code || lpad(i::text, 7, '0'), 'validUntil', to_char(date '2023-01-01' + floor(pg_temp.rnd(i, 114) * 2500)::int, 'YYYY-MM-DD')))
                WHEN kind IN ('PHARMACY', 'VACCINE_DISTRIBUTOR') THEN
                  jsonb_build_array(jsonb_build_object('kind', 'DRUG_TRADING', 'number', '宁AA' || lpad(i::text, 9, '0'), 'validUntil', to_char(date '2023-01-01' + floor(pg_temp.rnd(i, 114) * 2500)::int, 'YYYY-MM-DD')))
                WHEN kind = 'AGRI_INPUT_DEALER' THEN
                  jsonb_build_array(jsonb_build_object('kind', 'PESTICIDE_TRADING', 'number', 'NYJ' || division_code || lpad(i::text, 7, '0'), 'validUntil', NULL))
                ELSE '[]'::jsonb
              END,
              CASE WHEN pg_temp.rnd(i, 115) < 0.03 THEN NULL
                   WHEN pg_temp.rnd(i, 115) < 0.43 THEN 'A'
                   WHEN pg_temp.rnd(i, 115) < 0.78 THEN 'B'
                   WHEN pg_temp.rnd(i, 115) < 0.95 THEN 'C' ELSE 'D' END,
              CASE WHEN kind <> 'PHARMACY' THEN '{}'::varchar[]
                   ELSE (ARRAY['ZY' || division_code || lpad(i::text, 8, '0')]
                        || CASE WHEN pg_temp.rnd(i, 116) < 0.3 THEN ARRAY['ZY' || division_code || lpad((i + 50000000)::text, 8, '0')] ELSE '{}' END
                        || CASE WHEN pg_temp.rnd(i, 117) < 0.03 THEN ARRAY['ZYR' || lpad(floor(pg_temp.rnd(i, 118) * $6)::int::text, 7, '0')] ELSE '{}' END)::varchar[]
              END,
              now() - pg_temp.rnd(i, 119) * interval '5 years',
              now() - pg_temp.rnd(i, 119) * interval '5 years'
       FROM coded`,
      [from, to, this.options.seed, NAME_CHARACTERS, STREETS, sharedRegistrations],
    );
    return `${rows} rows`;
  }

  /** Exposures with products, sweeps with categories and exposures, targets per bureau. */
  async sweeps(): Promise<string> {
    return this.transaction(async () => {
      const exposures = EXPOSURES.map((exposure, index) => ({ n: index + 1, ...exposure }));
      await this.sql(
        `CREATE TEMP TABLE gen_exposure AS
         SELECT x.*, pg_temp.uid('exposure', x.n) AS id FROM jsonb_to_recordset($1::jsonb)
         AS x(n int, key text, title text, source text, "exposedOn" date, summary text,
              "involvesJurisdiction" boolean, categories text[], products jsonb)`,
        [JSON.stringify(exposures)],
      );
      const manager = `(SELECT id FROM officers WHERE certificate_number = 'GEN-MANAGER-1')`;
      await this.sql(
        `INSERT INTO exposures (id, title, source, exposed_on, summary, involves_jurisdiction, created_by_id, created_at)
         SELECT id, title, source, "exposedOn", summary, "involvesJurisdiction", ${manager},
                ("exposedOn" + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'
         FROM gen_exposure`,
      );
      await this.sql(
        `INSERT INTO exposure_categories (exposure_id, category_id)
         SELECT e.id, c.id FROM gen_exposure e JOIN target_categories c ON c.code = ANY(e.categories)`,
      );
      const products = await this.sql(
        `INSERT INTO exposed_products (id, exposure_id, brand, product_name, manufacturer, batch)
         SELECT pg_temp.uid('product', e.n * 100 + p.k), e.id, p.brand, p."productName", p.manufacturer, p.batch
         FROM gen_exposure e CROSS JOIN LATERAL
           ROWS FROM (jsonb_to_recordset(e.products) AS (brand text, "productName" text, manufacturer text, batch text))
           WITH ORDINALITY AS p(brand, "productName", manufacturer, batch, k)`,
      );
      let low = 0;
      const lastInspected = SWEEPS.map((sweep) => sweep.share > 0).lastIndexOf(true);
      const sweeps = SWEEPS.map((sweep, index) => {
        const row = {
          n: index + 1,
          ...sweep,
          start: typeof sweep.start === 'number' ? null : sweep.start,
          end: typeof sweep.end === 'number' ? null : sweep.end,
          start_offset: typeof sweep.start === 'number' ? sweep.start : null,
          end_offset: typeof sweep.end === 'number' ? sweep.end : null,
          lo: low,
          hi: index === lastInspected ? 2 : low + sweep.share,
        };
        low += sweep.share;
        return row;
      });
      await this.sql(
        `CREATE TEMP TABLE gen_sweep AS
         SELECT x.n, x.code, x.title, x.directive, x.status, x.categories, x.exposures, x.share, x.lo, x.hi,
                pg_temp.uid('sweep', x.n) AS id,
                coalesce(x.start, s.today + x.start_offset) AS start_date,
                coalesce(x."end", s.today + x.end_offset) AS end_date
         FROM jsonb_to_recordset($1::jsonb) AS x(n int, code text, title text, directive text, status text,
              start date, "end" date, start_offset int, end_offset int, categories text[], exposures text[],
              share float8, lo float8, hi float8)
         CROSS JOIN gen_settings s`,
        [JSON.stringify(sweeps)],
      );
      // Inspections fall on days of the sweep up to yesterday (never in the future).
      await this.sql(
        `ALTER TABLE gen_sweep ADD COLUMN last_day date;
         UPDATE gen_sweep SET last_day = least(end_date, (SELECT cutoff FROM gen_settings))`,
      );
      await this.sql(
        `INSERT INTO sweeps (id, code, title, directive, lead_bureau_id, status, start_date, end_date,
                             created_by_id, created_at, activated_at, closed_at)
         SELECT s.id, s.code, s.title, s.directive, city.id, s.status, s.start_date, s.end_date, ${manager},
                (s.start_date - 7)::timestamp AT TIME ZONE 'Asia/Shanghai',
                CASE WHEN s.status <> 'DRAFT' THEN (s.start_date - 1)::timestamp AT TIME ZONE 'Asia/Shanghai' END,
                CASE WHEN s.status = 'CLOSED' THEN (s.end_date + 60)::timestamp AT TIME ZONE 'Asia/Shanghai' END
         FROM gen_sweep s JOIN bureaus city ON city.code = 'CITY'`,
      );
      await this.sql(
        `INSERT INTO sweep_categories (sweep_id, category_id)
         SELECT s.id, c.id FROM gen_sweep s JOIN target_categories c ON c.code = ANY(s.categories)`,
      );
      await this.sql(
        `INSERT INTO sweep_exposures (sweep_id, exposure_id)
         SELECT s.id, e.id FROM gen_sweep s JOIN gen_exposure e ON e.key = ANY(s.exposures)`,
      );
      await this.categoryTables();
      // A third of the premises of each covered kind is the target (任务数) of each bureau.
      const assignments = await this.sql(
        `INSERT INTO sweep_assignments (sweep_id, bureau_id, category_id, target)
         SELECT s.id, b.id, c.id, greatest(1, ceil(count(*) / 3.0))::int
         FROM gen_sweep s
         JOIN gen_category c ON c.code = ANY(s.categories)
         JOIN gen_category_premises cp ON cp.cat_n = c.n
         JOIN gen_bureau b ON b.n = cp.bureau_n
         GROUP BY s.id, b.id, c.id`,
      );
      // Which category an inspection of a sweep is under: in proportion to the premises it covers.
      await this.sql(
        `CREATE TEMP TABLE gen_sweep_category AS
         SELECT s.n AS sweep_n, c.n AS cat_n,
                coalesce(sum(c.pool_size) OVER w_before, 0)::float8 / sum(c.pool_size) OVER w_all AS lo,
                CASE WHEN row_number() OVER w_desc = 1 THEN 2
                     ELSE (sum(c.pool_size) OVER w_upto)::float8 / sum(c.pool_size) OVER w_all END AS hi
         FROM gen_sweep s JOIN gen_category c ON c.code = ANY(s.categories) AND c.pool_size > 0
         WINDOW w_all AS (PARTITION BY s.n),
                w_upto AS (PARTITION BY s.n ORDER BY c.n),
                w_before AS (PARTITION BY s.n ORDER BY c.n ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING),
                w_desc AS (PARTITION BY s.n ORDER BY c.n DESC)`,
      );
      // Exposed products an inspection of the sweep looks for (the 2019 ones when it has none).
      await this.sql(
        `CREATE TEMP TABLE gen_sweep_product AS
         SELECT s.n AS sweep_n, row_number() OVER (PARTITION BY s.n ORDER BY p.id) AS k, p.id AS product_id,
                count(*) OVER (PARTITION BY s.n) AS products
         FROM gen_sweep s
         JOIN gen_exposure e ON e.key = ANY(CASE WHEN cardinality(s.exposures) > 0 THEN s.exposures ELSE ARRAY['SPICY_STRIPS_2019'] END)
         JOIN exposed_products p ON p.exposure_id = e.id`,
      );
      await this.branchTables();
      const sweepCount = await this.client.query<{ count: string }>(
        `SELECT count(*) AS count FROM gen_sweep`,
      );
      return `${exposures.length} exposures, ${products} products, ${sweepCount.rows[0].count} sweeps, ${assignments} assignments`;
    });
  }

  /** Categories with their checklists, the premises each may inspect, checklist answer sets. */
  private async categoryTables(): Promise<void> {
    await this.sql(
      `CREATE TEMP TABLE gen_category AS
       SELECT row_number() OVER (ORDER BY c.code)::int AS n, c.id, c.code, c.premises_kinds AS kinds,
              (SELECT count(*) FROM checklist_items i WHERE i.category_id = c.id)::int AS item_count,
              0 AS pool_size
       FROM target_categories c`,
    );
    await this.sql(
      `CREATE TEMP TABLE gen_category_premises AS
       SELECT c.n AS cat_n, row_number() OVER (PARTITION BY c.n ORDER BY p.id)::int AS k,
              p.id AS premises_id, b.n AS bureau_n
       FROM gen_category c
       JOIN premises p ON p.kind = ANY(c.kinds)
       JOIN gen_bureau b ON b.id = p.bureau_id`,
    );
    await this.sql(`CREATE UNIQUE INDEX ON gen_category_premises (cat_n, k)`);
    await this.sql(`ANALYZE gen_category_premises`);
    await this.sql(
      `UPDATE gen_category c SET pool_size = (SELECT count(*) FROM gen_category_premises cp WHERE cp.cat_n = c.n)`,
    );
    await this.sql(
      `CREATE TEMP TABLE gen_item AS
       SELECT c.n AS cat_n, row_number() OVER (PARTITION BY c.n ORDER BY i.position, i.code)::int AS k,
              i.code, i.fail_violation_type_code
       FROM gen_category c JOIN checklist_items i ON i.category_id = c.id`,
    );
    // Answer sets: all PASS; one item NOT_APPLICABLE; all NOT_APPLICABLE (closed, refused);
    // one or two items FAIL (the findings' items).
    await this.sql(
      `CREATE TEMP TABLE gen_checklist AS
       WITH variants AS (
         SELECT DISTINCT cat_n, 'PASS' AS kind, 0 AS a, 0 AS b FROM gen_item
         UNION ALL SELECT cat_n, 'PASS', k, 0 FROM gen_item
         UNION ALL SELECT DISTINCT cat_n, 'NA', 0, 0 FROM gen_item
         UNION ALL SELECT cat_n, 'FAIL', k, 0 FROM gen_item
         UNION ALL SELECT x.cat_n, 'FAIL', x.k, y.k FROM gen_item x JOIN gen_item y ON y.cat_n = x.cat_n AND y.k <> x.k
       )
       SELECT v.cat_n, v.kind, v.a, v.b,
              jsonb_agg(jsonb_build_object(
                'itemCode', i.code,
                'result', CASE WHEN v.kind = 'NA' OR (v.kind = 'PASS' AND i.k = v.a) THEN 'NOT_APPLICABLE'
                               WHEN v.kind = 'FAIL' AND i.k IN (v.a, v.b) THEN 'FAIL' ELSE 'PASS' END,
                'note', CASE WHEN v.kind = 'NA' THEN '未能入内检查'
                             WHEN v.kind = 'PASS' AND i.k = v.a THEN '不涉及该项'
                             WHEN v.kind = 'FAIL' AND i.k IN (v.a, v.b) THEN '现场检查发现问题，已拍照取证' END
              ) ORDER BY i.k) AS answers
       FROM variants v JOIN gen_item i ON i.cat_n = v.cat_n
       GROUP BY v.cat_n, v.kind, v.a, v.b`,
    );
    await this.sql(`CREATE UNIQUE INDEX ON gen_checklist (cat_n, kind, a, b)`);
  }

  private async branchTables(): Promise<void> {
    let closedLow = 0;
    let activeLow = 0;
    const branches = BRANCHES.map((branch, index) => {
      const row = {
        n: index + 1,
        code: branch.code,
        closed_lo: closedLow,
        closed_hi: closedLow + branch.closedShare,
        active_lo: activeLow,
        active_hi: activeLow + branch.activeShare,
        steps: branch.steps.map((step, position) => ({ step: position + 1, ...step })),
      };
      closedLow += branch.closedShare;
      activeLow += branch.activeShare;
      return row;
    });
    await this.sql(
      `CREATE TEMP TABLE gen_branch AS SELECT n, code, closed_lo,
              CASE WHEN closed_hi >= 0.999999 THEN 2 ELSE closed_hi END AS closed_hi, active_lo,
              CASE WHEN active_hi >= 0.999999 THEN 2 ELSE active_hi END AS active_hi
       FROM jsonb_to_recordset($1::jsonb) AS x(n int, code text, closed_lo float8, closed_hi float8, active_lo float8, active_hi float8)`,
      [JSON.stringify(branches)],
    );
    await this.sql(
      `CREATE TEMP TABLE gen_branch_step AS
       SELECT b.n AS branch_n, s.*
       FROM jsonb_to_recordset($1::jsonb) AS b(n int, steps jsonb)
       CROSS JOIN LATERAL jsonb_to_recordset(b.steps)
         AS s(step int, action text, "from" text, "to" text, "minDays" int, "spanDays" int)`,
      [JSON.stringify(branches)],
    );
  }

  /** Inspections `from`..`to` with their findings and follow-ups, in one transaction. */
  async inspections(from: number, to: number): Promise<string> {
    return this.transaction(async () => {
      await this.sql(`DROP TABLE IF EXISTS gen_chunk, gen_findings, gen_steps`);
      await this.chunkTable(from, to);
      const inspections = await this.sql(
        `INSERT INTO inspections (id, sweep_id, category_id, premises_id, bureau_id, officer_ids, recorded_by_id,
                                  inspected_at, recorded_at, outcome, checklist, notes, voided, void_reason,
                                  voided_at, voided_by_id)
         SELECT g.id, g.sweep_id, g.category_id, g.premises_id, g.bureau_id, g.officer_ids, g.officer_ids[1],
                g.inspected_at, g.recorded_at, g.outcome, cl.answers,
                CASE WHEN g.outcome = 'PREMISES_CLOSED' THEN '店铺关门停业'
                     WHEN g.outcome = 'REFUSED_ENTRY' THEN '经营者拒绝检查，已告知法律后果' END,
                g.voided, CASE WHEN g.voided THEN '重复录入，予以作废' END,
                CASE WHEN g.voided THEN least(g.recorded_at + interval '1 day', now()) END,
                CASE WHEN g.voided THEN g.supervisor_ids[1] END
         FROM gen_chunk g
         JOIN gen_checklist cl ON cl.cat_n = g.cat_n AND cl.kind = g.checklist_kind AND cl.a = g.item_a AND cl.b = g.item_b`,
      );
      await this.findingTables();
      const findings = await this.insertFindings();
      const followUps = await this.insertFollowUps();
      return `${inspections} inspections, ${findings} findings, ${followUps} follow-ups`;
    });
  }

  /**
   * One row per inspection of the chunk with every choice made: sweep by share, category in
   * proportion to the premises it covers, a premises of a covered kind, a day within the sweep
   * up to yesterday, 2–3 officers of the premises' bureau, outcome and checklist answers.
   */
  private async chunkTable(from: number, to: number): Promise<void> {
    await this.sql(
      `CREATE TEMP TABLE gen_chunk AS
       WITH draws AS (
         SELECT j, pg_temp.rnd(j, 1) AS r_sweep, pg_temp.rnd(j, 2) AS r_category, pg_temp.rnd(j, 3) AS r_premises,
                pg_temp.rnd(j, 4) AS r_day, pg_temp.rnd(j, 5) AS r_time, pg_temp.rnd(j, 6) AS r_officer,
                pg_temp.rnd(j, 7) AS r_third, pg_temp.rnd(j, 8) AS r_finding, pg_temp.rnd(j, 9) AS r_outcome,
                pg_temp.rnd(j, 10) AS r_item, pg_temp.rnd(j, 11) AS r_second_item, pg_temp.rnd(j, 12) AS r_two,
                pg_temp.rnd(j, 13) AS r_void, pg_temp.rnd(j, 14) AS r_not_applicable, pg_temp.rnd(j, 15) AS r_recorded
         FROM generate_series($1::bigint, $2::bigint) AS j
       ), placed AS (
         SELECT d.*, s.n AS sweep_n, s.id AS sweep_id, s.status = 'CLOSED' AS sweep_closed,
                s.start_date + floor(d.r_day * (s.last_day - s.start_date + 1))::int AS day,
                c.n AS cat_n, c.id AS category_id, c.item_count, cp.premises_id, b.id AS bureau_id,
                b.officer_ids AS bureau_officers, b.supervisor_ids
         FROM draws d
         JOIN gen_sweep s ON d.r_sweep >= s.lo AND d.r_sweep < s.hi
         JOIN gen_sweep_category sc ON sc.sweep_n = s.n AND d.r_category >= sc.lo AND d.r_category < sc.hi
         JOIN gen_category c ON c.n = sc.cat_n
         JOIN gen_category_premises cp ON cp.cat_n = c.n AND cp.k = 1 + floor(d.r_premises * c.pool_size)::int
         JOIN gen_bureau b ON b.n = cp.bureau_n
       ), decided AS (
         SELECT p.*,
                p.r_finding < 0.15 AS has_finding,
                1 + floor(p.r_item * p.item_count)::int AS first_item,
                floor(p.r_officer * cardinality(p.bureau_officers))::int AS first_officer,
                ((p.day + time '08:30') + p.r_time * interval '9 hours 30 minutes') AT TIME ZONE 'Asia/Shanghai' AS inspected_at
         FROM placed p
       )
       SELECT pg_temp.uid('inspection', j) AS id, j, sweep_n, sweep_id, sweep_closed, cat_n, category_id,
              premises_id, bureau_id, supervisor_ids, inspected_at, has_finding,
              least(inspected_at + r_recorded * interval '8 hours', now()) AS recorded_at,
              ARRAY[bureau_officers[1 + first_officer],
                    bureau_officers[1 + (first_officer + 1) % cardinality(bureau_officers)]]
                || CASE WHEN r_third < 0.3 THEN ARRAY[bureau_officers[1 + (first_officer + 2) % cardinality(bureau_officers)]]
                        ELSE '{}'::uuid[] END AS officer_ids,
              CASE WHEN has_finding THEN 'ISSUES_FOUND' WHEN r_outcome < 0.03 THEN 'PREMISES_CLOSED'
                   WHEN r_outcome < 0.04 THEN 'REFUSED_ENTRY' ELSE 'COMPLIANT' END AS outcome,
              CASE WHEN has_finding THEN 'FAIL' WHEN r_outcome < 0.04 THEN 'NA' ELSE 'PASS' END AS checklist_kind,
              CASE WHEN has_finding THEN first_item
                   WHEN r_outcome >= 0.04 AND r_not_applicable < 0.2 THEN first_item ELSE 0 END AS item_a,
              CASE WHEN has_finding AND r_two < 0.2 AND item_count > 1
                   THEN 1 + (first_item + floor(r_second_item * (item_count - 1))::int) % item_count ELSE 0 END AS item_b,
              r_void < 0.005 AS voided
       FROM decided`,
      [from, to],
    );
  }

  /**
   * Findings of the chunk (one per failed checklist item) and their follow-up steps: a branch
   * by share (closed sweeps: terminal or carried over), step days after the finding, steps after
   * yesterday cut off. Findings of voided inspections are voided and have no follow-ups.
   */
  private async findingTables(): Promise<void> {
    await this.sql(
      `CREATE TEMP TABLE gen_findings AS
       WITH found AS (
         SELECT g.*, n.position, g.j * 2 + n.position - 1 AS fn,
                CASE n.position WHEN 1 THEN g.item_a ELSE g.item_b END AS item
         FROM gen_chunk g CROSS JOIN LATERAL (VALUES (1), (2)) AS n(position)
         WHERE g.has_finding AND (n.position = 1 OR g.item_b > 0)
       )
       SELECT pg_temp.uid('finding', f.fn) AS id, f.fn, f.id AS inspection_id, f.sweep_n, f.sweep_id, f.sweep_closed,
              f.bureau_id, f.premises_id, f.category_id, f.cat_n, f.voided, f.officer_ids, f.supervisor_ids,
              f.recorded_at, (f.inspected_at AT TIME ZONE 'Asia/Shanghai')::date AS found_on,
              i.fail_violation_type_code AS violation_type_code,
              CASE WHEN f.voided THEN NULL
                   WHEN f.sweep_closed THEN (SELECT b.n FROM gen_branch b WHERE pg_temp.rnd(f.fn, 20) >= b.closed_lo AND pg_temp.rnd(f.fn, 20) < b.closed_hi)
                   ELSE (SELECT b.n FROM gen_branch b WHERE pg_temp.rnd(f.fn, 20) >= b.active_lo AND pg_temp.rnd(f.fn, 20) < b.active_hi)
              END AS branch_n
       FROM found f JOIN gen_item i ON i.cat_n = f.cat_n AND i.k = f.item`,
    );
    await this.sql(
      `CREATE TEMP TABLE gen_steps AS
       WITH timed AS (
         SELECT f.id AS finding_id, f.fn, f.officer_ids, f.supervisor_ids, s.step, s.action, s."from", s."to",
                f.found_on + (sum(s."minDays" + floor(pg_temp.rnd(f.fn, 30 + s.step) * s."spanDays")::int)
                              OVER (PARTITION BY f.id ORDER BY s.step))::int AS day
         FROM gen_findings f JOIN gen_branch_step s ON s.branch_n = f.branch_n
       )
       SELECT t.*,
              CASE WHEN action IN ('REINSPECTION_PASSED', 'REINSPECTION_FAILED')
                   THEN ((day + time '10:00') + pg_temp.rnd(fn, 40 + step) * interval '6 hours') AT TIME ZONE 'Asia/Shanghai'
                   ELSE day::timestamp AT TIME ZONE 'Asia/Shanghai' END AS at,
              CASE action WHEN 'RECTIFICATION_ORDERED' THEN day + 15 + floor(pg_temp.rnd(fn, 50 + step) * 16)::int
                          WHEN 'REINSPECTION_FAILED' THEN day + 15
                          WHEN 'CASE_FILED' THEN day + 90 END AS due_date,
              CASE action WHEN 'RECTIFICATION_ORDERED' THEN '宁市监责改〔' || extract(year FROM day) || '〕' || fn || '号'
                          WHEN 'CASE_FILED' THEN '宁市监立〔' || extract(year FROM day) || '〕' || fn || '号'
                          WHEN 'PENALTY_DECIDED' THEN '宁市监罚〔' || extract(year FROM day) || '〕' || fn || '号'
                          WHEN 'TRANSFERRED_TO_POLICE' THEN '宁市监移〔' || extract(year FROM day) || '〕' || fn || '号' END AS document_number,
              CASE WHEN action = 'PENALTY_DECIDED' THEN (500 + floor(pg_temp.rnd(fn, 60) * 496) * 100)::numeric(14, 2) END AS fine,
              CASE WHEN action = 'PENALTY_DECIDED' AND pg_temp.rnd(fn, 61) < 0.4
                   THEN round((pg_temp.rnd(fn, 62) * 8000)::numeric, 2) END AS confiscation,
              CASE WHEN action = 'CLOSED' AND "from" = 'PENALIZED' THEN '当事人已履行行政处罚决定，结案'
                   WHEN action = 'CLOSED' THEN '违法事实不成立，不予行政处罚，结案'
                   WHEN action = 'REINSPECTION_FAILED' THEN '复查仍未整改到位，再次责令限期整改' END AS note,
              CASE WHEN action IN ('RECTIFICATION_ORDERED', 'REINSPECTION_PASSED', 'REINSPECTION_FAILED') THEN officer_ids[1]
                   ELSE supervisor_ids[1 + floor(pg_temp.rnd(fn, 63) * cardinality(supervisor_ids))::int] END AS officer_id
       FROM timed t
       WHERE day <= (SELECT cutoff FROM gen_settings)`,
    );
  }

  private async insertFindings(): Promise<number> {
    return this.sql(
      `WITH outcome AS (
         SELECT finding_id,
                (array_agg("to" ORDER BY step DESC))[1] AS status,
                count(*)::int AS steps,
                bool_or(action = 'RECTIFICATION_ORDERED') AS rectification_ordered,
                (array_agg(due_date ORDER BY step DESC) FILTER (WHERE action IN ('RECTIFICATION_ORDERED', 'REINSPECTION_FAILED')))[1] AS rectification_deadline,
                max(document_number) FILTER (WHERE action = 'CASE_FILED') AS case_number,
                max(day) FILTER (WHERE action = 'CASE_FILED') AS case_filed_on,
                max(due_date) FILTER (WHERE action = 'CASE_FILED') AS penalty_decision_due,
                max(document_number) FILTER (WHERE action = 'PENALTY_DECIDED') AS decision_number,
                max(day) FILTER (WHERE action = 'PENALTY_DECIDED') AS decided_on,
                max(fine) AS fine,
                max(confiscation) AS confiscation,
                max(day) FILTER (WHERE action = 'TRANSFERRED_TO_POLICE') AS transferred_on,
                max(note) FILTER (WHERE action = 'CLOSED') AS closed_reason,
                max(at + interval '2 hours') AS last_recorded_at
         FROM gen_steps GROUP BY finding_id
       )
       INSERT INTO findings (id, inspection_id, sweep_id, bureau_id, premises_id, category_id, violation_type_code,
                             severity, description, exposed_product_id, goods_quantity, goods_unit, goods_value,
                             evidence, status, version, found_on, case_decision_due, rectification_deadline,
                             rectification_ordered, case_number, case_filed_on, penalty_decision_due,
                             decision_number, decided_on, fine, confiscation, transferred_on, closed_reason,
                             voided, carried_over, created_by_id, created_at, updated_at)
       SELECT f.id, f.inspection_id, f.sweep_id, f.bureau_id, f.premises_id, f.category_id, f.violation_type_code,
              CASE WHEN pg_temp.rnd(f.fn, 21) < 0.8 THEN v.default_severity
                   WHEN v.default_severity = 'CRITICAL' THEN 'MAJOR' ELSE 'MINOR' END,
              '现场检查发现' || v.name || '问题，已当场制作现场笔录并拍照取证。',
              CASE WHEN f.violation_type_code = 'EXPOSED_PRODUCT_ON_SALE' THEN sp.product_id END,
              CASE WHEN goods THEN round((0.5 + pg_temp.rnd(f.fn, 23) * 199.5)::numeric, 3) END,
              CASE WHEN goods THEN CASE WHEN pg_temp.rnd(f.fn, 24) < 0.6 THEN '公斤' ELSE '件' END END,
              CASE WHEN goods THEN round((5 + pg_temp.rnd(f.fn, 25) * 4995)::numeric, 2) END,
              jsonb_build_array(jsonb_build_object('fileName', 'IMG_' || f.fn || '_1.jpg', 'mediaType', 'image/jpeg',
                                                   'sizeBytes', 200000 + floor(pg_temp.rnd(f.fn, 26) * 3000000)::int,
                                                   'sha256', md5(f.fn || ':1') || md5(f.fn || ':2')))
                || CASE WHEN pg_temp.rnd(f.fn, 27) < 0.4
                        THEN jsonb_build_array(jsonb_build_object('fileName', '现场笔录_' || f.fn || '.pdf', 'mediaType', 'application/pdf',
                                                                  'sizeBytes', 50000 + floor(pg_temp.rnd(f.fn, 28) * 500000)::int,
                                                                  'sha256', md5(f.fn || ':3') || md5(f.fn || ':4')))
                        ELSE '[]'::jsonb END,
              coalesce(o.status, 'OPEN'), 1 + coalesce(o.steps, 0), f.found_on, due.day, o.rectification_deadline,
              coalesce(o.rectification_ordered, false), o.case_number, o.case_filed_on, o.penalty_decision_due,
              o.decision_number, o.decided_on, o.fine, o.confiscation, o.transferred_on, o.closed_reason,
              f.voided,
              f.sweep_closed AND NOT f.voided AND coalesce(o.status, 'OPEN') NOT IN ('RESOLVED', 'CLOSED', 'TRANSFERRED'),
              f.officer_ids[1], f.recorded_at, coalesce(o.last_recorded_at, f.recorded_at)
       FROM gen_findings f
       -- Goods removed or seized (下架、查扣) where the violation is about goods on sale.
       CROSS JOIN LATERAL (SELECT pg_temp.rnd(f.fn, 22) <
                                  CASE WHEN f.violation_type_code IN ('EXPOSED_PRODUCT_ON_SALE', 'COUNTERFEIT', 'EXPIRED_FOOD', 'THREE_NO_PRODUCTS', 'BANNED_PESTICIDE')
                                       THEN 0.9
                                       WHEN f.violation_type_code IN ('ADDITIVE_MISUSE', 'UNLICENSED_PRODUCTION', 'COLD_CHAIN_BREACH')
                                       THEN 0.4 ELSE 0 END AS goods) AS g
       JOIN violation_types v ON v.code = f.violation_type_code
       JOIN gen_day found ON found.day = f.found_on
       -- 市场监督管理行政处罚程序规定 第十八条: 15 working days, holidays of calendar_exceptions included.
       JOIN gen_working_day due ON due.ordinal = found.ordinal + 15
       LEFT JOIN outcome o ON o.finding_id = f.id
       LEFT JOIN gen_sweep_product sp ON sp.sweep_n = f.sweep_n
            AND sp.k = 1 + floor(pg_temp.rnd(f.fn, 29) * sp.products)::int`,
    );
  }

  private async insertFollowUps(): Promise<number> {
    return this.sql(
      `INSERT INTO follow_ups (id, finding_id, action, from_status, to_status, at, recorded_at, officer_id, officer_ids,
                               due_date, document_number, fine, confiscation, note)
       SELECT pg_temp.uid('follow-up', fn * 10 + step), finding_id, action, "from", "to", at, at + interval '2 hours',
              officer_id,
              CASE WHEN action IN ('REINSPECTION_PASSED', 'REINSPECTION_FAILED') THEN officer_ids[1:2] ELSE '{}'::uuid[] END,
              due_date, document_number, fine, confiscation, note
       FROM gen_steps`,
    );
  }
}
