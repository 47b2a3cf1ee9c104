import type { DataSource, EntityManager } from 'typeorm';

/**
 * Reads that may be served by the read replica (只读副本, DATABASE_READ_URL): list queries,
 * progress statistics, exports, DataLoader look-ups. Writes, and reads that must see a write just
 * made (the read-back after a mutation, anything inside a write transaction), use the primary:
 * `dataSource.manager`, `dataSource.query()` or the transaction's manager.
 *
 * How TypeORM 1.1 routes, read from its source: `createQueryRunner('slave')` takes a connection
 * from the replica pool (from the primary's when no replica is configured), and everything run
 * through that runner or its `manager` goes there. `dataSource.query()`, `manager.query()`,
 * inserts, updates and transactions always use the primary. Query builder SELECTs and repository
 * `find*` outside a transaction would follow `replication.defaultMode`, which we set to
 * 'master' (see dataSourceOptions), so the replica is used only where code asks for it here.
 *
 * A replica lags the primary by a little (usually milliseconds): a client may not yet see its own
 * write in a list it reads right after. Use these helpers only where that is acceptable.
 */
export async function withReadManager<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  const runner = dataSource.createQueryRunner('slave');
  try {
    return await work(runner.manager);
  } finally {
    await runner.release();
  }
}

/** One read-only SQL statement on the replica (the primary when none is configured). */
export function readQuery<T>(
  dataSource: DataSource,
  sql: string,
  parameters?: unknown[],
): Promise<T> {
  return withReadManager(dataSource, (manager) => manager.query<T>(sql, parameters));
}

/**
 * A read-only transaction on the replica (the primary when none is configured), for reads that
 * must agree with each other, such as the figures of one progress report (REPEATABLE READ works
 * on a hot standby; SERIALIZABLE does not).
 */
export async function withReadTransaction<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  const runner = dataSource.createQueryRunner('slave');
  try {
    await runner.startTransaction('REPEATABLE READ');
    await runner.query('SET TRANSACTION READ ONLY');
    const result = await work(runner.manager);
    await runner.commitTransaction();
    return result;
  } catch (error) {
    if (runner.isTransactionActive) await runner.rollbackTransaction();
    throw error;
  } finally {
    await runner.release();
  }
}
