import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/database/data-source-options';
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
