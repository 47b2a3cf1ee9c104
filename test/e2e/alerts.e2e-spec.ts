import { randomUUID } from 'node:crypto';
import { notifyExposedProductsFound } from '../../src/alerts/exposed-product-events';
import {
  ExposedProductListener,
  LISTENER_APPLICATION_NAME,
} from '../../src/alerts/exposed-product-listener.service';
import { createOfficer } from '../factories/people';
import {
  createFieldWorld,
  FieldWorld,
  inspectionInput,
  logInspection,
  writtenRows,
} from '../helpers/field-world';
import { Received, SubscriptionClient, waitUntil } from '../helpers/subscriptions';
import { startTestApp, TestApp } from '../helpers/test-app';

const EXPOSED_PRODUCT_FOUND = `
  subscription ExposedProductFound {
    exposedProductFound {
      at
      finding { id severity description inspection { id } }
      inspection { id inspectedAt }
      exposedProduct { id productName brand }
      exposure { id title source }
      premises { id name }
      bureau { id name }
    }
  }`;

interface Alert {
  at: string;
  finding: { id: string; severity: string; description: string; inspection: { id: string } };
  inspection: { id: string; inspectedAt: string };
  exposedProduct: { id: string; productName: string; brand: string | null };
  exposure: { id: string; title: string; source: string };
  premises: { id: string; name: string };
  bureau: { id: string; name: string };
}

function alertOf(item: Received): Alert {
  if (item.kind !== 'next' || item.result.errors) {
    throw new Error(`expected an alert, got ${JSON.stringify(item)}`);
  }
  return item.result.data!.exposedProductFound as Alert;
}

/** The codes of the errors a subscription received (as a result or as a stream error). */
function errorCodes(item: Received): unknown[] {
  if (item.kind === 'next') return (item.result.errors ?? []).map((e) => e.extensions?.code);
  if (item.kind === 'error' && Array.isArray(item.error)) {
    return (item.error as { extensions?: { code?: unknown } }[]).map((e) => e.extensions?.code);
  }
  throw new Error(`expected an error, got ${JSON.stringify(item)}`);
}

/** The messages of the errors a subscription received (as a result or as a stream error). */
function errorMessages(item: Received): unknown[] {
  if (item.kind === 'next') return (item.result.errors ?? []).map((e) => e.message);
  if (item.kind === 'error' && Array.isArray(item.error)) {
    return (item.error as { message?: unknown }[]).map((e) => e.message);
  }
  throw new Error(`expected an error, got ${JSON.stringify(item)}`);
}

function exposedFinding(world: FieldWorld, description = '货架上有被曝光品牌辣条') {
  return {
    violationTypeCode: 'EXPOSED_PRODUCT_ON_SALE',
    description,
    exposedProductId: world.exposedProductId,
  };
}

