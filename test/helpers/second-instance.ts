import type { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app.factory';
import { ADMIN_CERTIFICATE, ADMIN_PASSWORD, TestApp } from './test-app';

/** Another instance of the service on a database some other TestApp owns: closing it keeps the data. */
class SecondInstance extends TestApp {
  override async close(): Promise<void> {
    await this.app.close();
  }
}

/**
 * Starts one more instance of the real application on an existing database (as a second replica
 * behind a load balancer would run), for tests of what instances share through PostgreSQL.
 */
export async function startInstanceOn(
  databaseUrl: string,
  env: Record<string, string | undefined> = {},
): Promise<TestApp> {
  const settings: Record<string, string | undefined> = {
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    BOOTSTRAP_ADMIN_CERTIFICATE: ADMIN_CERTIFICATE,
    BOOTSTRAP_ADMIN_PASSWORD: ADMIN_PASSWORD,
    SEED_DEMO: 'false',
    JWT_SECRET: 'test-secret-that-is-at-least-32-characters-long',
    LOG_LEVEL: 'silent',
    ...env,
  };
  const previous = Object.fromEntries(Object.keys(settings).map((key) => [key, process.env[key]]));
  for (const [key, value] of Object.entries(settings)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  try {
    const app = await createApp();
    await app.listen(0, '127.0.0.1');
    const address = app.getHttpServer().address() as AddressInfo;
    return new SecondInstance(
      app,
      `http://127.0.0.1:${address.port}`,
      databaseUrl,
      app.get(DataSource),
    );
  } finally {
    for (const [key, value] of Object.entries(previous)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}
