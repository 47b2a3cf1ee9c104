import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import type { Database } from '../database/database';

/**
 * DataLoaders of one request, created in the GraphQL context so that field resolvers batch their
 * look-ups (no N+1) and nothing is cached across requests.
 *
 * Their reads go to the read replica when one is configured (DATABASE_READ_URL), except in a
 * mutation: there `readFromPrimary()` is called before any field resolves (see
 * graphql.module.ts), so the payload shows what the mutation just wrote.
 */
export class Loaders {
  private readonly loaders = new Map<unknown, DataLoader<unknown, unknown>>();
  private primaryOnly = false;

  constructor(private readonly database: Database) {}

  /**
   * New loaders on the same database with empty caches, reading where these read: for a context
   * that outlives one result (a subscription's, which lives as long as its connection).
   */
  fresh(): Loaders {
    const loaders = new Loaders(this.database);
    loaders.primaryOnly = this.primaryOnly;
    return loaders;
  }

  /** From now on this request's loaders read the primary (read-your-writes in mutations). */
  readFromPrimary(): void {
    this.primaryOnly = true;
  }

  /** Whether this request's loader reads may go to the replica. */
  get readsFromReplica(): boolean {
    return !this.primaryOnly;
  }

  /** Runs a read-only look-up on the replica, or on the primary in a mutation. */
  read<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (this.primaryOnly) return work(this.database.manager);
    return this.database.read(work);
  }

  /**
   * A loader under a name of the caller's choosing, for one-to-many and computed look-ups:
   * `loaders.custom('findingsByInspection', () => new DataLoader(...))`.
   */
  custom<K, V>(name: string, create: () => DataLoader<K, V>): DataLoader<K, V> {
    return this.get(name, create);
  }

  private get<K, V>(key: unknown, create: () => DataLoader<K, V>): DataLoader<K, V> {
    let loader = this.loaders.get(key);
    if (!loader) {
      loader = create();
      this.loaders.set(key, loader);
    }
    return loader as unknown as DataLoader<K, V>;
  }
}

/** Groups rows by a key, in the order of `keys`, for one-to-many loaders. */
export function groupBy<K, T>(keys: readonly K[], rows: T[], keyOf: (row: T) => K): T[][] {
  const groups = new Map<K, T[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return keys.map((key) => groups.get(key) ?? []);
}
