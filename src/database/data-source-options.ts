import { join } from 'node:path';
import { types } from 'pg';
import type { DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { SnakeNamingStrategy } from './naming-strategy';

/** Calendar days stay `YYYY-MM-DD` strings: a JS Date would shift them by the server's time zone. */
types.setTypeParser(types.builtins.DATE, (value: string) => value);

export interface PoolSettings {
  max?: number;
  statementTimeoutMs?: number;
  connectTimeoutMs?: number;
  /** application_name of the connections (pg_stat_activity); `sweep-tracker` by default. */
  applicationName?: string;
}

/** Extra time the driver waits for an answer beyond statement_timeout before giving up itself. */
const CLIENT_GRACE_MS = 5000;

/**
 * One definition of the connection, shared by the Nest module, the migration CLI and the tests.
 *
 * With `readUrl` (DATABASE_READ_URL, a streaming replica 只读副本) TypeORM keeps two pools: the
 * primary (`url`) and the replica. `defaultMode: 'master'` keeps every statement on the primary
 * unless the code asks for the replica explicitly (`withReadManager`, `readQuery` in
 * ./read-replica.ts): TypeORM's own default would send every query builder SELECT outside a
 * transaction to the replica, including the read-back after a mutation, which a lagging replica
 * would answer with the old row.
 */
export function dataSourceOptions(
  url: string,
  pool: PoolSettings = {},
  readUrl?: string,
): DataSourceOptions {
  const statementTimeoutMs = pool.statementTimeoutMs ?? 15000;
  return {
    type: 'postgres',
    ...(readUrl
      ? { replication: { master: { url }, slaves: [{ url: readUrl }], defaultMode: 'master' } }
      : { url }),
    entities: ENTITIES,
    migrations: [join(__dirname, '..', '..', 'migrations', '*.{ts,js}')],
    migrationsTableName: 'typeorm_migrations',
    migrationsTransactionMode: 'each',
    namingStrategy: new SnakeNamingStrategy(),
    uuidExtension: 'pgcrypto',
    synchronize: false,
    logging: false,
    // An outage must fail requests fast (SERVICE_UNAVAILABLE), not queue them: the acquisition
    // timeout bounds the wait for a connection, statement_timeout the server's work, and
    // query_timeout a connection whose server went silent (a dropped network answers nothing).
    extra: {
      max: pool.max ?? 10,
      connectionTimeoutMillis: pool.connectTimeoutMs ?? 2000,
      idleTimeoutMillis: 30000,
      statement_timeout: statementTimeoutMs,
      query_timeout: statementTimeoutMs + CLIENT_GRACE_MS,
      keepAlive: true,
      idle_in_transaction_session_timeout: 30000,
      application_name: pool.applicationName ?? 'sweep-tracker',
    },
  };
}
