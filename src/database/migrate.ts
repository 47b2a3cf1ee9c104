import { DataSource } from 'typeorm';
import { dataSourceOptions, type PoolSettings } from './data-source-options';

/** application_name of the migrations' connection, so operators can find it in pg_stat_activity. */
export const MIGRATIONS_APPLICATION_NAME = 'sweep-tracker-migrations';

/**
 * Applies the pending migrations (one transaction each) on a connection of their own to `url`,
 * closed afterwards. At start this runs on DATABASE_DIRECT_URL when it is set, before the pool
 * connects: a migration's DDL and its locks then hold a direct session to the server instead of a
 * PgBouncer server connection the requests of every instance share (docs/scaling.md).
 */
export async function runMigrationsOn(url: string, pool: PoolSettings = {}): Promise<void> {
  const dataSource = new DataSource(
    dataSourceOptions(url, { ...pool, max: 1, applicationName: MIGRATIONS_APPLICATION_NAME }),
  );
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
}
