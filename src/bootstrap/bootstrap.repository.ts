import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** Serialises bootstrap and the demo seed between instances starting at once on one database. */
const BOOTSTRAP_LOCK = 640100;

/**
 * The bootstrap lock of the start-up and of the demo seed. Everything the seed looks up or writes
 * goes through the areas' services and repositories (their `…ForSystem` methods for its look-ups).
 */
@Injectable()
export class BootstrapRepository {
  /** Holds the bootstrap lock until the transaction of `manager` ends. */
  async lockForTransaction(manager: EntityManager): Promise<void> {
    await manager.query('SELECT pg_advisory_xact_lock($1)', [BOOTSTRAP_LOCK]);
  }

  /**
   * Runs `work` holding the bootstrap lock on a connection of its own, taken from the pool of
   * `manager` for the whole of it: the demo seed runs many transactions of the services, not one,
   * so it needs a second connection (a pool of one would wait forever).
   */
  async withSessionLock<T>(manager: EntityManager, work: () => Promise<T>): Promise<T> {
    const runner = manager.connection.createQueryRunner();
    await runner.connect();
    try {
      await runner.query('SELECT pg_advisory_lock($1)', [BOOTSTRAP_LOCK]);
      try {
        return await work();
      } finally {
        await runner.query('SELECT pg_advisory_unlock($1)', [BOOTSTRAP_LOCK]);
      }
    } finally {
      await runner.release();
    }
  }
}
