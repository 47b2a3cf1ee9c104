import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';

/**
 * The data source the TypeORM CLI uses (`npm run migration:*`): DATABASE_DIRECT_URL when set (the
 * server itself, when DATABASE_URL is a PgBouncer in transaction mode), else DATABASE_URL.
 */
const url = process.env.DATABASE_DIRECT_URL || process.env.DATABASE_URL;
if (!url) {
  throw new Error(
    'DATABASE_URL (or DATABASE_DIRECT_URL) must be set for the migration commands (e.g. postgres://postgres@127.0.0.1:5432/sweep_tracker)',
  );
}
export default new DataSource(dataSourceOptions(url));
