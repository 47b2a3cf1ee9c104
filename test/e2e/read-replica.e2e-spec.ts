import { createInspection, createPremises, createSweep } from '../factories/field-work';
import { Bureau } from '../../src/bureaus/bureau.entity';
import { readQuery, withReadManager } from '../../src/database/read-replica';
import { ADMIN_URL_ENV } from '../setup/database';
import { cityBureau, createBureau, createOfficer } from '../factories/people';
import { startStandby, standbyUnavailableReasons } from '../helpers/standby';
import type { Standby } from '../helpers/standby';
import { startTestApp } from '../helpers/test-app';
import type { TestApp } from '../helpers/test-app';

/**
 * DATABASE_READ_URL on a real streaming replica of the test server: reads meant for the replica
 * are served by it, writes and mutation payloads by the primary. Skipped, with the reason, when
 * the test server cannot feed a replica (it is never reconfigured from here).
 */
const unavailable = standbyUnavailableReasons(process.env[ADMIN_URL_ENV]);
const describeWithStandby = unavailable.length === 0 ? describe : describe.skip;
if (unavailable.length > 0)
  console.warn(
    `read-replica.e2e-spec skipped: the test server cannot feed a streaming replica:\n- ${unavailable.join('\n- ')}`,
  );

interface BureauNode {
  id: string;
  code: string;
  parent: { id: string } | null;
}

