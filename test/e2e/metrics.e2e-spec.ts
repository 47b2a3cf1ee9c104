import { MetricsServer } from '../../src/metrics/metrics.server';
import { ADMIN_CERTIFICATE, ADMIN_PASSWORD, startTestApp, TestApp } from '../helpers/test-app';

/** The value of one sample line `name{labels} value`, or undefined when it is not exposed. */
function sample(text: string, name: string, labels: Record<string, string>): number | undefined {
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`)) continue;
    const labelText = line.slice(name.length + 1, line.lastIndexOf('}'));
    const found = Object.fromEntries(
      [...labelText.matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((match) => [match[1], match[2]]),
    );
    const matches = Object.entries(labels).every(([key, value]) => found[key] === value);
    if (matches && Object.keys(found).length === Object.keys(labels).length) {
      return Number(line.slice(line.lastIndexOf(' ') + 1));
    }
  }
  return undefined;
}

describe('Prometheus metrics', () => {
  let app: TestApp;
  let metricsUrl: string;

  async function scrape(): Promise<string> {
    const response = await fetch(metricsUrl);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    return response.text();
  }

  beforeAll(async () => {
    app = await startTestApp({ METRICS_PORT: '0' });
    metricsUrl = app.app.get(MetricsServer).url()!;
  });
  afterAll(() => app.close());

  it('listens on its own loopback port, apart from the API', () => {
    expect(metricsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
    expect(new URL(metricsUrl).port).not.toBe(new URL(app.url).port);
  });

  it('counts contract operations by name and outcome, with a latency histogram per operation', async () => {
    const token = await app.login(ADMIN_CERTIFICATE, ADMIN_PASSWORD);
    await app.gql('Me', {}, { token });
    await app.gql('Me', {}, { token });
    const refused = await app.gql('Me');
    expect(refused.errors![0].extensions!.code).toBe('UNAUTHENTICATED');

    const text = await scrape();
    const operations = 'sweep_tracker_graphql_operations_total';
    expect(sample(text, operations, { operation: 'Login', type: 'mutation', outcome: 'ok' })).toBe(
      1,
    );
    expect(sample(text, operations, { operation: 'Me', type: 'query', outcome: 'ok' })).toBe(2);
    expect(
      sample(text, operations, { operation: 'Me', type: 'query', outcome: 'UNAUTHENTICATED' }),
    ).toBe(1);
    const duration = 'sweep_tracker_graphql_operation_duration_seconds';
    expect(sample(text, `${duration}_count`, { operation: 'Me', type: 'query' })).toBe(3);
    expect(sample(text, `${duration}_bucket`, { operation: 'Me', type: 'query', le: '+Inf' })).toBe(
      3,
    );
    expect(sample(text, `${duration}_sum`, { operation: 'Me', type: 'query' })).toBeGreaterThan(0);
  });

  it('labels documents that do not parse or validate as unresolved, with the code the client saw', async () => {
    const name = 'sweep_tracker_graphql_operations_total';
    const parse = { operation: 'unresolved', type: 'unknown', outcome: 'GRAPHQL_PARSE_FAILED' };
    const validation = { ...parse, outcome: 'GRAPHQL_VALIDATION_FAILED' };
    const before = await scrape();
    const broken = await app.gql('query Broken { me {');
    const unknownField = await app.gql('query Unknown { noSuchField }');
    expect(broken.errors![0].extensions!.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(unknownField.errors![0].extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const after = await scrape();
    expect(sample(after, name, parse)).toBe((sample(before, name, parse) ?? 0) + 1);
    expect(sample(after, name, validation)).toBe((sample(before, name, validation) ?? 0) + 1);
  });

  it('counts HTTP requests by route and status, without a label per unknown path', async () => {
    await app.get('/health/live');
    await app.get('/no/such/path/one');
    await app.get('/no/such/path/two');
    const text = await scrape();
    const name = 'sweep_tracker_http_requests_total';
    expect(sample(text, name, { method: 'GET', route: '/health/live', status: '200' })).toBe(1);
    expect(sample(text, name, { method: 'GET', route: 'other', status: '404' })).toBe(2);
    expect(
      sample(text, name, { method: 'POST', route: '/graphql', status: '200' }),
    ).toBeGreaterThan(0);
    expect(text).not.toContain('/no/such/path');
  });

  it('reports the database pool and the event-loop lag', async () => {
    const text = await scrape();
    const inUse = sample(text, 'sweep_tracker_db_pool_in_use_connections', { pool: 'primary' });
    const idle = sample(text, 'sweep_tracker_db_pool_idle_connections', { pool: 'primary' });
    expect(inUse).toBeGreaterThanOrEqual(0);
    expect(idle).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'sweep_tracker_db_pool_waiting_requests', { pool: 'primary' })).toBe(0);
    expect(sample(text, 'sweep_tracker_db_pool_max_connections', { pool: 'primary' })).toBe(10);
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds \d/m);
    expect(text).toMatch(/^nodejs_eventloop_lag_p99_seconds \d/m);
  });

  it('serves nothing but /metrics on the metrics port', async () => {
    expect((await fetch(metricsUrl.replace('/metrics', '/graphql'))).status).toBe(404);
  });

  it('does not serve the metrics on the main port', async () => {
    const response = await app.get('/metrics');
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('sweep_tracker_');
  });
});

describe('Prometheus metrics without METRICS_PORT', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ METRICS_PORT: undefined });
  });
  afterAll(() => app.close());

  it('opens no metrics listener at all', async () => {
    expect(app.app.get(MetricsServer).url()).toBeUndefined();
    expect((await app.get('/metrics')).status).toBe(404);
  });
});
