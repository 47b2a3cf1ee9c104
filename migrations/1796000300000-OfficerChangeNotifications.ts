import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every instance keeps the officers behind recent tokens for a short while (OfficerCache, issue
 * 15) and must hear at once when one changes: a deactivation, a password change or reset, a role
 * or bureau change. Each change of an officers row notifies `officer_changed` with the officer's
 * id, and each change of the bureau tree (which is every officer's jurisdiction) with `*`, in the
 * writing transaction, so the notification goes out when it commits.
 */
export class OfficerChangeNotifications1796000300000 implements MigrationInterface {
  name = 'OfficerChangeNotifications1796000300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION officers_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('officer_changed', OLD.id::text);
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER officers_notify_change AFTER UPDATE OR DELETE ON officers
        FOR EACH ROW EXECUTE FUNCTION officers_notify_change()`);
    await queryRunner.query(`
      CREATE FUNCTION bureaus_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('officer_changed', '*');
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER bureaus_notify_change AFTER INSERT OR UPDATE OR DELETE ON bureaus
        FOR EACH STATEMENT EXECUTE FUNCTION bureaus_notify_change()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER bureaus_notify_change ON bureaus`);
    await queryRunner.query(`DROP FUNCTION bureaus_notify_change()`);
    await queryRunner.query(`DROP TRIGGER officers_notify_change ON officers`);
    await queryRunner.query(`DROP FUNCTION officers_notify_change()`);
  }
}