describeWithStandby('read replica (DATABASE_READ_URL)', () => {
  let standby: Standby;
  let app: TestApp;
  let adminToken: string;

  beforeAll(async () => {
    standby = await startStandby(process.env[ADMIN_URL_ENV] as string);
    console.info(`pg_basebackup of the test server took ${standby.baseBackupSeconds.toFixed(1)} s`);
    app = await startTestApp(async (databaseUrl) => {
      // The new database reaches the standby through WAL replay; the app connects to it at boot.
      await standby.caughtUp();
      return { DATABASE_READ_URL: standby.url(new URL(databaseUrl).pathname.slice(1)) };
    });
    adminToken = await app.adminToken();
  }, 300_000);

  afterAll(async () => {
    await app?.close();
    standby?.stop();
  });

  async function replay(paused: boolean): Promise<void> {
    const database = new URL(app.databaseUrl).pathname.slice(1);
    await readQuery(
      app.dataSource,
      paused ? 'SELECT pg_wal_replay_pause()' : 'SELECT pg_wal_replay_resume()',
    );
    // Pausing takes effect at the next record; wait until the standby says it has paused.
    if (paused) {
      for (let i = 0; i < 100; i++) {
        const [{ state }] = await readQuery<{ state: string }[]>(
          app.dataSource,
          'SELECT pg_get_wal_replay_pause_state() AS state',
        );
        if (state === 'paused') return;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error(`replay of ${database} did not pause`);
    }
  }

  it('runs the read helpers on the standby and plain queries and transactions on the primary', async () => {
    const recovering = 'SELECT pg_is_in_recovery() AS recovering';
    expect(await readQuery(app.dataSource, recovering)).toEqual([{ recovering: true }]);
    expect(await withReadManager(app.dataSource, (manager) => manager.query(recovering))).toEqual([
      { recovering: true },
    ]);
    expect(await app.dataSource.query(recovering)).toEqual([{ recovering: false }]);
    expect(await app.dataSource.transaction((manager) => manager.query(recovering))).toEqual([
      { recovering: false },
    ]);
    // Query builders outside a transaction stay on the primary (defaultMode 'master').
    expect(
      await app.dataSource
        .getRepository(Bureau)
        .createQueryBuilder('bureau')
        .select('pg_is_in_recovery()', 'recovering')
        .limit(1)
        .getRawMany(),
    ).toEqual([{ recovering: false }]);
  });

  it('keeps the app connected to the standby under its application name', async () => {
    await app.gql('Bureaus', {}, { token: adminToken });
    const sessions = await readQuery<{ count: string }[]>(
      app.dataSource,
      `SELECT count(*) AS count FROM pg_stat_activity
       WHERE application_name = 'sweep-tracker' AND datname = current_database()`,
    );
    expect(Number(sessions[0].count)).toBeGreaterThan(0);
  });

  it('writes on the primary and answers mutations from it, while query loaders read the standby', async () => {
    const city = await cityBureau(app);
    await replay(true);
    try {
      const parent = await app.gql<{ createBureau: { bureau: BureauNode } }>(
        'CreateBureau',
        {
          input: {
            code: 'REPLICA_P',
            name: '副本测试分局',
            kind: 'SUB_BUREAU',
            divisionCode: '640104',
            parentId: city.id,
          },
        },
        { token: adminToken },
      );
      expect(parent.errors).toBeUndefined();
      const parentId = parent.data!.createBureau.bureau.id;
      const child = await app.gql<{ createBureau: { bureau: BureauNode } }>(
        'CreateBureau',
        {
          input: {
            code: 'REPLICA_C',
            name: '副本测试所',
            kind: 'COUNTY',
            divisionCode: '640105',
            parentId,
          },
        },
        { token: adminToken },
      );
      // The mutation's payload resolves parent through a loader: on the primary, so it is there.
      expect(child.errors).toBeUndefined();
      expect(child.data!.createBureau.bureau.parent).toEqual({ id: parentId });
      expect(await app.query(`SELECT code FROM bureaus WHERE id = $1`, [parentId])).toEqual([
        { code: 'REPLICA_P' },
      ]);
      expect(
        await readQuery(app.dataSource, `SELECT code FROM bureaus WHERE id = $1`, [parentId]),
      ).toEqual([]);

      // A query's loader reads the paused standby: the new parent is not there yet.
      const stale = await app.gql<{ bureaus: BureauNode[] }>('Bureaus', {}, { token: adminToken });
      expect(stale.errors).toBeUndefined();
      const staleChild = stale.data!.bureaus.find((bureau) => bureau.code === 'REPLICA_C');
      expect(staleChild).toMatchObject({ parent: null });

      await replay(false);
      await standby.caughtUp();
      const fresh = await app.gql<{ bureaus: BureauNode[] }>('Bureaus', {}, { token: adminToken });
      const freshChild = fresh.data!.bureaus.find((bureau) => bureau.code === 'REPLICA_C');
      expect(freshChild).toMatchObject({ parent: { id: parentId } });
    } finally {
      await replay(false);
    }
  });

  it('serves a progress report from the standby', async () => {
    const bureau = await createBureau(app);
    const [first, second] = [
      await createOfficer(app, bureau.id, ['INSPECTOR']),
      await createOfficer(app, bureau.id, ['INSPECTOR']),
    ];
    const sweep = await createSweep(app, {
      leadBureauId: bureau.id,
      categoryCodes: ['CAMPUS_FOOD'],
    });
    const premises = await createPremises(app, { bureauId: bureau.id, kind: 'CAMPUS_SHOP' });
    const inspections = async (): Promise<number> => {
      const result = await app.gql(
        'query ($sweepId: ID!) { sweepProgress(sweepId: $sweepId) { totals { inspections } } }',
        { sweepId: sweep.id },
        { token: adminToken },
      );
      expect(result.errors).toBeUndefined();
      return result.data!.sweepProgress.totals.inspections as number;
    };
    await standby.caughtUp();
    await replay(true);
    try {
      await createInspection(app, {
        sweepId: sweep.id,
        categoryId: sweep.categoryIds.get('CAMPUS_FOOD')!,
        premisesId: premises.id,
        officerIds: [first.id, second.id],
      });
      // Written on the primary, not yet replayed: the report, read on the standby, does not count it.
      expect(await inspections()).toBe(0);
      await replay(false);
      await standby.caughtUp();
      expect(await inspections()).toBe(1);
    } finally {
      await replay(false);
    }
  });

  it('reads reference data from the standby', async () => {
    const codes = async (): Promise<string[]> => {
      const result = await app.gql<{ violationTypes: { code: string }[] }>(
        '{ violationTypes { code } }',
        {},
        { token: adminToken },
      );
      expect(result.errors).toBeUndefined();
      return result.data!.violationTypes.map((type) => type.code);
    };
    await replay(true);
    try {
      await app.query(
        `INSERT INTO violation_types (code, name, default_severity, legal_basis)
         VALUES ('REPLICA_TEST', '副本测试', 'MINOR', '无')`,
      );
      expect(await codes()).not.toContain('REPLICA_TEST');
      await replay(false);
      await standby.caughtUp();
      expect(await codes()).toContain('REPLICA_TEST');
    } finally {
      await replay(false);
    }
  });
});
