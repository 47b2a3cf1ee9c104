import { randomUUID } from 'node:crypto';
import {
  ExposedProductListener,
  LISTENER_APPLICATION_NAME,
} from '../../src/alerts/exposed-product-listener.service';
import { OFFICER_LISTENER_APPLICATION_NAME } from '../../src/officers/officer-cache';
import {
  createFieldWorld,
  FieldWorld,
  inspectionInput,
  logInspection,
} from '../helpers/field-world';
import { pgbouncerBinary, startPgBouncer, type PgBouncer } from '../helpers/pgbouncer';
import { SubscriptionClient, waitUntil } from '../helpers/subscriptions';
import { startTestApp, TestApp } from '../helpers/test-app';
import { adminQuery, adminUrl, createTestDatabase, dropTestDatabase } from '../setup/database';

/**
 * Two instances behind a real PgBouncer in transaction mode (DATABASE_URL on the pooler) with
 * DATABASE_DIRECT_URL beside it, as docs/scaling.md tells operators to deploy: requests, writes
 * and the alerts that cross instances must all work. PgBouncer gets fewer server connections
 * (POOLER_SIZE) than the two instances' pools together, so transactions really share them.
 * Skipped, with the reason, where pgbouncer is not installed (.ci/run installs it and fails on a
 * skipped suite).
 */
const POOLER_SIZE = 4;
const CONCURRENT_WRITES = 24;

const EXPOSED_PRODUCT_FOUND = `
  subscription ExposedProductFound {
    exposedProductFound { finding { id description } inspection { id } premises { id } }
  }`;

const binary = pgbouncerBinary();
if (!binary)
  console.warn(
    'pgbouncer.e2e-spec skipped: pgbouncer is not installed (apt-get install pgbouncer)',
  );

