import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Bureau } from '../bureaus/bureau.entity';
import { Officer } from '../officers/officer.entity';

/** Serialises bootstrap and the demo seed between instances starting at once on one database. */
const BOOTSTRAP_LOCK = 640100;

/** The first bureau and officer: written before any officer exists who could create them. */
export interface RootOfficer {
  name: string;
  certificateNumber: string;
  roles: Officer['roles'];
  passwordHash: string;
}

/**
 * Every SQL statement of the bootstrap and the demo seed. The writes are the two that no service
 * can do (the first bureau and the first officer, before any officer exists to act). The reads
 * are look-ups of what a previous, interrupted run of the demo seed already wrote, by natural key,
 * over other areas' tables that have no repository method for it yet (bureaus, officers,
 * exposures): unscoped, for this system job only. Premises, sweeps, inspections and findings are
 * looked up through their own repositories' `…ForSystem` methods.
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

  async anyOfficer(manager: EntityManager): Promise<boolean> {
    return (await manager.count(Officer)) > 0;
  }

  bureauByCode(manager: EntityManager, code: string): Promise<Bureau | null> {
    return manager.findOneBy(Bureau, { code });
  }

  /** The root of the bureau tree, with no parent. */
  insertRootBureau(
    manager: EntityManager,
    bureau: Pick<Bureau, 'code' | 'name' | 'kind' | 'divisionCode'>,
  ): Promise<Bureau> {
    return manager.save(manager.create(Bureau, { ...bureau, parentId: null }));
  }

  insertRootOfficer(
    manager: EntityManager,
    bureauId: string,
    officer: RootOfficer,
  ): Promise<Officer> {
    return manager.save(manager.create(Officer, { ...officer, bureauId, active: true }));
  }

  /** Officers' ids by certificate number, of those that exist. */
  async officerIdsByCertificateForSystem(
    manager: EntityManager,
    certificates: string[],
  ): Promise<Map<string, string>> {
    const rows = await manager.query<{ id: string; certificate_number: string }[]>(
      `SELECT id, certificate_number FROM officers WHERE certificate_number = ANY($1::text[])`,
      [certificates],
    );
    return new Map(rows.map((row) => [row.certificate_number, row.id]));
  }

  /** The first exposure of this source and title on that day, if any. */
  async exposureIdForSystem(
    manager: EntityManager,
    exposure: { source: string; title: string; exposedOn: string },
  ): Promise<string | null> {
    const [row] = await manager.query<{ id: string }[]>(
      `SELECT id FROM exposures WHERE source = $1 AND title = $2 AND exposed_on = $3::date
        ORDER BY created_at, id LIMIT 1`,
      [exposure.source, exposure.title, exposure.exposedOn],
    );
    return row?.id ?? null;
  }
}