describe('exposed-product alerts (发现被曝光产品预警)', () => {
  let app: TestApp;
  let world: FieldWorld;
  const clients: SubscriptionClient[] = [];

  beforeAll(async () => {
    app = await startTestApp();
    world = await createFieldWorld(app);
  });

  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.dispose()));
    await waitUntil(() => subscribers(app) === 0);
  });

  afterAll(async () => {
    await app?.close();
  });

  function subscribers(on: TestApp): number {
    return on.app.get(ExposedProductListener).events.subscriberCount;
  }

  /** A subscriber on `on` that the server has registered, so nothing published later is missed. */
  async function subscribed(
    on: TestApp,
    token: string,
    params: Record<string, unknown> = {},
  ): Promise<SubscriptionClient> {
    const before = subscribers(on);
    const client = new SubscriptionClient(on, { authorization: `Bearer ${token}`, ...params });
    clients.push(client);
    client.subscribe(EXPOSED_PRODUCT_FOUND);
    await waitUntil(() => subscribers(on) > before);
    return client;
  }

  it('pushes an alert to a subscribed manager when an inspector logs a finding with an exposed product', async () => {
    const client = await subscribed(app, world.manager.token);
    const inspection = await logInspection(app, world, {
      findings: [
        { violationTypeCode: 'THREE_NO_PRODUCTS', description: '无标签辣条' },
        exposedFinding(world),
      ],
    });
    const [{ id: exposedFindingId }] = await app.query<{ id: string }>(
      `SELECT id FROM findings WHERE inspection_id = $1 AND exposed_product_id IS NOT NULL`,
      [inspection.id],
    );

    const alert = alertOf(await client.next());
    const [exposure] = await app.query<{ id: string; title: string }>(
      `SELECT e.id, e.title FROM exposures e JOIN exposed_products p ON p.exposure_id = e.id WHERE p.id = $1`,
      [world.exposedProductId],
    );
    const [finding] = await app.query<{ created_at: Date }>(
      `SELECT created_at FROM findings WHERE id = $1`,
      [exposedFindingId],
    );
    expect(alert).toEqual({
      at: finding.created_at.toISOString(),
      finding: {
        id: exposedFindingId,
        severity: 'CRITICAL',
        description: '货架上有被曝光品牌辣条',
        inspection: { id: inspection.id },
      },
      inspection: { id: inspection.id, inspectedAt: '2019-03-20T02:00:00.000Z' },
      exposedProduct: { id: world.exposedProductId, productName: '辣条', brand: '某某牌' },
      exposure: { id: exposure.id, title: exposure.title, source: 'CCTV_315_GALA' },
      premises: { id: world.shopA.id, name: '解放街食品店' },
      bureau: { id: world.bureauA.id, name: '兴庆区分局' },
    });
    // The finding without an exposed product raised nothing.
    await expect(client.next(500)).rejects.toThrow('nothing received');
  });

  it('delivers to a subscriber on one instance the finding logged on another instance', async () => {
    const other = await startTestApp({}, { databaseUrl: app.databaseUrl });
    try {
      const client = await subscribed(app, world.manager.token);
      const onOther = await subscribed(other, await app.adminToken());
      const result = await other.gql(
        'LogInspection',
        { input: inspectionInput(world, { findings: [exposedFinding(world, '另一实例记录')] }) },
        { token: world.inspectorA.token },
      );
      const loggedId = (result.data?.logInspection as { inspection: { id: string } }).inspection.id;

      const onA = alertOf(await client.next());
      expect(onA.inspection.id).toBe(loggedId);
      expect(onA.finding.description).toBe('另一实例记录');
      expect(alertOf(await onOther.next()).finding.id).toBe(onA.finding.id);
    } finally {
      await other.close();
    }
  });

  it('sends nothing for findings without an exposed product', async () => {
    const client = await subscribed(app, world.manager.token);
    await logInspection(app, world);
    const plain = await logInspection(app, world, {
      outcome: 'ISSUES_FOUND',
      findings: [{ violationTypeCode: 'EXPIRED_FOOD', description: '过期食品' }],
    });
    expect(plain.findings).toHaveLength(1);

    await expect(client.next(1000)).rejects.toThrow('nothing received');
  });

  it('sends nothing for a refused logInspection, and only the next committed finding alerts', async () => {
    const client = await subscribed(app, world.manager.token);
    const before = await writtenRows(app);
    const refused = await app.gql(
      'LogInspection',
      {
        input: inspectionInput(world, {
          officerIds: [world.inspectorA.id],
          findings: [exposedFinding(world, '被拒绝的记录')],
        }),
      },
      { token: world.inspectorA.token },
    );
    expect(refused.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(await writtenRows(app)).toEqual(before);

    const committed = await logInspection(app, world, {
      findings: [exposedFinding(world, '之后提交的记录')],
    });
    const alert = alertOf(await client.next());
    expect(alert.inspection.id).toBe(committed.id);
    expect(alert.finding.description).toBe('之后提交的记录');
  });

  it('publishes inside the caller’s transaction, so a rolled-back write alerts nobody', async () => {
    const client = await subscribed(app, world.manager.token);
    await expect(
      app.dataSource.transaction(async (manager) => {
        await notifyExposedProductsFound(manager, [
          { findingId: randomUUID(), bureauId: world.bureauA.id },
        ]);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    const committed = await logInspection(app, world, {
      findings: [exposedFinding(world, '回滚之后')],
    });

    const alert = alertOf(await client.next());
    expect(alert.inspection.id).toBe(committed.id);
    await expect(client.next(300)).rejects.toThrow('nothing received');
  });

  it('alerts when addFinding adds a finding with an exposed product', async () => {
    const inspection = await logInspection(app, world, { outcome: 'COMPLIANT', findings: [] });
    const client = await subscribed(app, world.manager.token);
    const result = await app.gql(
      'AddFinding',
      {
        input: {
          idempotencyKey: randomUUID(),
          inspectionId: inspection.id,
          finding: exposedFinding(world, '复查时发现'),
        },
      },
      { token: world.inspectorA.token },
    );
    const added = (result.data?.addFinding as { finding: { id: string } }).finding;

    const alert = alertOf(await client.next());
    expect(alert.finding).toMatchObject({ id: added.id, inspection: { id: inspection.id } });
    expect(alert.inspection.id).toBe(inspection.id);
  });

  it('does not alert again when a logInspection is replayed with the same idempotency key', async () => {
    const client = await subscribed(app, world.manager.token);
    const input = inspectionInput(world, { findings: [exposedFinding(world, '重发')] });
    const first = await app.gql('LogInspection', { input }, { token: world.inspectorA.token });
    const replay = await app.gql('LogInspection', { input }, { token: world.inspectorA.token });
    expect(replay.data?.logInspection).toMatchObject({ replayed: true });

    expect(alertOf(await client.next()).inspection.id).toBe(
      (first.data?.logInspection as { inspection: { id: string } }).inspection.id,
    );
    await expect(client.next(500)).rejects.toThrow('nothing received');
  });

  it('refuses a connection without a token, or with a bad one, with close code 4401', async () => {
    const anonymous = new SubscriptionClient(app, {});
    const forged = new SubscriptionClient(app, { Authorization: 'Bearer not-a-token' });
    clients.push(anonymous, forged);

    expect((await anonymous.closed).code).toBe(4401);
    expect(await forged.closed).toEqual({
      code: 4401,
      reason: 'The access token is invalid or has expired; log in again',
    });
  });

  it('accepts the token under `Authorization` as well', async () => {
    const before = subscribers(app);
    const client = new SubscriptionClient(app, {
      Authorization: `Bearer ${world.manager.token}`,
    });
    clients.push(client);
    client.subscribe(EXPOSED_PRODUCT_FOUND);
    await waitUntil(() => subscribers(app) > before);
  });

  it('answers an inspector’s or supervisor’s subscription with FORBIDDEN', async () => {
    for (const token of [world.inspectorA.token, world.supervisorA.token]) {
      const client = new SubscriptionClient(app, { authorization: `Bearer ${token}` });
      clients.push(client);
      client.subscribe(EXPOSED_PRODUCT_FOUND);
      expect(errorCodes(await client.next())).toEqual(['FORBIDDEN']);
    }
  });

  it('writes FORBIDDEN in the connection’s language: Chinese by default, English when asked', async () => {
    const messages: unknown[] = [];
    for (const params of [{}, { language: 'en' }]) {
      const client = new SubscriptionClient(app, {
        authorization: `Bearer ${world.inspectorA.token}`,
        ...params,
      });
      clients.push(client);
      client.subscribe(EXPOSED_PRODUCT_FOUND);
      const item = await client.next();
      expect(errorCodes(item)).toEqual(['FORBIDDEN']);
      messages.push(errorMessages(item)[0]);
    }
    expect(messages).toEqual([
      '您的角色无权执行此操作',
      'This needs one of the roles MANAGER, ADMIN',
    ]);
  });

  it('ends with FORBIDDEN, in the connection’s language, the subscription of a manager who lost the role', async () => {
    const messages: unknown[] = [];
    for (const params of [{}, { language: 'en' }]) {
      const manager = await createOfficer(app, world.city.id, ['MANAGER']);
      const client = await subscribed(app, manager.token, params);
      await app.query(`UPDATE officers SET roles = '{INSPECTOR}' WHERE id = $1`, [manager.id]);
      await logInspection(app, world, { findings: [exposedFinding(world, '失去角色之后')] });
      const item = await client.next(10_000);
      expect(errorCodes(item)).toEqual(['FORBIDDEN']);
      messages.push(errorMessages(item)[0]);
    }
    expect(messages).toEqual([
      '您的角色无权执行此操作',
      'This needs one of the roles MANAGER, ADMIN',
    ]);
  });

  it('ends the subscription of a manager deactivated since subscribing, with UNAUTHENTICATED', async () => {
    const manager = await createOfficer(app, world.city.id, ['MANAGER']);
    const client = await subscribed(app, manager.token);
    await app.query(`UPDATE officers SET active = false WHERE id = $1`, [manager.id]);
    await logInspection(app, world, { findings: [exposedFinding(world, '停用之后')] });

    expect(errorCodes(await client.next())).toEqual(['UNAUTHENTICATED']);
    await waitUntil(() => subscribers(app) === 0);
  });

  it('listens again after its database connection is cut, and alerts resume', async () => {
    const listener = app.app.get(ExposedProductListener);
    const [{ terminated }] = await app.query<{ terminated: number }>(
      `SELECT count(pg_terminate_backend(pid))::int AS terminated FROM pg_stat_activity
       WHERE datname = current_database() AND application_name = $1`,
      [LISTENER_APPLICATION_NAME],
    );
    expect(terminated).toBe(1);
    await waitUntil(() => !listener.listening);
    await waitUntil(() => listener.listening);

    const client = await subscribed(app, world.manager.token);
    const logged = await logInspection(app, world, {
      findings: [exposedFinding(world, '重连之后')],
    });
    expect(alertOf(await client.next()).inspection.id).toBe(logged.id);
  });

  it('refuses a subscription over the GraphQL alias limit, as over HTTP', async () => {
    const client = new SubscriptionClient(app, {
      authorization: `Bearer ${world.manager.token}`,
    });
    clients.push(client);
    const aliases = Array.from({ length: 20 }, (_, index) => `a${index}: at`).join(' ');
    const document = `subscription { exposedProductFound { ${aliases} } }`;
    client.subscribe(document);
    const overHttp = await app.gql(document, {}, { token: world.manager.token });

    const item = await client.next();
    expect(item.kind).toBe('error');
    expect(overHttp.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(errorCodes(item)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(JSON.stringify(item)).toContain('Aliases limit');
  });

  it('answers a malformed subscription document with GRAPHQL_PARSE_FAILED and keeps the connection', async () => {
    const client = new SubscriptionClient(app, {
      authorization: `Bearer ${world.manager.token}`,
    });
    clients.push(client);
    client.subscribe('subscription { exposedProductFound { at ');
    expect(errorCodes(await client.next())).toEqual(['GRAPHQL_PARSE_FAILED']);

    const before = subscribers(app);
    client.subscribe(EXPOSED_PRODUCT_FOUND);
    await waitUntil(() => subscribers(app) > before);
  });

  it('answers a subscription sent by HTTP POST with BAD_REQUEST', async () => {
    const result = await app.gql(EXPOSED_PRODUCT_FOUND, {}, { token: world.manager.token });
    expect(result.errors?.[0]).toMatchObject({
      message: 'Subscribe over WebSocket (graphql-transport-ws) at /graphql',
      extensions: { code: 'BAD_REQUEST' },
    });
  });

  it('closes with 4401 a connection whose officer was deactivated, at its next operation', async () => {
    const manager = await createOfficer(app, world.city.id, ['MANAGER']);
    const client = await subscribed(app, manager.token);
    await app.query(`UPDATE officers SET active = false WHERE id = $1`, [manager.id]);
    client.subscribe(EXPOSED_PRODUCT_FOUND);

    expect(await client.closed).toEqual({
      code: 4401,
      reason: 'The officer is unknown or deactivated',
    });
  });
});
