import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { TRUSTED_DOCUMENTS } from '../../src/graphql/trusted-documents';
import { servedOperations } from '../helpers/contract';
import { startTestApp, TestApp } from '../helpers/test-app';
import WebSocket from 'ws';

const ROOT = join(__dirname, '..', '..');

/** The manifest's hash of a contract operation, found by its operation name. */
function hashOf(name: string): string {
  for (const [hash, text] of TRUSTED_DOCUMENTS)
    if (new RegExp(`(^|\\s)(query|mutation|subscription) ${name}\\b`).test(text)) return hash;
  throw new Error(`${name} is not in the manifest`);
}

describe('trusted documents (GRAPHQL_TRUSTED_DOCUMENTS=contract)', () => {
  let app: TestApp;
  let token: string;

  beforeAll(async () => {
    app = await startTestApp({ GRAPHQL_TRUSTED_DOCUMENTS: 'contract' });
    const login = await app.post('/graphql', {
      documentId: `sha256:${hashOf('Login')}`,
      variables: { input: { certificateNumber: 'admin', password: 'admin-password-for-tests' } },
    });
    token = ((await login.json()) as { data: { login: { accessToken: string } } }).data.login
      .accessToken;
  });
  afterAll(() => app.close());

  const post = async (body: unknown) => {
    const response = await app.post('/graphql', body, { token });
    return { status: response.status, body: (await response.json()) as Record<string, any> };
  };

  it('runs a contract operation named by documentId, with or without the sha256: prefix', async () => {
    for (const documentId of [`sha256:${hashOf('Me')}`, hashOf('Me')]) {
      const { status, body } = await post({ documentId });
      expect(status).toBe(200);
      expect(body.data.me.id).toEqual(expect.any(String));
    }
  });

  it('runs one named by extensions.persistedQuery.sha256Hash, and the listed text itself', async () => {
    const byExtension = await post({
      extensions: { persistedQuery: { version: 1, sha256Hash: hashOf('Bureaus') } },
    });
    expect(byExtension.body.data.bureaus).toEqual(expect.any(Array));
    const byText = await post({ query: TRUSTED_DOCUMENTS.get(hashOf('Bureaus')) });
    expect(byText.body.data.bureaus).toEqual(expect.any(Array));
  });

  it('refuses any other document with a stolen token, and an unknown hash, with a clear code', async () => {
    const free = await post({ query: '{ me { id name roles } }' });
    expect(free.status).toBe(400);
    expect(free.body.errors[0].extensions.code).toBe('PERSISTED_QUERY_REQUIRED');
    expect(free.body.data).toBeUndefined();
    const unknown = await post({ documentId: `sha256:${'0'.repeat(64)}` });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    const mismatched = await post({ documentId: hashOf('Me'), query: '{ bureaus { id } }' });
    expect(mismatched.body.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });

  it('runs only trusted documents over WebSocket too', async () => {
    const socket = new WebSocket(
      `${app.url.replace(/^http/, 'ws')}/graphql`,
      'graphql-transport-ws',
    );
    const messages: { type: string; id?: string; payload?: any }[] = [];
    socket.on('message', (data: Buffer) => messages.push(JSON.parse(data.toString('utf8'))));
    await new Promise((resolve) => socket.once('open', resolve));
    const waitFor = async (match: (message: (typeof messages)[number]) => boolean) => {
      for (let tries = 0; tries < 250; tries += 1) {
        const found = messages.find(match);
        if (found) return found;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      throw new Error(JSON.stringify(messages));
    };
    try {
      socket.send(
        JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } }),
      );
      await waitFor((message) => message.type === 'connection_ack');
      socket.send(
        JSON.stringify({ id: 'free', type: 'subscribe', payload: { query: '{ me { id name } }' } }),
      );
      const refused = await waitFor((message) => message.id === 'free');
      expect(refused.type).toBe('error');
      expect(refused.payload[0].extensions.code).toBe('PERSISTED_QUERY_REQUIRED');
      socket.send(
        JSON.stringify({
          id: 'trusted',
          type: 'subscribe',
          payload: {
            query: '',
            extensions: { persistedQuery: { version: 1, sha256Hash: hashOf('Me') } },
          },
        }),
      );
      const answer = await waitFor((message) => message.id === 'trusted');
      expect(answer).toMatchObject({ type: 'next' });
      expect(answer.payload.data.me.id).toEqual(expect.any(String));
    } finally {
      socket.terminate();
    }
  });

  it('holds every served contract operation, and no other', () => {
    expect(TRUSTED_DOCUMENTS.size).toBe(servedOperations().size);
    for (const name of servedOperations().keys()) expect(hashOf(name)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('is up to date with the contract (npm run trusted-documents:generate)', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'trusted-documents-check-'));
    try {
      const output = join(folder, 'manifest.json');
      await promisify(execFile)(
        process.execPath,
        [
          join(ROOT, 'node_modules', 'ts-node', 'dist', 'bin.js'),
          '--transpile-only',
          join(ROOT, 'test', 'helpers', 'trusted-documents-cli.ts'),
          output,
        ],
        { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 },
      );
      expect(readFileSync(output, 'utf8')).toBe(
        readFileSync(join(ROOT, 'src', 'graphql', 'trusted-documents.json'), 'utf8'),
      );
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('without trusted documents (the default)', () => {
  let app: TestApp;
  beforeAll(async () => (app = await startTestApp()));
  afterAll(() => app.close());

  it('runs any valid document', async () => {
    const token = await app.adminToken();
    expect((await app.gql('{ me { id } }', {}, { token })).errors).toBeUndefined();
  });
});
