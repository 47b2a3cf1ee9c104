import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** Serialises bootstrap and the demo seed between instances starting at once on one database. */
const BOOTSTRAP_LOCK = 640100;

/**
 * The bootstrap lock, and the SQL statements of the demo seed that no area's repository has yet:
 * look-ups of what a previous, interrupted run of the demo seed already wrote, by natural key,
 * over other areas’ tables (premises, sweeps, inspections, findings): unscoped, for this system job only. The
 * first bureau and officer, and the look-ups of bureaus, officers and exposures, go through
 * BureausRepository, OfficersRepository and ExposuresRepository.
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

  /** Premises' ids by name and address (`name\u0000address`), of those that exist. */
  async premisesIdsByNameAndAddressForSystem(
    manager: EntityManager,
    premises: { name: string; address: string }[],
  ): Promise<Map<string, string>> {
    const rows = await manager.query<{ id: string; name: string; address: string }[]>(
      `SELECT DISTINCT ON (name, address) id, name, address FROM premises
        WHERE (name, address) IN (SELECT * FROM unnest($1::text[], $2::text[]))
        ORDER BY name, address, created_at, id`,
      [premises.map((row) => row.name), premises.map((row) => row.address)],
    );
    return new Map(rows.map((row) => [`${row.name}\u0000${row.address}`, row.id]));
  }

  async sweepIdByCode(manager: EntityManager, code: string): Promise<string | null> {
    const [row] = await manager.query<{ id: string }[]>(`SELECT id FROM sweeps WHERE code = $1`, [
      code,
    ]);
    return row?.id ?? null;
  }

  /** The findings of an inspection in the order they were written (the order logged). */
  async findingIdsOfInspectionForSystem(
    manager: EntityManager,
    inspectionId: string,
  ): Promise<string[]> {
    const rows = await manager.query<{ id: string }[]>(
      `SELECT id FROM findings WHERE inspection_id = $1 ORDER BY created_at, id`,
      [inspectionId],
    );
    return rows.map((row) => row.id);
  }

  /** Whether a sweep of this code has an inspection: the last thing the demo seed writes. */
  async sweepHasInspectionForSystem(manager: EntityManager, code: string): Promise<boolean> {
    const [row] = await manager.query<{ found: boolean }[]>(
      `SELECT EXISTS (SELECT 1 FROM inspections i JOIN sweeps s ON s.id = i.sweep_id
                       WHERE s.code = $1) AS found`,
      [code],
    );
    return row.found;
  }
}
