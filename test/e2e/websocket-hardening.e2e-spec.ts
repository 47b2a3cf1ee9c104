import WebSocket from 'ws';
import { GRAPHQL_LIMITS } from '../../src/graphql/armor';
import { TOO_MANY_CONNECTIONS, WS_LIMITS } from '../../src/graphql/subscriptions';
import { cityBureau, createOfficer, OfficerRecord } from '../factories/people';
import { startTestApp, TestApp } from '../helpers/test-app';

/** A raw graphql-transport-ws socket: what an attacker's script would open. */
class RawSocket {
  readonly messages: { type: string; id?: string; payload?: any }[] = [];
  readonly opened: Promise<void>;
  readonly closed: Promise<{ code: number; reason: string }>;
  readonly socket: WebSocket;

  constructor(app: TestApp, headers: Record<string, string> = {}) {
    this.socket = new WebSocket(
      `${app.url.replace(/^http/, 'ws')}/graphql`,
      'graphql-transport-ws',
      {
        headers,
      },
    );
    this.opened = new Promise((resolve, reject) => {
      this.socket.once('open', () => resolve());
      this.socket.once('unexpected-response', (_request, response) =>
        reject(new Error(`HTTP ${response.statusCode}`)),
      );
      this.socket.once('error', reject);
    });
    this.closed = new Promise((resolve) =>
      this.socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
    );
    this.socket.on('message', (data: Buffer) =>
      this.messages.push(JSON.parse(data.toString('utf8'))),
    );
    this.opened.catch(() => undefined);
  }

  send(message: unknown): void {
    this.socket.send(typeof message === 'string' ? message : JSON.stringify(message));
  }

