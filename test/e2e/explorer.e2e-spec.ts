import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { startTestApp, TestApp } from '../helpers/test-app';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

function isLocal(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  if (protocol === 'data:' || protocol === 'blob:' || protocol === 'about:') return true;
  return hostname === '127.0.0.1' || hostname === 'localhost';
}

describe('the GraphQL explorer in development', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('serves a browser the explorer page, whose scripts and styles all come from this server', async () => {
    const response = await app.get('/graphql', { headers: { accept: BROWSER_ACCEPT } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    const html = await response.text();
    expect(html).toContain('<base href="/graphql-explorer/">');
    expect(html).toContain('AltairGraphQL.init(');
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
  });

  it('serves the explorer files from the installed package, and nothing outside it', async () => {
    const script = await app.get('/graphql-explorer/main.js');
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toContain('javascript');
    expect((await app.get('/graphql-explorer/no-such-file.js')).status).toBe(404);
    const escape = await app.get('/graphql-explorer/..%2f..%2fpackage.json');
    expect([403, 404]).toContain(escape.status);
    expect(await escape.text()).not.toContain('"altair-static"');
  });

  it('sandboxes the frame that runs pre-request scripts', async () => {
    const frame = await app.get('/graphql-explorer/iframe-sandbox/index.html');
    expect(frame.status).toBe(200);
    expect(frame.headers.get('content-security-policy')).toBe('sandbox allow-scripts');
  });

  it('still answers a GraphQL query sent with GET and a query parameter', async () => {
    const response = await app.get('/graphql?query=%7B__typename%7D', {
      headers: { accept: BROWSER_ACCEPT, 'apollo-require-preflight': 'true' },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('still answers POST /graphql, and a GET that asks for JSON is not the page', async () => {
    const login = await app.gql('Login', {
      input: { certificateNumber: 'admin', password: 'admin-password-for-tests' },
    });
    expect(login.data!.login.officer.name).toBe('系统管理员');
    const json = await app.get('/graphql', { headers: { accept: 'application/json' } });
    expect(json.headers.get('content-type')).not.toContain('text/html');
  });
});

describe('the GraphQL explorer in production', () => {
  it('is off unless GRAPHQL_EXPLORER=true, with no Apollo landing page either', async () => {
    const app = await startTestApp({ NODE_ENV: 'production' });
    try {
      const page = await app.get('/graphql', { headers: { accept: BROWSER_ACCEPT } });
      expect(page.headers.get('content-type') ?? '').not.toContain('text/html');
      expect(await page.text()).not.toMatch(/<html|AltairGraphQL|apollographql/i);
      expect((await app.get('/graphql-explorer/main.js')).status).toBe(404);
    } finally {
      await app.close();
    }
  });

  it('is served with GRAPHQL_EXPLORER=true', async () => {
    const app = await startTestApp({ NODE_ENV: 'production', GRAPHQL_EXPLORER: 'true' });
    try {
      const page = await app.get('/graphql', { headers: { accept: BROWSER_ACCEPT } });
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('AltairGraphQL.init(');
    } finally {
      await app.close();
    }
  });
});

const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  console.warn(
    `Skipping the explorer browser test: ${CHROMIUM} is missing (apt-get install chromium)`,
  );
}

(hasChromium ? describe : describe.skip)(
  `the GraphQL explorer in a headless browser (skipped where ${CHROMIUM} is missing)`,
  () => {
    let app: TestApp;
    let browser: Browser;

    beforeAll(async () => {
      app = await startTestApp();
      browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    });
    afterAll(async () => {
      await browser?.close();
      await app.close();
    });

    it('runs Me with a bearer token and shows the officer, without one request leaving this machine', async () => {
      const token = await app.adminToken();
      const context = await browser.newContext();
      const requested: string[] = [];
      context.on('request', (request) => requested.push(request.url()));
      const page = await context.newPage();
      await page.goto(`${app.url}/graphql`);
      await page.getByText('Send Request').waitFor();

      await page.getByText('Auth', { exact: true }).click();
      await page.locator('nz-select[formcontrolname="type"]').click();
      await page.locator('nz-option-item', { hasText: 'Bearer Token' }).click();
      await page
        .locator('nz-form-item', { hasText: 'Bearer token' })
        .last()
        .locator('.cm-content')
        .fill(token);
      await page.getByText('Send Request').click();
      await page.locator('app-query-result').getByText('系统管理员').waitFor({ timeout: 15_000 });

      expect(
        requested.filter((url) => url.startsWith(`${app.url}/graphql-explorer/`)).length,
      ).toBeGreaterThan(5);
      expect(requested.filter((url) => url === `${app.url}/graphql`).length).toBeGreaterThan(1);
      expect(requested.filter((url) => !isLocal(url))).toEqual([]);
      await context.close();
    });
  },
);
