import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import {
  createFinding,
  createInspection,
  createPremises,
  createSweep,
} from '../factories/field-work';
import { cityBureau, createBureau, createOfficer, OfficerRecord } from '../factories/people';
import { TcpProxy } from '../helpers/tcp-proxy';
import { GraphQLResponse, startTestApp, TestApp } from '../helpers/test-app';
import { adminUrl, createTestDatabase } from '../setup/database';

const FINDINGS = 300;
/** The pool's acquisition timeout is 2 s; nothing a client sees may take much longer. */
const QUICK_MS = 4000;

interface Outcome {
  operation: 'OrderRectification' | 'Me';
  findingId?: string;
  key?: string;
  ms: number;
  status: number;
  data: boolean;
  codes: string[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('a database outage', () => {
  let directUrl: string;
  let proxy: TcpProxy;
  let app: TestApp;
  let inspector: OfficerRecord;
  let findingIds: string[];
  const outcomes: Outcome[] = [];

  /** Reads the database directly, not through the proxy the app uses. */
  async function direct<T>(sql: string, parameters: unknown[] = []): Promise<T[]> {
    const client = new Client({ connectionString: directUrl });
    await client.connect();
    try {
      return (await client.query(sql, parameters)).rows as T[];
    } finally {
      await client.end();
    }
  }

  async function send(
    operation: Outcome['operation'],
    variables: Record<string, unknown>,
    extra: Partial<Outcome> = {},
  ): Promise<Outcome> {
    const started = Date.now();
    const response = await app.post(
      '/graphql',
      { query: operation === 'Me' ? '{ me { id } }' : ORDER, variables },
      { token: inspector.token },
    );
    const body = (await response.json()) as GraphQLResponse;
    const outcome: Outcome = {
      operation,
      ms: Date.now() - started,
      status: response.status,
      data: Boolean(body.data) && !body.errors,
      codes: (body.errors ?? []).map((error) => String(error.extensions?.code)),
      ...extra,
    };
    outcomes.push(outcome);
    return outcome;
  }

  const ORDER = `mutation OrderRectification($input: OrderRectificationInput!) {
    orderRectification(input: $input) { replayed finding { id status version } }
  }`;

  function order(findingId: string, key: string): Promise<Outcome> {
    return send(
      'OrderRectification',
      { input: { idempotencyKey: key, findingId, expectedVersion: 1, deadline: '2019-04-05' } },
      { findingId, key },
    );
  }

  beforeAll(async () => {
    directUrl = await createTestDatabase();
    const server = new URL(adminUrl());
    proxy = await TcpProxy.start(server.hostname, Number(server.port || 5432));
    app = await startTestApp(
      { DATABASE_POOL_MAX: '4' },
      { databaseUrl: proxy.urlFor(directUrl), ownsDatabase: true },
    );
    const bureau = await createBureau(app);
    inspector = await createOfficer(app, bureau.id, ['INSPECTOR']);
    const colleague = await createOfficer(app, bureau.id, ['INSPECTOR']);
    const sweep = await createSweep(app, { leadBureauId: (await cityBureau(app)).id });
    const premises = await createPremises(app, { bureauId: bureau.id });
    findingIds = [];
    for (let index = 0; index < FINDINGS; index += 1) {
      const inspection = await createInspection(app, {
        sweepId: sweep.id,
        categoryId: sweep.categoryIds.get('SEASONED_FLOUR_PRODUCTS')!,
        premisesId: premises.id,
        officerIds: [inspector.id, colleague.id],
      });
      findingIds.push((await createFinding(app, { inspectionId: inspection.id })).id);
    }
  });
  afterAll(async () => {
    proxy?.restore();
    await app?.close();
    await proxy?.close();
  });

  it('fails requests quickly with SERVICE_UNAVAILABLE, turns not ready, and serves again once the database is back', async () => {
    const keys = new Map(findingIds.map((id) => [id, randomUUID()]));
    const queue = [...findingIds];
    let loading = true;
    // Paced so the load spans the whole outage: each writer sends about ten orders a second.
    const writer = async () => {
      for (let id = queue.shift(); id && loading; id = queue.shift()) {
        await order(id, keys.get(id)!);
        await sleep(100);
      }
    };
    const reader = async () => {
      while (loading) {
        await send('Me', {});
        await sleep(50);
      }
    };
    const load = Promise.all([writer(), writer(), writer(), reader()]);

    await sleep(800);
    proxy.cut('reset');
    await sleep(1500);
    const readyDuringReset = await app.get('/health/ready');
    proxy.cut('blackhole');
    await sleep(1000);
    const readyStarted = Date.now();
    const readyDuringBlackhole = await app.get('/health/ready');
    const readyMs = Date.now() - readyStarted;
    await sleep(2500);
    proxy.restore();
    const restoredAt = Date.now();
    let servedAgain = false;
    while (!servedAgain && Date.now() - restoredAt < 15000) {
      servedAgain = (await send('Me', {})).data;
      if (!servedAgain) await sleep(200);
    }
    await sleep(1000);
    loading = false;
    await load;

    expect(readyDuringReset.status).toBe(503);
    expect(readyDuringBlackhole.status).toBe(503);
    expect(readyMs).toBeLessThan(QUICK_MS);
    expect(servedAgain).toBe(true);
    expect((await app.get('/health/ready')).status).toBe(200);

    const failed = outcomes.filter((outcome) => !outcome.data);
    const unexpected = failed.filter(
      (outcome) => outcome.codes.length !== 1 || outcome.codes[0] !== 'SERVICE_UNAVAILABLE',
    );
    expect(unexpected).toEqual([]);
    expect(
      failed.filter((outcome) => outcome.operation === 'OrderRectification').length,
    ).toBeGreaterThan(0);
    expect(failed.filter((outcome) => outcome.operation === 'Me').length).toBeGreaterThan(0);
    expect(outcomes.filter((outcome) => outcome.ms > QUICK_MS)).toEqual([]);
    const acknowledged = outcomes.filter(
      (outcome) => outcome.operation === 'OrderRectification' && outcome.data,
    );
    expect(acknowledged.length).toBeGreaterThan(0);

    // Every acknowledged write is in the database.
    const rows = await direct<{ id: string; status: string; version: number; follow_ups: number }>(
      `SELECT f.id, f.status, f.version, (SELECT count(*)::int FROM follow_ups u WHERE u.finding_id = f.id) AS follow_ups
       FROM findings f WHERE f.id = ANY($1::uuid[])`,
      [findingIds],
    );
    const byId = new Map(rows.map((row) => [row.id, row]));
    for (const outcome of acknowledged) {
      expect(byId.get(outcome.findingId!)).toMatchObject({ status: 'RECTIFYING', follow_ups: 1 });
    }
    await expectNothingHalfDone(keys);

    // A client retrying what failed, with the same key, gets exactly one effect.
    const failedWrites = failed.filter((outcome) => outcome.operation === 'OrderRectification');
    for (const outcome of failedWrites) {
      const retried = await order(outcome.findingId!, outcome.key!);
      expect(retried).toMatchObject({ data: true });
    }
    const requested = [
      ...new Set(outcomes.flatMap((outcome) => (outcome.findingId ? [outcome.findingId] : []))),
    ];
    const after = await direct<{ status: string; follow_ups: number }>(
      `SELECT f.status, (SELECT count(*)::int FROM follow_ups u WHERE u.finding_id = f.id) AS follow_ups
       FROM findings f WHERE f.id = ANY($1::uuid[])`,
      [requested],
    );
    expect(after).toHaveLength(requested.length);
    expect(after.filter((row) => row.status !== 'RECTIFYING' || row.follow_ups !== 1)).toEqual([]);
    await expectNothingHalfDone(keys);
  });

  /**
   * No write is half-done: each finding's version is 1 + its follow-ups, each follow-up has its
   * audit event, and an idempotency record exists (with the stored result) exactly when the
   * follow-up does.
   */
  async function expectNothingHalfDone(keys: Map<string, string>): Promise<void> {
    const rows = await direct<{
      id: string;
      version: number;
      follow_ups: number;
      audits: number;
      records: number;
      results: number;
    }>(
      `SELECT f.id, f.version,
         (SELECT count(*)::int FROM follow_ups u WHERE u.finding_id = f.id) AS follow_ups,
         (SELECT count(*)::int FROM audit_events a WHERE a.entity_type = 'Finding' AND a.entity_id = f.id) AS audits,
         (SELECT count(*)::int FROM idempotency_records r WHERE r.officer_id = $2 AND r.key = ($3::jsonb ->> f.id::text)::uuid) AS records,
         (SELECT count(*)::int FROM idempotency_records r WHERE r.officer_id = $2 AND r.key = ($3::jsonb ->> f.id::text)::uuid
            AND r.result ->> 'findingId' = f.id::text) AS results
       FROM findings f WHERE f.id = ANY($1::uuid[])`,
      [findingIds, inspector.id, JSON.stringify(Object.fromEntries(keys))],
    );
    const broken = rows.filter(
      (row) =>
        row.version !== 1 + row.follow_ups ||
        row.audits !== row.follow_ups ||
        row.records !== row.follow_ups ||
        row.results !== row.follow_ups,
    );
    expect(broken).toEqual([]);
    expect(rows).toHaveLength(FINDINGS);
  }
});

describe('database timeouts and pool size', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({
      DATABASE_POOL_MAX: '3',
      DATABASE_STATEMENT_TIMEOUT_MS: '300',
      DATABASE_CONNECT_TIMEOUT_MS: '1500',
    });
  });
  afterAll(() => app.close());

  it('cancels a statement that runs longer than DATABASE_STATEMENT_TIMEOUT_MS', async () => {
    const [setting] = await app.query<{ statement_timeout: string }>('SHOW statement_timeout');
    expect(setting.statement_timeout).toBe('300ms');
    await expect(app.query('SELECT pg_sleep(2)')).rejects.toMatchObject({
      driverError: { code: '57014' },
    });
  });

  it('sizes the pool and its acquisition timeout from the configuration', () => {
    const pool = (
      app.dataSource.driver as unknown as {
        master: { options: { max: number; connectionTimeoutMillis: number } };
      }
    ).master;
    expect(pool.options).toMatchObject({ max: 3, connectionTimeoutMillis: 1500 });
  });
});
