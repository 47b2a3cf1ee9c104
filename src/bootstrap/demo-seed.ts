import type { EntityManager } from 'typeorm';

/**
 * Seeds the 2019 story of the reference report (see README for the logins). Returns false when
 * the demo is already there. Filled in by the demo data work; a placeholder until then.
 */
export async function seedDemo(manager: EntityManager): Promise<boolean> {
  const rows = await manager.query<unknown[]>(
    `SELECT 1 FROM sweeps WHERE code = 'DEMO-2019-315' LIMIT 1`,
  );
  return rows.length === 0 && false;
}
