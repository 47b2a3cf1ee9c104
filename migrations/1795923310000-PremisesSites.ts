import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The credit code (统一社会信用代码) identifies the legal entity, not the premises: one entity may
 * have several sites (a school with two canteens, a pharmacy chain's shops). The code is unique
 * per premises no more, only together with the site's name, which is what the registry import
 * matches a row by; that index, led by the code, also serves look-ups by code.
 */
export class PremisesSites1795923310000 implements MigrationInterface {
  name = 'PremisesSites1795923310000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."premises_credit_code_key"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "premises_credit_code_name_key" ON "premises" ("credit_code", "name") `,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // Refuses, as it should, while an entity has several sites on record.
    await queryRunner.query(`DROP INDEX "public"."premises_credit_code_name_key"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "premises_credit_code_key" ON "premises" ("credit_code") `,
    );
  }
}
