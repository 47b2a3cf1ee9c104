import { GraphQLSchemaHost } from '@nestjs/graphql';
import { parse, validate } from 'graphql';
import jwt from 'jsonwebtoken';
import { graphqlProtection, GRAPHQL_LIMITS } from '../../src/graphql/armor';
import { IsString, MaxLength } from 'class-validator';
import { servedOperations } from '../helpers/contract';
import { unboundedFields, unboundedInputFields } from '../helpers/input-limits';
import { startTestApp, TEST_JWT_SECRET, TestApp } from '../helpers/test-app';

/** A query nested one level deeper than the depth limit allows (Bureau.parent recurses). */
function overDeepQuery(): string {
  const levels = GRAPHQL_LIMITS.maxDepth + 1;
  return `{ bureaus { ${'parent { '.repeat(levels)}id${' }'.repeat(levels)} } }`;
}

function tooManyAliases(): string {
  const aliases = Array.from(
    { length: GRAPHQL_LIMITS.maxAliases + 1 },
    (_, index) => `a${index}: me { id }`,
  );
  return `{ ${aliases.join(' ')} }`;
}

function tooManyTokens(): string {
  return `{ me { ${'id '.repeat(GRAPHQL_LIMITS.maxTokens)}} }`;
}

/** Within the depth, alias and token limits, but its fields multiply: cost is what refuses it. */
function tooCostly(): string {
  const levels = GRAPHQL_LIMITS.maxDepth - 3;
  return `{ bureaus { ${'parent { '.repeat(levels)}${'id '.repeat(400)}${' }'.repeat(levels)} } }`;
}

const LEAKS = ['QueryFailedError', 'at ', '/src/', 'SELECT', 'division_code', 'node_modules'];

