import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts and sign-in (issue 17): a token version per officer (a password change, a reset or a
 * deactivation ends every earlier token), certificate numbers unique whatever their case and
 * surrounding spaces, failures counted per certificate across addresses, and the signing secret
 * kept in the database when the environment gives none (every instance and restart shares it).
 */
export class AccountSecurity1795923600000 implements MigrationInterface {
  name = 'AccountSecurity1795923600000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "officers" ADD "token_version" integer NOT NULL DEFAULT 0`,
    );
    await queryRunner.query(`DROP INDEX "public"."officers_certificate_number_key"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "officers_certificate_number_key" ON "officers" (lower(btrim("certificate_number")))`,
    );
    await queryRunner.query(
      `CREATE INDEX "login_failures_certificate_idx" ON "login_failures" ("certificate_number", "at")`,
    );
    await queryRunner.query(
      `CREATE TABLE "server_secrets" ("name" character varying(64) NOT NULL, "value" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "server_secrets_pkey" PRIMARY KEY ("name"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "server_secrets"`);
    await queryRunner.query(`DROP INDEX "public"."login_failures_certificate_idx"`);
    await queryRunner.query(`DROP INDEX "public"."officers_certificate_number_key"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "officers_certificate_number_key" ON "officers" ("certificate_number")`,
    );
    await queryRunner.query(`ALTER TABLE "officers" DROP COLUMN "token_version"`);
  }
}
