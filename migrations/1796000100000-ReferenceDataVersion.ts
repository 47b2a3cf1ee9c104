import { MigrationInterface, QueryRunner } from 'typeorm';

const REFERENCE_TABLES = ['target_categories', 'checklist_items', 'violation_types', 'legal_bases'];

/**
 * A version of the reference data (categories, checklists, violation types, legal bases), so the
 * service can keep them in memory and still see a change at once (issue 15): every statement that
 * changes one of those tables sets a new version in the same transaction, and the service compares
 * it with the version of its copy in a statement it sends anyway. The row is transactional (an
 * uncommitted change is not seen by others); the numbers come from a sequence, which a rollback
 * does not give back, so a version is never reused for other contents.
 */
export class ReferenceDataVersion1796000100000 implements MigrationInterface {
  name = 'ReferenceDataVersion1796000100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE SEQUENCE "reference_data_version_seq"`);
    await queryRunner.query(
      `CREATE TABLE "reference_data_version" (
         "singleton" boolean PRIMARY KEY DEFAULT true CONSTRAINT "reference_data_version_singleton_check" CHECK ("singleton"),
         "version" bigint NOT NULL)`,
    );
    await queryRunner.query(
      `INSERT INTO "reference_data_version" ("version") VALUES (nextval('reference_data_version_seq'))`,
    );
    await queryRunner.query(
      `CREATE FUNCTION "bump_reference_data_version"() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         UPDATE reference_data_version SET version = nextval('reference_data_version_seq');
         RETURN NULL;
       END $$`,
    );
    for (const table of REFERENCE_TABLES) {
      await queryRunner.query(
        `CREATE TRIGGER "${table}_reference_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "${table}"
         FOR EACH STATEMENT EXECUTE FUNCTION "bump_reference_data_version"()`,
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of REFERENCE_TABLES) {
      await queryRunner.query(`DROP TRIGGER "${table}_reference_version" ON "${table}"`);
    }
    await queryRunner.query(`DROP FUNCTION "bump_reference_data_version"()`);
    await queryRunner.query(`DROP TABLE "reference_data_version"`);
    await queryRunner.query(`DROP SEQUENCE "reference_data_version_seq"`);
  }
}
