import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/database/data-source-options';
import { startTestApp } from '../helpers/test-app';
import { adminQuery, adminUrl, dropTestDatabase, withDatabase } from '../setup/database';

describe('migrations', () => {
  let dataSource: DataSource;
  let url: string;

  beforeAll(async () => {
    const name = `st_migrations_${Date.now().toString(36)}`;
    await adminQuery(`CREATE DATABASE "${name}"`);
    url = withDatabase(adminUrl(), name);
    dataSource = new DataSource(dataSourceOptions(url));
    await dataSource.initialize();
  });
  afterAll(async () => {
    await dataSource.destroy();
    await dropTestDatabase(url);
  });

  it('apply to an empty database and leave no drift between entities and tables', async () => {
    await dataSource.runMigrations();
    const pending = await dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((query) => query.query)).toEqual([]);
  });

  it('revert one by one down to nothing, and apply again', async () => {
    const applied = dataSource.migrations.length;
    for (let index = 0; index < applied; index += 1) await dataSource.undoLastMigration();
    const tables = await dataSource.query<{ tablename: string }[]>(
      `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'typeorm_migrations'`,
    );
    expect(tables).toEqual([]);
    await dataSource.runMigrations();
    const [{ count }] = await dataSource.query<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM target_categories`,
    );
    expect(count).toBe(5);
  });
});

describe('migrations at start with DATABASE_DIRECT_URL', () => {
  it('run on the direct URL, not on the pooled DATABASE_URL', async () => {
    // Two different databases make the path visible: the pool's is already migrated (a copy of
    // the template), the direct one is empty, so only migrations run on the direct URL fill it.
    const name = `st_direct_${Date.now().toString(36)}`;
    await adminQuery(`CREATE DATABASE "${name}"`);
    const directUrl = withDatabase(adminUrl(), name);
    try {
      const app = await startTestApp({ DATABASE_DIRECT_URL: directUrl });
      await app.close();
      const direct = new DataSource(dataSourceOptions(directUrl));
      await direct.initialize();
      try {
        const applied = await direct.query<{ name: string }[]>(
          `SELECT name FROM typeorm_migrations ORDER BY id`,
        );
        expect(applied.map((row) => row.name)).toEqual(
          direct.migrations.map((migration) => migration.name),
        );
        expect(applied.length).toBeGreaterThan(0);
      } finally {
        await direct.destroy();
      }
    } finally {
      await dropTestDatabase(directUrl);
    }
  });
});