(binary ? describe : describe.skip)('behind PgBouncer in transaction mode', () => {
  let bouncer: PgBouncer;
  let directUrl: string;
  let database: string;
  let first: TestApp;
  let second: TestApp;
  let world: FieldWorld;
  const clients: SubscriptionClient[] = [];

  beforeAll(async () => {
    bouncer = await startPgBouncer(adminUrl(), { poolSize: POOLER_SIZE });
    directUrl = await createTestDatabase('st_pgbouncer');
    database = new URL(directUrl).pathname.slice(1);
    const pooled = bouncer.url(database);
    // One after the other, as two instances of a deployment start.
    first = await startTestApp({ DATABASE_DIRECT_URL: directUrl }, { databaseUrl: pooled });
    second = await startTestApp({ DATABASE_DIRECT_URL: directUrl }, { databaseUrl: pooled });
    world = await createFieldWorld(first);
  });

  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.dispose()));
  });

  afterAll(async () => {
    await first?.close();
    await second?.close();
    await bouncer?.stop();
    if (directUrl) await dropTestDatabase(directUrl);
  });

  it('sends the pools through PgBouncer and each LISTEN on a direct session', async () => {
    const pooledClients = await bouncer.show<{ database: string; application_name: string }>(
      'SHOW CLIENTS',
    );
    const names = pooledClients
      .filter((client) => client.database === database)
      .map((client) => client.application_name);
    expect(names).toContain('sweep-tracker');
    expect(names).not.toContain(LISTENER_APPLICATION_NAME);
    expect(names).not.toContain(OFFICER_LISTENER_APPLICATION_NAME);
    // One listening session per instance, on the server itself.
    const listeners = await adminQuery<{ query: string }>(
      `SELECT query FROM pg_stat_activity
       WHERE datname = '${database}' AND application_name = '${LISTENER_APPLICATION_NAME}'`,
    );
    expect(listeners).toEqual([
      { query: 'LISTEN exposed_product_found' },
      { query: 'LISTEN exposed_product_found' },
    ]);
    // The officer cache's listener too: a lost LISTEN would keep a deactivated officer 30 s.
    const officerListeners = await adminQuery<{ count: number }>(
      `SELECT count(*)::int AS count FROM pg_stat_activity
       WHERE datname = '${database}' AND application_name = '${OFFICER_LISTENER_APPLICATION_NAME}'`,
    );
    expect(officerListeners).toEqual([{ count: 2 }]);
  });

  it('runs contract operations end to end on either instance', async () => {
    const logged = await logInspection(first, world);
    const findingId = logged.findings[0].id;

    const open = await second.gql<{ findings: { edges: { node: { id: string } }[] } }>(
      'MyBureauOpenFindings',
      { first: 100 },
      { token: world.supervisorA.token },
    );
    expect(open.errors).toBeUndefined();
    expect(open.data!.findings.edges.map((edge) => edge.node.id)).toContain(findingId);

    const search = await first.gql<{ premises: { nodes: { id: string }[] } }>(
      'SearchPremises',
      { filter: { search: '解放街' }, first: 10 },
      { token: world.inspectorA.token },
    );
    expect(search.errors).toBeUndefined();
    expect(JSON.stringify(search.data)).toContain(world.shopA.id);

    // A rectification order sent to both instances with one idempotency key runs once.
    const input = {
      idempotencyKey: randomUUID(),
      findingId,
      expectedVersion: 1,
      deadline: '2019-04-05',
      documentNumber: '宁市监责改〔2019〕9号',
    };
    const orders = await Promise.all(
      [first, second].map((app) =>
        app.gql<{ orderRectification: { replayed: boolean; finding: { version: number } } }>(
          'OrderRectification',
          { input },
          { token: world.inspectorA.token },
        ),
      ),
    );
    expect(orders.map((order) => order.errors)).toEqual([undefined, undefined]);
    expect(orders.map((order) => order.data!.orderRectification.replayed).sort()).toEqual([
      false,
      true,
    ]);
    expect(orders.map((order) => order.data!.orderRectification.finding.version)).toEqual([2, 2]);

    // The progress figures run in one REPEATABLE READ read-only transaction: fine in this mode.
    const progress = await second.gql<{
      sweepProgress: { totals: { inspections: number; rectificationOrders: number } };
    }>('SweepProgress', { sweepId: world.sweep.id }, { token: world.manager.token });
    expect(progress.errors).toBeUndefined();
    expect(progress.data!.sweepProgress.totals).toMatchObject({
      inspections: 1,
      rectificationOrders: 1,
    });
  });

  it(`logs ${CONCURRENT_WRITES} inspections sent at once, more than every pool has connections`, async () => {
    const before = await first.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM inspections WHERE sweep_id = $1`,
      [world.sweep.id],
    );
    const results = await Promise.all(
      Array.from({ length: CONCURRENT_WRITES }, (_, index) =>
        (index % 2 === 0 ? first : second).gql(
          'LogInspection',
          { input: inspectionInput(world) },
          { token: world.inspectorA.token },
        ),
      ),
    );
    // A deadlock between the pools and PgBouncer's shared server connections would end the
    // waiting requests SERVICE_UNAVAILABLE at the pool's connection timeout.
    expect(results.map((result) => result.errors?.[0]?.extensions?.code ?? 'OK')).toEqual(
      Array.from({ length: CONCURRENT_WRITES }, () => 'OK'),
    );
    const after = await second.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM inspections WHERE sweep_id = $1`,
      [world.sweep.id],
    );
    expect(after[0].count - before[0].count).toBe(CONCURRENT_WRITES);
  });

  it('delivers an alert raised on one instance to a subscriber on the other', async () => {
    const subscribers = (app: TestApp): number =>
      app.app.get(ExposedProductListener).events.subscriberCount;
    const subscribe = async (app: TestApp, token: string): Promise<SubscriptionClient> => {
      const before = subscribers(app);
      const client = new SubscriptionClient(app, { authorization: `Bearer ${token}` });
      clients.push(client);
      client.subscribe(EXPOSED_PRODUCT_FOUND);
      await waitUntil(() => subscribers(app) > before);
      return client;
    };
    const onSecond = await subscribe(second, world.manager.token);
    const onFirst = await subscribe(first, world.manager.token);

    const logged = await logInspection(first, world, {
      findings: [
        {
          violationTypeCode: 'EXPOSED_PRODUCT_ON_SALE',
          description: '经PgBouncer记录的被曝光产品',
          exposedProductId: world.exposedProductId,
        },
      ],
    });

    for (const client of [onSecond, onFirst]) {
      const item = await client.next();
      expect(item).toMatchObject({
        kind: 'next',
        result: {
          data: {
            exposedProductFound: {
              finding: { id: logged.findings[0].id, description: '经PgBouncer记录的被曝光产品' },
              inspection: { id: logged.id },
              premises: { id: world.shopA.id },
            },
          },
        },
      });
    }
  });
});
