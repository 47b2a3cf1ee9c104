import type { INestApplication } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app.factory';
import { loadConfig } from '../../src/config/config';
import { createTestDatabase, dropTestDatabase } from '../setup/database';
import { op } from './contract';

export const ADMIN_CERTIFICATE = 'admin';
export const ADMIN_PASSWORD = 'admin-password-for-tests';
/** The signing secret every test app uses, for tests that forge or expire tokens. */
export const TEST_JWT_SECRET = 'test-secret-that-is-at-least-32-characters-long';

export interface GraphQLResponse<T = Record<string, any>> {
  data?: T | null;
  errors?: { message: string; path?: string[]; extensions?: Record<string, any> }[];
}

export interface RequestOptions {
  token?: string;
  headers?: Record<string, string>;
}

/** A running service on a fresh database, talked to over real HTTP. */
export class TestApp {
  constructor(
    readonly app: INestApplication,
    readonly url: string,
    readonly databaseUrl: string,
    readonly dataSource: DataSource,
    private readonly ownsDatabase = true,
  ) {}

  /** Sends a GraphQL document; `query` may be a contract operation name (`'LogInspection'`). */
  async gql<T = Record<string, any>>(
    query: string,
    variables: Record<string, unknown> = {},
    options: RequestOptions = {},
  ): Promise<GraphQLResponse<T>> {
    const document = /^[A-Z]\w*$/.test(query) ? op(query) : query;
    const response = await this.post('/graphql', { query: document, variables }, options);
    return (await response.json()) as GraphQLResponse<T>;
  }

  post(path: string, body: unknown, options: RequestOptions = {}): Promise<Response> {
    return fetch(`${this.url}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...options.headers,
      },
      body: JSON.stringify(body),
    });
  }

  get(path: string, options: RequestOptions = {}): Promise<Response> {
    return fetch(`${this.url}${path}`, {
      headers: {
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...options.headers,
      },
    });
  }

  /** Logs in and returns the access token; fails the test on any error. */
  async login(certificateNumber: string, password: string): Promise<string> {
    const result = await this.gql<{ login: { accessToken: string } }>('Login', {
      input: { certificateNumber, password },
    });
    if (!result.data?.login)
      throw new Error(`login of ${certificateNumber} failed: ${JSON.stringify(result.errors)}`);
    return result.data.login.accessToken;
  }

  adminToken(): Promise<string> {
    return this.login(ADMIN_CERTIFICATE, ADMIN_PASSWORD);
  }

  query<T = any>(sql: string, parameters: unknown[] = []): Promise<T[]> {
    return this.dataSource.query<T[]>(sql, parameters);
  }

  /** Stops the app; drops its database unless it was started on one it does not own. */
  async close(): Promise<void> {
    await this.app.close();
    if (this.ownsDatabase) await dropTestDatabase(this.databaseUrl);
  }
}

export interface StartOptions {
  /**
   * Run on this database instead of a new one (several instances on one database, or a database
   * reached through a proxy). The caller drops it, unless `ownsDatabase` is true.
   */
  databaseUrl?: string;
  ownsDatabase?: boolean;
}

type Environment = Record<string, string | undefined>;

/**
 * Starts the real Nest application on a new database copied from the migrated template, with a
 * bootstrap administrator (`admin` / ADMIN_PASSWORD) and the city bureau. `env` overrides
 * configuration for this app (validated as the environment would be, without touching
 * process.env); as a function it receives the new
 * database's URL first (e.g. to point DATABASE_READ_URL at the same database on a replica).
 */
export async function startTestApp(
  env: Environment | ((databaseUrl: string) => Environment | Promise<Environment>) = {},
  options: StartOptions = {},
): Promise<TestApp> {
  const databaseUrl = options.databaseUrl ?? (await createTestDatabase());
  const ownsDatabase = options.databaseUrl === undefined || options.ownsDatabase === true;
  const overrides = typeof env === 'function' ? await env(databaseUrl) : env;
  const settings: Environment = {
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    BOOTSTRAP_ADMIN_CERTIFICATE: ADMIN_CERTIFICATE,
    BOOTSTRAP_ADMIN_PASSWORD: ADMIN_PASSWORD,
    SEED_DEMO: 'false',
    JWT_SECRET: TEST_JWT_SECRET,
    LOG_LEVEL: 'silent',
    ...overrides,
  };
  const app = await createApp(loadConfig(settings));
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as AddressInfo;
  return new TestApp(
    app,
    `http://127.0.0.1:${address.port}`,
    databaseUrl,
    app.get(DataSource),
    ownsDatabase,
  );
}
