import { Test, type TestingModule } from '@nestjs/testing';
import { BootstrapModule } from '../../../src/bootstrap/bootstrap.module';
import { BootstrapService } from '../../../src/bootstrap/bootstrap.service';
import { demoKey } from '../../../src/bootstrap/demo-seed';
import { CommonModule } from '../../../src/common/common.module';
import { loadConfig } from '../../../src/config/config';
import { ConfigModule } from '../../../src/config/config.module';
import { DatabaseModule } from '../../../src/database/database.module';
import { FollowUpsService } from '../../../src/follow-ups/follow-ups.service';
import { InspectionsService } from '../../../src/inspections/inspections.service';
import { TEST_JWT_SECRET } from '../../helpers/test-app';
import { mediumDatabase, type MediumDatabase } from '../medium';

/** What the whole demo holds, counted table by table. */
const COUNTS = `SELECT
  (SELECT count(*)::int FROM bureaus) AS bureaus,
  (SELECT count(*)::int FROM officers) AS officers,
  (SELECT count(*)::int FROM premises) AS premises,
  (SELECT count(*)::int FROM exposures) AS exposures,
  (SELECT count(*)::int FROM exposed_products) AS products,
  (SELECT count(*)::int FROM sweeps WHERE status = 'ACTIVE') AS active_sweeps,
  (SELECT count(*)::int FROM sweep_assignments) AS assignments,
  (SELECT count(*)::int FROM inspections) AS inspections,
  (SELECT count(*)::int FROM inspections WHERE voided) AS voided,
  (SELECT count(*)::int FROM findings) AS findings,
  (SELECT count(*)::int FROM follow_ups) AS follow_ups`;

const DEMO = {
  bureaus: 7,
  // 西夏区 has its head now (XX-SUP-01): a county or sub-bureau approves its own cases.
  officers: 18,
  premises: 24,
  exposures: 2,
  products: 2,
  active_sweeps: 2,
  assignments: 16,
  inspections: 22,
  voided: 1,
  findings: 15,
  // Case decisions and the transfer's outcome are moves of the case (cases, audit), not follow-ups.
  follow_ups: 18,
};

class Interrupted extends Error {}

describe('the demo seed', () => {
  let db: MediumDatabase;
  let app: TestingModule;
  let bootstrap: BootstrapService;

  beforeAll(async () => {
    db = await mediumDatabase();
    const config = loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: db.url,
      JWT_SECRET: TEST_JWT_SECRET,
      SEED_DEMO: 'false',
      LOG_LEVEL: 'silent',
    });
    app = await Test.createTestingModule({
      imports: [ConfigModule.forRoot(config), DatabaseModule, CommonModule, BootstrapModule],
    }).compile();
    bootstrap = app.get(BootstrapService);
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it('keys each step with the same UUID on every run, and each step with its own', () => {
    expect(demoKey('2019/inspection-0')).toBe(demoKey('2019/inspection-0'));
    expect(demoKey('2019/inspection-0')).not.toBe(demoKey('2019/inspection-1'));
    expect(demoKey('x')).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it('completes an interrupted seed on the next run, without writing anything twice', async () => {
    // First run: interrupted at the third case filed, half-way through the 2019 inspections.
    const followUps = app.get(FollowUpsService);
    const fileCase = followUps.fileCase.bind(followUps);
    let cases = 0;
    const fileCaseSpy = jest.spyOn(followUps, 'fileCase').mockImplementation((officer, input) => {
      if (++cases === 3) return Promise.reject(new Interrupted());
      return fileCase(officer, input);
    });
    await expect(bootstrap.seedDemo()).rejects.toBeInstanceOf(Interrupted);
    fileCaseSpy.mockRestore();
    const [half] = await db.query(COUNTS);
    expect(half.inspections).toBeGreaterThan(0);
    expect(half.inspections).toBeLessThan(DEMO.inspections);

    // Second run: interrupted at the last step, the inspection of the sweep running now.
    const inspections = app.get(InspectionsService, { strict: false });
    const log = inspections.logInspection.bind(inspections);
    const logSpy = jest.spyOn(inspections, 'logInspection').mockImplementation((input, officer) => {
      if (input.findings?.[0]?.description === '销售无标签散装零食')
        return Promise.reject(new Interrupted());
      return log(input, officer);
    });
    await expect(bootstrap.seedDemo()).rejects.toBeInstanceOf(Interrupted);
    logSpy.mockRestore();
    expect((await db.query(COUNTS))[0]).toEqual({ ...DEMO, inspections: 21, findings: 14 });

    // Third run completes it, while a second instance starting at once waits for it and then
    // finds the demo complete; a run after that writes nothing, not even an audit event.
    const started = Date.now();
    const runs = await Promise.all([bootstrap.seedDemo(), bootstrap.seedDemo()]);
    expect(runs.sort()).toEqual([false, true]);
    expect(Date.now() - started).toBeLessThan(10_000);
    const [counts] = await db.query(COUNTS);
    expect(counts).toEqual(DEMO);
    const [audit] = await db.query(`SELECT count(*)::int AS count FROM audit_events`);
    await expect(bootstrap.seedDemo()).resolves.toBe(false);
    expect(await db.query(COUNTS)).toEqual([counts]);
    expect(await db.query(`SELECT count(*)::int AS count FROM audit_events`)).toEqual([audit]);

    // Every finding went through the workflow once: its version counts its follow-ups.
    // Each move of a finding (follow-up, case move, filing clock) is one audit event after CREATE.
    const drifted = await db.query(`SELECT f.id FROM findings f
      WHERE f.version <> (SELECT count(*) FROM audit_events e WHERE e.entity_type = 'Finding' AND e.entity_id = f.id)`);
    expect(drifted).toEqual([]);
  });

  it('acts through officers: only the first bureau and officer are written without an actor', async () => {
    const [sweep] = await db.query(
      `SELECT status, activated_at IS NOT NULL AS activated FROM sweeps WHERE code = '2019-315-DPC'`,
    );
    expect(sweep).toEqual({ status: 'ACTIVE', activated: true });
    const actors = await db.query(
      `SELECT DISTINCT a.action FROM audit_events a WHERE a.request_id = 'demo-seed' AND a.actor_id IS NULL`,
    );
    // Only the first bureau and officer are written without an actor; the rest is done by officers.
    expect(actors).toEqual([{ action: 'SEED' }]);
    const [unaudited] = await db.query(`SELECT count(*)::int AS count FROM follow_ups u
      WHERE NOT EXISTS (SELECT 1 FROM audit_events a WHERE a.entity_id = u.finding_id AND a.action = u.action)`);
    expect(unaudited.count).toBe(0);
  });
});
