import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/database/data-source-options';
import { startEmbeddedPostgres } from '../../src/database/embedded-postgres';
import { ADMIN_URL_ENV, adminQuery, templateName, withDatabase } from './database';

const LOCAL_SERVER = 'postgres://postgres@127.0.0.1:5432/postgres';

async function answers(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Picks the PostgreSQL server for the run: TEST_DATABASE_URL, else the local server on
 * 127.0.0.1:5432, else an embedded one started for the run. Then migrates the template database.
 */
export default async function globalSetup(): Promise<void> {
  let url = process.env.TEST_DATABASE_URL;
  if (!url && (await answers(LOCAL_SERVER))) url = LOCAL_SERVER;
  if (!url) {
    const server = await startEmbeddedPostgres(
      join(__dirname, '..', '..', '.data', 'test-postgres'),
      54330,
    );
    (globalThis as { embeddedTestServer?: { stop(): Promise<void> } }).embeddedTestServer = server;
    url = withDatabase(server.url, 'postgres');
  }
  process.env[ADMIN_URL_ENV] = url;
  const template = templateName();
  const exists = await adminQuery(`SELECT 1 FROM pg_database WHERE datname = '${template}'`, url);
  if (exists.length > 0) return;
  const building = `${template}_building_${process.pid}`;
  await adminQuery(`CREATE DATABASE "${building}"`, url);
  const dataSource = new DataSource(dataSourceOptions(withDatabase(url, building)));
  await dataSource.initialize();
  await dataSource.runMigrations();
  await dataSource.destroy();
  await adminQuery(`ALTER DATABASE "${building}" RENAME TO "${template}"`, url).catch(async () => {
    await adminQuery(`DROP DATABASE IF EXISTS "${building}"`, url);
  });
  if (!existsSync(join(__dirname, '..', '..', 'migrations')))
    throw new Error('migrations/ is missing');
}