describe('transport security', () => {
  let development: TestApp;
  let production: TestApp;
  let developmentToken: string;
  let productionToken: string;

  beforeAll(async () => {
    development = await startTestApp();
    production = await startTestApp({ NODE_ENV: 'production' });
    developmentToken = await development.adminToken();
    productionToken = await production.adminToken();
  });
  afterAll(async () => {
    await development?.close();
    await production?.close();
  });

  async function post(
    app: TestApp,
    query: string,
    token?: string,
  ): Promise<{ status: number; body: string }> {
    const response = await app.post('/graphql', { query }, { token });
    return { status: response.status, body: await response.text() };
  }

  describe('graphql-armor limits', () => {
    const abusive: [string, () => string, string][] = [
      ['an over-deep query', overDeepQuery, 'depth'],
      ['a query with too many aliases', tooManyAliases, 'Aliases'],
      ['a query with too many tokens', tooManyTokens, 'tokens'],
      ['an over-costly query', tooCostly, 'Cost'],
    ];

    it.each(abusive)(
      'refuses %s before it runs, naming the limit in development',
      async (_name, build, limitWord) => {
        const { status, body } = await post(development, build(), developmentToken);
        expect(status).toBe(400);
        const result = JSON.parse(body) as {
          data?: unknown;
          errors: { message: string; extensions: { code: string } }[];
        };
        expect(result.data).toBeUndefined();
        expect(['GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED']).toContain(
          result.errors[0].extensions.code,
        );
        expect(result.errors[0].message).toContain(limitWord);
        expect(result.errors[0].message).toMatch(/\d/);
      },
    );

    it.each(abusive)('refuses %s in production without telling the limit', async (_name, build) => {
      const { status, body } = await post(production, build(), productionToken);
      expect(status).toBe(400);
      const result = JSON.parse(body) as {
        data?: unknown;
        errors: { message: string; extensions: { code: string } }[];
      };
      expect(result.data).toBeUndefined();
      expect(['GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED']).toContain(
        result.errors[0].extensions.code,
      );
      for (const limit of Object.values(GRAPHQL_LIMITS)) {
        expect(result.errors[0].message).not.toContain(String(limit));
      }
    });

    it('lets every contract operation through the armor limits', () => {
      const { schema } = development.app.get(GraphQLSchemaHost);
      // Only the armor rules: operations of areas not merged in this branch are not in the schema.
      const { validationRules } = graphqlProtection(false);
      const failures: string[] = [];
      for (const [name, document] of servedOperations()) {
        let parsed;
        try {
          parsed = parse(document, { maxTokens: GRAPHQL_LIMITS.maxTokens });
        } catch (error) {
          failures.push(`${name}: ${(error as Error).message}`);
          continue;
        }
        const errors = validate(schema, parsed, validationRules);
        if (errors.length > 0)
          failures.push(`${name}: ${errors.map((error) => error.message).join('; ')}`);
      }
      expect(servedOperations().size).toBeGreaterThan(20);
      expect(failures).toEqual([]);
    });

    it('checks the armor rules against the contract for real: a tighter limit refuses some', () => {
      const { schema } = development.app.get(GraphQLSchemaHost);
      const tight = graphqlProtection(false, { ...GRAPHQL_LIMITS, maxDepth: 2 }).validationRules;
      const refused = [...servedOperations().values()].filter(
        (document) => validate(schema, parse(document), tight).length > 0,
      );
      expect(refused.length).toBeGreaterThan(0);
    });
  });

  describe('HTTP requests', () => {
    it('refuses a batched request (a JSON array body)', async () => {
      const response = await development.post(
        '/graphql',
        [{ query: '{ me { id } }' }, { query: '{ me { id } }' }],
        { token: developmentToken },
      );
      expect(response.status).toBe(400);
      expect(await response.text()).not.toContain('"me"');
    });

    it('refuses a mutation over GET, and does not run it', async () => {
      const query = `mutation { createBureau(input: { code: "GETBUREAU", name: "某分局", kind: SUB_BUREAU, divisionCode: "640104" }) { bureau { id } } }`;
      const response = await development.get(`/graphql?query=${encodeURIComponent(query)}`, {
        token: developmentToken,
        headers: { 'apollo-require-preflight': 'true' },
      });
      expect(response.status).toBe(405);
      const blocked = await development.get(`/graphql?query=${encodeURIComponent(query)}`, {
        token: developmentToken,
      });
      expect(blocked.status).toBe(400);
      expect(await blocked.text()).toContain('Cross-Site Request Forgery');
      expect(await development.query(`SELECT 1 FROM bureaus WHERE code = 'GETBUREAU'`)).toEqual([]);
    });

    it('refuses a text/plain POST, the kind a browser sends cross-site without asking', async () => {
      const response = await fetch(`${development.url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'text/plain',
          authorization: `Bearer ${developmentToken}`,
        },
        body: JSON.stringify({ query: '{ me { id } }' }),
      });
      expect(response.status).toBe(400);
      expect(await response.text()).toContain('Cross-Site Request Forgery');
    });

    it('answers malformed JSON with a plain 400', async () => {
      const response = await fetch(`${development.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"query": "{ me { id } }"',
      });
      expect(response.status).toBe(400);
      const body = await response.text();
      expect(JSON.parse(body)).toEqual({
        code: 'BAD_REQUEST',
        message: 'Malformed JSON in request body',
      });
    });

    it('answers a body over 1 MiB with 413', async () => {
      const response = await development.post('/graphql', {
        query: '{ me { id } }',
        variables: { padding: 'x'.repeat(1024 * 1024) },
      });
      expect(response.status).toBe(413);
      expect(((await response.json()) as { code: string }).code).toBe('PAYLOAD_TOO_LARGE');
    });

    it('echoes a sane x-request-id, and makes one for every other response, 404s and errors included', async () => {
      const echoed = await development.post(
        '/graphql',
        { query: '{ me { id } }' },
        { headers: { 'x-request-id': 'phone-42.retry-1' } },
      );
      expect(echoed.headers.get('x-request-id')).toBe('phone-42.retry-1');
      const responses = [
        await development.post(
          '/graphql',
          { query: '{ me { id } }' },
          { headers: { 'x-request-id': 'not sane; <script>' } },
        ),
        await development.get('/no-such-path'),
        await fetch(`${development.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{',
        }),
        await development.get('/health/live'),
      ];
      expect(responses.map((response) => response.status)).toEqual([200, 404, 400, 200]);
      for (const response of responses) {
        expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
      }
    });
  });

  describe('introspection and field suggestions', () => {
    const INTROSPECTION = '{ __schema { queryType { name } } }';

    it('keeps introspection on in development and suggests field names', async () => {
      const introspection = JSON.parse((await post(development, INTROSPECTION)).body) as {
        data: { __schema: { queryType: { name: string } } };
      };
      expect(introspection.data.__schema.queryType.name).toBe('Query');
      const { body } = await post(development, '{ mee { id } }', developmentToken);
      expect(body).toContain('Did you mean');
    });

    it('turns introspection and field suggestions off in production', async () => {
      const { status, body } = await post(production, INTROSPECTION);
      expect(status).toBe(400);
      expect(body).toContain('GRAPHQL_VALIDATION_FAILED');
      expect(body).not.toContain('"Query"');
      const suggestion = await post(production, '{ mee { id } }', productionToken);
      expect(suggestion.body).toContain('GRAPHQL_VALIDATION_FAILED');
      expect(suggestion.body).not.toContain('Did you mean');
      expect(suggestion.body).not.toContain('"me"');
    });

    it('turns introspection on in production with GRAPHQL_INTROSPECTION=true', async () => {
      const app = await startTestApp({ NODE_ENV: 'production', GRAPHQL_INTROSPECTION: 'true' });
      try {
        const introspection = JSON.parse((await post(app, INTROSPECTION)).body) as {
          data: { __schema: { queryType: { name: string } } };
        };
        expect(introspection.data.__schema.queryType.name).toBe('Query');
      } finally {
        await app.close();
      }
    });
  });

  describe('errors', () => {
    it('answers a malformed id argument with BAD_USER_INPUT, never INTERNAL_SERVER_ERROR', async () => {
      const result = await production.gql(
        'mutation { deactivateOfficer(id: "x") { officer { id } } }',
        {},
        { token: productionToken },
      );
      expect(result.errors![0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [{ path: 'id', message: '必须是有效的 UUID' }],
      });
    });

    it.each([
      ['production', () => [production, productionToken] as const],
      ['development', () => [development, developmentToken] as const],
    ])(
      'answers a failing database statement in %s with INTERNAL_SERVER_ERROR and nothing of the fault',
      async (_mode, pick) => {
        const [app, token] = pick();
        // The schema drifting under the service: the next statement that reads the column fails.
        await app.query(`ALTER TABLE bureaus RENAME COLUMN division_code TO division_code_moved`);
        try {
          const { status, body } = await post(app, '{ bureaus { id divisionCode } }', token);
          expect(status).toBe(200);
          const result = JSON.parse(body) as {
            errors: { message: string; extensions: Record<string, unknown> }[];
          };
          expect(result.errors[0].extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
          expect(result.errors[0].message).toBe('服务器内部错误');
          for (const leak of LEAKS) expect(body).not.toContain(leak);
        } finally {
          await app.query(`ALTER TABLE bureaus RENAME COLUMN division_code_moved TO division_code`);
        }
      },
    );
  });
});

describe('string and list limits of inputs', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('gives every String or ID input field a maximum length and every list a maximum size', () => {
    const { schema } = app.app.get(GraphQLSchemaHost);
    const { checked, problems } = unboundedInputFields(schema);
    expect(checked).toEqual(
      expect.arrayContaining(['CreateOfficerInput', 'LoginInput', 'OrderRectificationInput']),
    );
    expect(problems).toEqual([]);
  });

  it('notices an input without limits (the check can fail)', () => {
    class Unbounded {
      @IsString()
      note: string;

      @MaxLength(10)
      title: string;

      tags: string[];
    }
    expect(
      unboundedFields(Unbounded, [
        { name: 'note', list: false, text: true },
        { name: 'title', list: false, text: true },
        { name: 'tags', list: true, text: true },
      ]),
    ).toEqual([
      'Unbounded.note is a string without @MaxLength',
      'Unbounded.tags is a list without @ArrayMaxSize',
      'Unbounded.tags is a string without @MaxLength',
    ]);
  });
});

describe('access tokens', () => {
  let app: TestApp;
  let officerId: string;

  beforeAll(async () => {
    app = await startTestApp();
    const token = await app.adminToken();
    officerId = (jwt.decode(token) as { sub: string }).sub;
  });
  afterAll(() => app.close());

  async function codeFor(token: string): Promise<string | undefined> {
    const result = await app.gql('Me', {}, { token });
    return result.errors?.[0].extensions?.code as string | undefined;
  }

  it('accepts a token signed with HS256 and the service secret (the control case)', async () => {
    const token = jwt.sign({ sub: officerId, ver: 0 }, TEST_JWT_SECRET, {
      algorithm: 'HS256',
      expiresIn: 60,
    });
    expect(await codeFor(token)).toBeUndefined();
  });

  it('refuses a token without an expiry, signed with the service secret', async () => {
    const token = jwt.sign({ sub: officerId, ver: 0 }, TEST_JWT_SECRET, { algorithm: 'HS256' });
    expect(await codeFor(token)).toBe('UNAUTHENTICATED');
  });

  it('refuses a token of an earlier token version', async () => {
    const token = jwt.sign({ sub: officerId, ver: 0 }, TEST_JWT_SECRET, {
      algorithm: 'HS256',
      expiresIn: 60,
    });
    await app.query(`UPDATE officers SET token_version = 1 WHERE id = $1`, [officerId]);
    try {
      expect(await codeFor(token)).toBe('UNAUTHENTICATED');
    } finally {
      await app.query(`UPDATE officers SET token_version = 0 WHERE id = $1`, [officerId]);
    }
  });

  it('refuses an HS512 token signed with the service secret', async () => {
    const token = jwt.sign({ sub: officerId, ver: 0 }, TEST_JWT_SECRET, {
      algorithm: 'HS512',
      expiresIn: 60,
    });
    expect(await codeFor(token)).toBe('UNAUTHENTICATED');
  });

  it('refuses a token whose header claims RS256 but is signed with the secret as an HMAC key', async () => {
    const header = Buffer.from(JSON.stringify({ alg: 'RS256', typ: 'JWT' })).toString('base64url');
    const payload = Buffer.from(
      JSON.stringify({ sub: officerId, exp: Math.floor(Date.now() / 1000) + 60 }),
    ).toString('base64url');
    const { createHmac } = await import('node:crypto');
    const signature = createHmac('sha256', TEST_JWT_SECRET)
      .update(`${header}.${payload}`)
      .digest('base64url');
    expect(await codeFor(`${header}.${payload}.${signature}`)).toBe('UNAUTHENTICATED');
  });

  it('refuses a token signed with another secret', async () => {
    const token = jwt.sign({ sub: officerId }, 'another-secret-that-is-also-32-characters-long', {
      algorithm: 'HS256',
      expiresIn: 60,
    });
    expect(await codeFor(token)).toBe('UNAUTHENTICATED');
  });

  it('refuses an expired token signed with the service secret', async () => {
    const token = jwt.sign(
      { sub: officerId, exp: Math.floor(Date.now() / 1000) - 10 },
      TEST_JWT_SECRET,
      { algorithm: 'HS256' },
    );
    expect(await codeFor(token)).toBe('UNAUTHENTICATED');
  });

  it('refuses a validly signed token for an officer who does not exist or a subject that is not an id', async () => {
    for (const sub of ['00000000-0000-4000-8000-000000000000', "x' OR '1'='1"]) {
      const token = jwt.sign({ sub }, TEST_JWT_SECRET, { algorithm: 'HS256', expiresIn: 60 });
      expect(await codeFor(token)).toBe('UNAUTHENTICATED');
    }
  });
});
