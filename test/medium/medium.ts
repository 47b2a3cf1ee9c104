import 'reflect-metadata';
import { DataSource, EntityManager } from 'typeorm';
import { CITY_BUREAU } from '../../src/bootstrap/bootstrap.service';
import { Bureau } from '../../src/bureaus/bureau.entity';
import { Database } from '../../src/database/database';
import { dataSourceOptions } from '../../src/database/data-source-options';
import { createTestDatabase, dropTestDatabase } from '../setup/database';

/**
 * The middle test tier (after immich's server/test/medium): repositories and services against a
 * real PostgreSQL database of their own, copied from the migrated template (with the city bureau
 * the bootstrap writes), without Nest's HTTP or GraphQL layers. One per test file: `const db = await mediumDatabase()` in beforeAll,
 * `await db.close()` in afterAll.
 */
export interface MediumDatabase {
  url: string;
  dataSource: DataSource;
  manager: EntityManager;
  /** The service's Database on this data source, for services and Loaders. */
  database: Database;
  /** One SQL statement, as TestApp.query: the factories of test/factories take either. */
  query<T = any>(sql: string, parameters?: unknown[]): Promise<T[]>;
  /** Runs `work` in a transaction that is always rolled back: a test leaves nothing behind. */
  rollback<T>(work: (manager: EntityManager) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

class Rollback extends Error {}

export async function mediumDatabase(): Promise<MediumDatabase> {
  const url = await createTestDatabase('st_medium');
  const dataSource = new DataSource(dataSourceOptions(url));
  await dataSource.initialize();
  // The city bureau, as the bootstrap writes it at start: every tree hangs from it.
  await dataSource.manager.save(
    dataSource.manager.create(Bureau, { ...CITY_BUREAU, parentId: null }),
  );
  return {
    url,
    dataSource,
    manager: dataSource.manager,
    database: new Database(dataSource),
    query: <T>(sql: string, parameters: unknown[] = []) => dataSource.query<T[]>(sql, parameters),
    async rollback<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
      let result: T | undefined;
      await dataSource
        .transaction(async (manager) => {
          result = await work(manager);
          throw new Rollback();
        })
        .catch((error: unknown) => {
          if (!(error instanceof Rollback)) throw error;
        });
      return result as T;
    },
    async close() {
      await dataSource.destroy();
      await dropTestDatabase(url);
    },
  };
}
