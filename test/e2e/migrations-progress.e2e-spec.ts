import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { CITY_BUREAU } from '../../src/bootstrap/city-bureau';
import { dataSourceOptions } from '../../src/database/data-source-options';
import { rebuildSummaries, verifySummaries } from '../../src/progress/summaries-cli';
import {
  createFinding,
  createFollowUp,
  createPremises,
  createSweep,
} from '../factories/field-work';
import { createBureau } from '../factories/people';
import type { TestApp } from '../helpers/test-app';
import { adminQuery, adminUrl, dropTestDatabase, withDatabase } from '../setup/database';

/**
 * Migrations 1796000000000 (summary tables and triggers) and 1796000000100 (backfill, one sweep per
 * transaction) on a database that already holds sweeps, inspections, findings, follow-ups and
 * cases, with a writer logging inspections all the while: afterwards no sweep is pending and every
 * summary equals its recomputation (progress:verify finds nothing), and they revert cleanly.
 */
const OWN_MIGRATIONS = /^17960000\d{5}-/;
const MIGRATIONS = join(__dirname, '..', '..', 'migrations');

describe('progress summary migrations on a database with data', () => {
  let url: string;
  let before: DataSource;
  let full: DataSource;

  beforeAll(async () => {
    const name = `st_migrations_progress_${Date.now().toString(36)}`;
    await adminQuery(`CREATE DATABASE "${name}"`);
    url = withDatabase(adminUrl(), name);
    // Every migration before this issue's, then (in the test) the rest.
    const options = dataSourceOptions(url);
    const migrations = readdirSync(MIGRATIONS)
      .filter((file) => /^\d+-.*\.ts$/.test(file) && !OWN_MIGRATIONS.test(file))
      .map((file) => join(MIGRATIONS, file));
    before = new DataSource({ ...options, migrations });
    await before.initialize();
    await before.runMigrations();
    full = new DataSource(dataSourceOptions(url));
    await full.initialize();
  });

  afterAll(async () => {
    await before?.destroy();
    await full?.destroy();
    await dropTestDatabase(url);
  });

  /** A sweep with inspections over several days, findings on two tracks, a decided case. */
  async function fieldWork(db: TestApp, index: number) {
    const [city] = await db.query<{ id: string }>(
      `INSERT INTO bureaus (code, name, kind, division_code) VALUES ($1, $2, $3, $4)
       ON CONFLICT (code) DO UPDATE SET name = excluded.name RETURNING id`,
      [CITY_BUREAU.code, CITY_BUREAU.name, CITY_BUREAU.kind, CITY_BUREAU.divisionCode],
    );
    const bureau = await createBureau(db, { parentId: city.id });
    const officers = await db.query<{ id: string }>(
      `INSERT INTO officers (name, certificate_number, bureau_id, roles, password_hash)
       SELECT '执法员', 'M' || $1 || '-' || k, $2, '{INSPECTOR}', 'x' FROM generate_series(1, 3) k
       RETURNING id`,
      [index, bureau.id],
    );
    const sweep = await createSweep(db, {
      leadBureauId: city.id,
      categoryCodes: ['SEASONED_FLOUR_PRODUCTS', 'CAMPUS_FOOD'],
      assignments: [{ bureauId: bureau.id, categoryCode: 'CAMPUS_FOOD', target: 3 }],
    });
    const premises = [];
    for (let k = 0; k < 4; k++) {
      premises.push(await createPremises(db, { bureauId: bureau.id, kind: 'CAMPUS_SHOP' }));
    }
    for (let k = 0; k < 12; k++) {
      const [inspection] = await db.query<{ id: string }>(
        `INSERT INTO inspections (sweep_id, category_id, premises_id, bureau_id, officer_ids,
           recorded_by_id, inspected_at, outcome, voided, void_reason)
         VALUES ($1, $2, $3, $4, $5::uuid[], ($5::uuid[])[1], $6, 'ISSUES_FOUND', $7,
           CASE WHEN $7 THEN '录入错误' END) RETURNING id`,
        [
          sweep.id,
          sweep.categoryIds.get(k % 2 ? 'CAMPUS_FOOD' : 'SEASONED_FLOUR_PRODUCTS'),
          premises[k % 4].id,
          bureau.id,
          [officers[k % 3].id, officers[(k + 1) % 3].id],
          new Date(Date.UTC(2019, 2, 18 + (k % 5), 3)),
          k === 7,
        ],
      );
      if (k % 3 === 0) {
        const finding = await createFinding(db, {
          inspectionId: inspection.id,
          status: k === 3 ? 'PENALIZED' : 'RECTIFYING',
          fine: k === 3 ? '5000.00' : null,
          goodsValue: '120.50',
        });
        if (k !== 3) {
          await createFollowUp(db, {
            findingId: finding.id,
            action: 'RECTIFICATION_ORDERED',
            fromStatus: 'OPEN',
            toStatus: 'RECTIFYING',
            on: '2019-03-22',
            dueDate: '2019-03-25',
          });
        }
      }
    }
    return sweep.id;
  }

  it('build exact summaries for existing sweeps while a writer goes on, and revert', async () => {
    const db = {
      query: (sql: string, p?: unknown[]) => before.query(sql, p),
    } as unknown as TestApp;
    const sweeps = [await fieldWork(db, 1), await fieldWork(db, 2)];

    let writing = true;
    let written = 0;
    const writer = (async () => {
      while (writing) {
        await full.query(
          `INSERT INTO inspections (sweep_id, category_id, premises_id, bureau_id, officer_ids,
             recorded_by_id, inspected_at, outcome)
           SELECT i.sweep_id, i.category_id, i.premises_id, i.bureau_id, i.officer_ids,
             i.recorded_by_id, i.inspected_at + interval '1 day', 'COMPLIANT'
           FROM inspections i WHERE i.sweep_id = $1 AND NOT i.voided LIMIT 1`,
          [sweeps[written % 2]],
        );
        written++;
      }
    })();
    await full.runMigrations();
    writing = false;
    await writer;
    expect(written).toBeGreaterThan(0);

    const [{ pending }] = await full.query<{ pending: number }[]>(
      `SELECT count(*)::int AS pending FROM progress_pending_sweeps`,
    );
    expect(pending).toBe(0);
    const lines: string[] = [];
    expect(await verifySummaries(full, (line) => lines.push(line))).toBe(0);
    expect(lines.filter((line) => line.endsWith(': exact'))).toHaveLength(2);
    const [{ visits }] = await full.query<{ visits: number }[]>(
      `SELECT sum(inspections)::int AS visits FROM progress_visits`,
    );
    expect(visits).toBe(2 * 11 + written);

    // Reverting the backfill marks every sweep pending again; reverting the tables drops them.
    await full.undoLastMigration();
    await full.undoLastMigration();
    const [{ tables }] = await full.query<{ tables: number }[]>(
      `SELECT count(*)::int AS tables FROM pg_tables WHERE tablename LIKE 'progress\\_%'`,
    );
    expect(tables).toBe(0);
    await full.runMigrations();
    expect(await verifySummaries(full, () => undefined)).toBe(0);
  });

  it('progress:verify reports a summary that drifted, and progress:rebuild repairs it', async () => {
    await full.query(
      `UPDATE progress_distinct SET n = n + 1
       WHERE ctid = (SELECT ctid FROM progress_distinct WHERE day = 'infinity' LIMIT 1)`,
    );
    const lines: string[] = [];
    expect(await verifySummaries(full, (line) => lines.push(line))).toBeGreaterThan(0);
    expect(lines.join('\n')).toMatch(/progress_distinct: 1 rows missing, 1 rows too many/);
    expect(lines.join('\n')).toMatch(/figures \(open-ended\) differ from the recomputation/);

    const rebuilt: string[] = [];
    await rebuildSummaries(full, (line) => rebuilt.push(line));
    expect(rebuilt).toHaveLength(2);
    expect(await verifySummaries(full, () => undefined)).toBe(0);
  });
});
