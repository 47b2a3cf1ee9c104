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
}

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
    extra: {
      max: pool.max ?? 10,
      connectionTimeoutMillis: 5000,
      idleTimeoutMillis: 30000,
      statement_timeout: pool.statementTimeoutMs ?? 15000,
      idle_in_transaction_session_timeout: 30000,
      application_name: 'sweep-tracker',
    },
  };
}
