import type { EntityManager } from 'typeorm';

/**
 * Runs independent reads: at once on the pool, one after another on a transaction's single
 * connection (`manager.queryRunner` set). Overlapping queries on one pg client are queued by pg
 * today but deprecated, and removed in pg 9.
 */
export async function readsOn<T extends unknown[]>(
  manager: EntityManager,
  ...reads: { [K in keyof T]: () => Promise<T[K]> }
): Promise<T> {
  if (!manager.queryRunner) return (await Promise.all(reads.map((read) => read()))) as T;
  const results: unknown[] = [];
  for (const read of reads) results.push(await read());
  return results as T;
}
