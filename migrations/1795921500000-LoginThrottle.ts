import { MigrationInterface, QueryRunner } from 'typeorm';

export class LoginThrottle1795921500000 implements MigrationInterface {
  name = 'LoginThrottle1795921500000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "login_failures" ("id" BIGSERIAL NOT NULL, "certificate_number" character varying(64) NOT NULL, "client_address" character varying(64) NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_8211e8ec810fd7f976b98ce97a0" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "login_failures_certificate_address_idx" ON "login_failures"  ("certificate_number", "client_address", "at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "login_failures_address_idx" ON "login_failures"  ("client_address", "at") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."login_failures_address_idx"`);
    await queryRunner.query(`DROP INDEX "public"."login_failures_certificate_address_idx"`);
    await queryRunner.query(`DROP TABLE "login_failures"`);
  }
}
