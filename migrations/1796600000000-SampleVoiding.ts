import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 19, follow-up: voiding a sample recorded in error (作废: on the wrong inspection, or
 * twice), as inspections are voided. `samples` gains `voided`, `void_reason`, `voided_at` and
 * `voided_by_id` (the head who voided it; RESTRICT, as every officer reference of a record of law),
 * and `samples_void_check` keeps the four together: a voided sample says why, when and by whom, a
 * sample in force carries none of them. Existing rows are in force (`voided` false, the rest null).
 * Generated from the entity, then tidied by hand.
 */
export class SampleVoiding1796600000000 implements MigrationInterface {
  name = 'SampleVoiding1796600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE "samples"
        ADD "voided" boolean NOT NULL DEFAULT false,
        ADD "void_reason" character varying(500),
        ADD "voided_at" TIMESTAMP WITH TIME ZONE,
        ADD "voided_by_id" uuid,
        ADD CONSTRAINT "samples_void_check" CHECK (voided = (void_reason IS NOT NULL AND voided_at IS NOT NULL AND voided_by_id IS NOT NULL)),
        ADD CONSTRAINT "samples_voided_by_fk" FOREIGN KEY ("voided_by_id")
          REFERENCES "officers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE "samples"
        DROP CONSTRAINT "samples_voided_by_fk",
        DROP CONSTRAINT "samples_void_check",
        DROP COLUMN "voided_by_id",
        DROP COLUMN "voided_at",
        DROP COLUMN "void_reason",
        DROP COLUMN "voided"`);
  }
}
