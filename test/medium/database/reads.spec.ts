import type { EntityManager } from 'typeorm';
import { readsOn } from '../../../src/database/reads';
import { mediumDatabase, type MediumDatabase } from '../medium';

type Row = Record<string, unknown>;

interface PgClient {
  query: (...args: unknown[]) => unknown;
  _activeQuery: unknown;
  _queryQueue: unknown[];
}

/**
 * Runs `work` in a transaction and counts the queries sent to its pg client while another was
 * still running or queued: what pg warns about today ("already executing a query") and refuses
 * from pg 9 on.
 */
async function overlapsIn<T>(
  db: MediumDatabase,
  work: (manager: EntityManager) => Promise<T>,
): Promise<{ result: T; overlaps: number }> {
  return db.dataSource.transaction(async (manager) => {
    const client = (manager.queryRunner as unknown as { databaseConnection: PgClient })
      .databaseConnection;
    const query = client.query;
    let overlaps = 0;
    client.query = function (this: PgClient, ...args: unknown[]) {
      if (this._activeQuery || this._queryQueue.length > 0) overlaps++;
      return query.apply(this, args);
    };
    try {
      const result = await work(manager);
      return { result, overlaps };
    } finally {
      client.query = query;
    }
  });
}

describe('readsOn', () => {
  let db: MediumDatabase;

  beforeAll(async () => {
    db = await mediumDatabase();
  });
  afterAll(() => db.close());

  it('reads one after another inside a transaction: no query overlaps another on its connection', async () => {
    const { result, overlaps } = await overlapsIn(db, (manager) =>
      readsOn(
        manager,
        () => manager.query<Row[]>('SELECT 1 AS one, pg_sleep(0.02)'),
        () => manager.query<Row[]>('SELECT 2 AS two, pg_sleep(0.02)'),
        () => manager.query<Row[]>('SELECT 3 AS three'),
      ),
    );
    expect(result.map((rows) => Object.keys(rows[0])[0])).toEqual(['one', 'two', 'three']);
    expect(overlaps).toBe(0);

    // The same reads at once on the transaction's connection overlap: the count above would see it
    // (pg prints its deprecation warning for this one, on purpose).
    const together = await overlapsIn(db, (manager) =>
      Promise.all([
        manager.query('SELECT 1 AS one, pg_sleep(0.02)'),
        manager.query('SELECT 2 AS two, pg_sleep(0.02)'),
        manager.query('SELECT 3 AS three'),
      ]),
    );
    expect(together.overlaps).toBe(2);
  });

  it('reads at once on the pool', async () => {
    const started: string[] = [];
    const read = (name: string) => async () => {
      started.push(name);
      return db.dataSource.manager.query(`SELECT '${name}' AS name, pg_sleep(0.02)`);
    };
    const pending = readsOn(db.dataSource.manager, read('a'), read('b'));
    // Both reads began before either finished.
    expect(started).toEqual(['a', 'b']);
    await pending;
  });
});
