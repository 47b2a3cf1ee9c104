import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Builds the progress summaries of the sweeps that existed before 1796000000000, one sweep per
 * transaction, outside one long migration transaction (`transaction = false`), so writers are held
 * off only while their own sweep is built (a few seconds for the largest sweep of a million
 * inspections), never for the whole backfill.
 *
 * Why the result is exact although writers go on: `progress_rebuild_sweep` takes the sweep's
 * advisory lock exclusive. Every trigger takes it shared before touching a sweep's summaries and
 * keeps it until its transaction ends. So the rebuild first waits for every transaction that had
 * already passed a trigger for this sweep (while pending, they skipped it; their rows are
 * committed when the rebuild's statements take their snapshots, so the rebuild counts them),
 * and a transaction whose trigger comes after waits for the rebuild to commit, then sees the sweep
 * ready and counts its own rows (which the rebuild could not see: they were not committed).
 * Every row is counted once, by the rebuild or by a trigger, never both, never neither.
 * Until its turn a sweep is served from the raw tables (the reads check `progress_pending_sweeps`).
 */
export class ProgressSummariesBackfill1796000000100 implements MigrationInterface {
  name = 'ProgressSummariesBackfill1796000000100';
  transaction = false;

  async up(queryRunner: QueryRunner): Promise<void> {
    const pending = (await queryRunner.query(
      `SELECT sweep_id FROM progress_pending_sweeps ORDER BY sweep_id`,
    )) as { sweep_id: string }[];
    for (const { sweep_id: sweepId } of pending) {
      await queryRunner.startTransaction();
      try {
        // A sweep of a million inspections takes longer than the service's statement timeout.
        await queryRunner.query(`SET LOCAL statement_timeout = 0`);
        await queryRunner.query(`SELECT progress_rebuild_sweep($1)`, [sweepId]);
        await queryRunner.commitTransaction();
      } catch (error) {
        await queryRunner.rollbackTransaction();
        throw error;
      }
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      INSERT INTO progress_pending_sweeps (sweep_id) SELECT id FROM sweeps ON CONFLICT DO NOTHING`);
    await queryRunner.query(`TRUNCATE progress_distinct, progress_visits, progress_officer_days,
      progress_findings, progress_units`);
  }
}
