import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the entities cannot express: part-of-name search indexes (pg_trgm), the pharmacist
 * registration index, and the append-only audit log enforced by the database itself.
 */
export class DatabaseGuarantees1795920700000 implements MigrationInterface {
  name = 'DatabaseGuarantees1795920700000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(
      `CREATE INDEX "premises_name_trgm_idx" ON "premises" USING gin ("name" gin_trgm_ops)`,
    );
    await queryRunner.query(
      `CREATE INDEX "premises_address_trgm_idx" ON "premises" USING gin ("address" gin_trgm_ops)`,
    );
    await queryRunner.query(
      `CREATE INDEX "premises_credit_code_trgm_idx" ON "premises" USING gin ("credit_code" gin_trgm_ops)`,
    );
    await queryRunner.query(
      `CREATE INDEX "premises_pharmacists_idx" ON "premises" USING gin ("pharmacist_registrations")`,
    );
    await queryRunner.query(`
      CREATE FUNCTION audit_events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER audit_events_no_update_delete BEFORE UPDATE OR DELETE ON "audit_events"
      FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change()`);
    await queryRunner.query(`
      CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON "audit_events"
      FOR EACH STATEMENT EXECUTE FUNCTION audit_events_refuse_change()`);
    await queryRunner.query(
      `REVOKE UPDATE, DELETE, TRUNCATE ON "audit_events" FROM PUBLIC, CURRENT_USER`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`GRANT UPDATE, DELETE, TRUNCATE ON "audit_events" TO CURRENT_USER`);
    await queryRunner.query(`DROP TRIGGER audit_events_no_truncate ON "audit_events"`);
    await queryRunner.query(`DROP TRIGGER audit_events_no_update_delete ON "audit_events"`);
    await queryRunner.query(`DROP FUNCTION audit_events_refuse_change()`);
    await queryRunner.query(`DROP INDEX "premises_pharmacists_idx"`);
    await queryRunner.query(`DROP INDEX "premises_credit_code_trgm_idx"`);
    await queryRunner.query(`DROP INDEX "premises_address_trgm_idx"`);
    await queryRunner.query(`DROP INDEX "premises_name_trgm_idx"`);
  }
}
