import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the frontend's sorted lists need (issue 18):
 * - `premises.last_inspected_at`: the latest inspected_at of the premises' inspections that are
 *   not voided, kept by a trigger on inspections, so `premisesList(orderBy: LAST_INSPECTED_AT)` and
 *   `notInspectedSince` read one indexed column instead of aggregating inspections per row.
 *   Inserts only move it forward (GREATEST), so concurrent inspections of one premises cannot lose
 *   one another; voiding or moving an inspection recomputes it.
 * - indexes serving each order with its id tie-break, in both directions (backward paging scans
 *   them backwards): premises by name, by last inspection (never inspected sorts as 1970);
 *   findings (not voided) by creation and by the DUE_ON expression of findings.repository.ts
 *   (`findingDueOnSortSql`, which must stay identical to this index's expression).
 */
export class FrontendListOrders1795923900000 implements MigrationInterface {
  name = 'FrontendListOrders1795923900000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "premises" ADD "last_inspected_at" TIMESTAMP WITH TIME ZONE`,
    );
    await queryRunner.query(`
      UPDATE premises p SET last_inspected_at = latest.at
        FROM (SELECT premises_id, max(inspected_at) AS at FROM inspections
               WHERE NOT voided GROUP BY premises_id) latest
       WHERE latest.premises_id = p.id`);
    await queryRunner.query(`
      CREATE FUNCTION premises_last_inspected_refresh(target uuid) RETURNS void
      LANGUAGE sql AS $$
        UPDATE premises SET last_inspected_at =
          (SELECT max(inspected_at) FROM inspections WHERE premises_id = target AND NOT voided)
         WHERE id = target
      $$`);
    await queryRunner.query(`
      CREATE FUNCTION inspections_track_last_inspected() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          IF NOT NEW.voided THEN
            UPDATE premises
               SET last_inspected_at = GREATEST(last_inspected_at, NEW.inspected_at)
             WHERE id = NEW.premises_id
               AND (last_inspected_at IS NULL OR last_inspected_at < NEW.inspected_at);
          END IF;
          RETURN NULL;
        END IF;
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
          PERFORM premises_last_inspected_refresh(OLD.premises_id);
        END IF;
        IF TG_OP = 'UPDATE' AND NEW.premises_id <> OLD.premises_id THEN
          PERFORM premises_last_inspected_refresh(NEW.premises_id);
        END IF;
        RETURN NULL;
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER inspections_track_last_inspected
      AFTER INSERT OR DELETE OR UPDATE OF voided, inspected_at, premises_id ON inspections
      FOR EACH ROW EXECUTE FUNCTION inspections_track_last_inspected()`);
    await queryRunner.query(`CREATE INDEX "premises_name_id_idx" ON "premises" ("name", "id")`);
    await queryRunner.query(`
      CREATE INDEX "premises_last_inspected_idx" ON "premises"
        ((COALESCE(last_inspected_at, '1970-01-01T00:00:00Z'::timestamptz)), "id")`);
    await queryRunner.query(`
      CREATE INDEX "findings_created_id_idx" ON "findings" ("created_at", "id") WHERE NOT voided`);
    await queryRunner.query(`
      CREATE INDEX "findings_due_on_idx" ON "findings"
        ((COALESCE(due_on, '9999-12-31'::date)), "id")
        WHERE NOT voided`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "findings_due_on_idx"`);
    await queryRunner.query(`DROP INDEX "findings_created_id_idx"`);
    await queryRunner.query(`DROP INDEX "premises_last_inspected_idx"`);
    await queryRunner.query(`DROP INDEX "premises_name_id_idx"`);
    await queryRunner.query(`DROP TRIGGER inspections_track_last_inspected ON inspections`);
    await queryRunner.query(`DROP FUNCTION inspections_track_last_inspected()`);
    await queryRunner.query(`DROP FUNCTION premises_last_inspected_refresh(uuid)`);
    await queryRunner.query(`ALTER TABLE "premises" DROP COLUMN "last_inspected_at"`);
  }
}