  async init(token: string): Promise<void> {
    await this.opened;
    this.send({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } });
    await this.waitFor((message) => message.type === 'connection_ack');
  }

  /** Runs one operation and returns its first answer (`next` or `error`). */
  async run(query: string, variables: Record<string, unknown> = {}) {
    const id = String(this.messages.length + Math.random());
    this.send({ id, type: 'subscribe', payload: { query, variables } });
    return this.waitFor((message) => message.id === id && message.type !== 'complete');
  }

  async waitFor(match: (message: RawSocket['messages'][number]) => boolean, timeoutMs = 5000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.messages.find(match);
      if (found) return found;
      if (Date.now() > deadline)
        throw new Error(`nothing matched: ${JSON.stringify(this.messages)}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  close(): void {
    this.socket.terminate();
  }
}

/** Issue 17, item 1 (and 6 over HTTP): the WebSocket endpoint with production's hardening. */
describe('the WebSocket endpoint in production', () => {
  let app: TestApp;
  let inspector: OfficerRecord;
  const sockets: RawSocket[] = [];
  const open = (headers: Record<string, string> = {}) => {
    const socket = new RawSocket(app, headers);
    sockets.push(socket);
    return socket;
  };

  beforeAll(async () => {
    app = await startTestApp({ NODE_ENV: 'production', TRUST_PROXY: 'loopback' });
    inspector = await createOfficer(app, (await cityBureau(app)).id, ['INSPECTOR']);
  });
  afterEach(() => {
    for (const socket of sockets.splice(0)) socket.close();
  });
  afterAll(() => app.close());

  it('refuses introspection to a logged-in inspector', async () => {
    const socket = open();
    await socket.init(inspector.token);
    const answer = await socket.run('{ __schema { types { name } } }');
    expect(answer.type).toBe('error');
    expect(answer.payload[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(JSON.stringify(answer.payload)).not.toContain('premisesList');
  });

  it('suggests no field names, enum values or limits', async () => {
    const socket = open();
    await socket.init(inspector.token);
    const field = await socket.run('{ premisess { id } }');
    expect(field.payload[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const enumValue = await socket.run(
      '{ premisesList(filter: { kinds: [PHARMAC] }, first: 1) { totalCount } }',
    );
    expect(enumValue.payload[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const tooLarge = await socket.run(`{ me { ${'id '.repeat(GRAPHQL_LIMITS.maxTokens)}} }`);
    const text = JSON.stringify([field.payload, enumValue.payload, tooLarge.payload]);
    expect(text).not.toMatch(/Did you mean|premisesList|PHARMACY/);
    expect(text).not.toContain(String(GRAPHQL_LIMITS.maxTokens));
  });

  it('closes a socket whose unauthenticated message is larger than 64 KiB, before parsing it', async () => {
    const socket = open();
    await socket.opened;
    socket.send({
      type: 'connection_init',
      payload: { padding: 'x'.repeat(WS_LIMITS.maxPayloadBytes + 1) },
    });
    expect((await socket.closed).code).toBe(1009);
    expect((await app.get('/health/live')).status).toBe(200);
  });

  it('closes a socket that does not authenticate within a few seconds', async () => {
    const socket = open();
    await socket.opened;
    const started = Date.now();
    const { code } = await socket.closed;
    expect(code).toBe(4408);
    expect(Date.now() - started).toBeLessThan(WS_LIMITS.authenticateWithinMs + 1500);
  });

  it('caps the open connections of one officer', async () => {
    const accepted = Array.from({ length: WS_LIMITS.perOfficer }, () =>
      open({ 'x-forwarded-for': '203.0.113.80' }),
    );
    await Promise.all(accepted.map((socket) => socket.init(inspector.token)));
    const extra = open({ 'x-forwarded-for': '203.0.113.81' });
    await extra.opened;
    extra.send({
      type: 'connection_init',
      payload: { authorization: `Bearer ${inspector.token}` },
    });
    expect((await extra.closed).code).toBe(TOO_MANY_CONNECTIONS);
    // One closes: the officer may connect again.
    accepted[0].close();
    await accepted[0].closed;
    const again = open({ 'x-forwarded-for': '203.0.113.81' });
    await again.init(inspector.token);
  });

  it('caps the open sockets of one address (an IPv6 /64 counts as one)', async () => {
    const first = Array.from({ length: WS_LIMITS.perAddress }, (_, index) =>
      open({ 'x-forwarded-for': `2001:db8:5:5::${index + 1}` }),
    );
    await Promise.all(first.map((socket) => socket.opened));
    const refused = open({ 'x-forwarded-for': '2001:db8:5:5:ffff::1' });
    await expect(refused.opened).rejects.toThrow('HTTP 429');
    const elsewhere = open({ 'x-forwarded-for': '2001:db8:5:6::1' });
    await elsewhere.opened;
  });
});

describe('suggestions over HTTP in production (item 6)', () => {
  let app: TestApp;
  let token: string;

  beforeAll(async () => {
    app = await startTestApp({ NODE_ENV: 'production' });
    token = await app.adminToken();
  });
  afterAll(() => app.close());

  it('does not suggest an enum value written in the document', async () => {
    const result = await app.gql(
      '{ premisesList(filter: { kinds: [PHARMAC] }, first: 1) { totalCount } }',
      {},
      { token },
    );
    expect(result.errors![0].extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(JSON.stringify(result.errors)).not.toMatch(/Did you mean|PHARMACY/);
  });

  it('does not suggest an enum value sent as a variable', async () => {
    const result = await app.gql(
      'CreateOfficer',
      {
        input: {
          name: '拼错角色',
          certificateNumber: 'TYPO-1',
          bureauId: (await cityBureau(app)).id,
          roles: ['ADMN'],
          password: 'a-long-password-of-mine',
        },
      },
      { token },
    );
    expect(result.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(result.errors)).not.toMatch(/Did you mean|"ADMIN"/);
  });

  it('does not suggest a field name', async () => {
    const result = await app.gql('{ premisess { id } }', {}, { token });
    expect(JSON.stringify(result.errors)).not.toMatch(/Did you mean|premisesList/);
  });
});
