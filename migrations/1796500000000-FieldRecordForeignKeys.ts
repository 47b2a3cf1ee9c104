import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Foreign keys for the clue (投诉举报线索, 1796200000000) and compulsory-measure (查封、扣押,
 * 1796400000000) tables, which were created without any: every id column of theirs referenced
 * nothing, so the database would keep a clue of a bureau that does not exist or an item of no
 * measure. Records of law are never deleted by cascade (RESTRICT); only a measure's list and
 * suspensions and a clue's links go with their parent. Also at most one open suspension per
 * measure (`"to" IS NULL`), as the service allows only one at a time.
 *
 * Those two migrations have not landed anywhere before this one, so no existing row can miss its
 * referenced row and the constraints are added plainly.
 */
export class FieldRecordForeignKeys1796500000000 implements MigrationInterface {
  name = 'FieldRecordForeignKeys1796500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE "clues"
        ADD CONSTRAINT "clues_bureau_fk" FOREIGN KEY ("bureau_id")
          REFERENCES "bureaus"("id") ON DELETE RESTRICT,
        ADD CONSTRAINT "clues_premises_fk" FOREIGN KEY ("premises_id")
          REFERENCES "premises"("id") ON DELETE RESTRICT,
        ADD CONSTRAINT "clues_sweep_fk" FOREIGN KEY ("sweep_id")
          REFERENCES "sweeps"("id") ON DELETE RESTRICT,
        ADD CONSTRAINT "clues_category_fk" FOREIGN KEY ("category_id")
          REFERENCES "target_categories"("id") ON DELETE RESTRICT,
        ADD CONSTRAINT "clues_extension_approved_by_fk" FOREIGN KEY ("extension_approved_by_id")
          REFERENCES "officers"("id") ON DELETE RESTRICT,
        ADD CONSTRAINT "clues_decided_by_fk" FOREIGN KEY ("decided_by_id")
          REFERENCES "officers"("id") ON DELETE RESTRICT,
        ADD CONSTRAINT "clues_case_fk" FOREIGN KEY ("case_id")
          REFERENCES "cases"("id") ON DELETE RESTRICT,
        ADD CONSTRAINT "clues_finding_fk" FOREIGN KEY ("finding_id")
          REFERENCES "findings"("id") ON DELETE RESTRICT,
        ADD CONSTRAINT "clues_transferred_from_bureau_fk" FOREIGN KEY ("transferred_from_bureau_id")
          REFERENCES "bureaus"("id") ON DELETE RESTRICT,
        ADD CONSTRAINT "clues_created_by_fk" FOREIGN KEY ("created_by_id")
          REFERENCES "officers"("id") ON DELETE RESTRICT`);
    await queryRunner.query(`
      ALTER TABLE "clue_links"
        ADD CONSTRAINT "clue_links_clue_fk" FOREIGN KEY ("clue_id")
          REFERENCES "clues"("id") ON DELETE CASCADE,
        ADD CONSTRAINT "clue_links_inspection_fk" FOREIGN KEY ("inspection_id")
          REFERENCES "inspections"("id") ON DELETE RESTRICT,
        ADD CONSTRAINT "clue_links_finding_fk" FOREIGN KEY ("finding_id")
          REFERENCES "findings"("id") ON DELETE RESTRICT,
        ADD CONSTRAINT "clue_links_linked_by_fk" FOREIGN KEY ("linked_by_id")
          REFERENCES "officers"("id") ON DELETE RESTRICT`);
    await queryRunner.query(`
      ALTER TABLE "clue_number_counters"
        ADD CONSTRAINT "clue_number_counters_bureau_fk" FOREIGN KEY ("bureau_id")
          REFERENCES "bureaus"("id") ON DELETE RESTRICT`);
    await queryRunner.query(`
      ALTER TABLE "compulsory_measures"
        ADD CONSTRAINT "compulsory_measures_finding_fk" FOREIGN KEY ("finding_id")
          REFERENCES "findings"("id") ON DELETE RESTRICT,
        ADD CONSTRAINT "compulsory_measures_sweep_fk" FOREIGN KEY ("sweep_id")
          REFERENCES "sweeps"("id") ON DELETE RESTRICT,
        ADD CONSTRAINT "compulsory_measures_bureau_fk" FOREIGN KEY ("bureau_id")
          REFERENCES "bureaus"("id") ON DELETE RESTRICT,
        ADD CONSTRAINT "compulsory_measures_premises_fk" FOREIGN KEY ("premises_id")
          REFERENCES "premises"("id") ON DELETE RESTRICT,
        ADD CONSTRAINT "compulsory_measures_category_fk" FOREIGN KEY ("category_id")
          REFERENCES "target_categories"("id") ON DELETE RESTRICT,
        ADD CONSTRAINT "compulsory_measures_approved_by_fk" FOREIGN KEY ("approved_by_id")
          REFERENCES "officers"("id") ON DELETE RESTRICT,
        ADD CONSTRAINT "compulsory_measures_extension_approved_by_fk"
          FOREIGN KEY ("extension_approved_by_id") REFERENCES "officers"("id") ON DELETE RESTRICT,
        ADD CONSTRAINT "compulsory_measures_disposal_case_fk" FOREIGN KEY ("disposal_case_id")
          REFERENCES "cases"("id") ON DELETE RESTRICT,
        ADD CONSTRAINT "compulsory_measures_created_by_fk" FOREIGN KEY ("created_by_id")
          REFERENCES "officers"("id") ON DELETE RESTRICT`);
    await queryRunner.query(`
      ALTER TABLE "compulsory_measure_items"
        ADD CONSTRAINT "compulsory_measure_items_measure_fk" FOREIGN KEY ("measure_id")
          REFERENCES "compulsory_measures"("id") ON DELETE CASCADE`);
    await queryRunner.query(`
      ALTER TABLE "compulsory_measure_suspensions"
        ADD CONSTRAINT "compulsory_measure_suspensions_measure_fk" FOREIGN KEY ("measure_id")
          REFERENCES "compulsory_measures"("id") ON DELETE CASCADE,
        ADD CONSTRAINT "compulsory_measure_suspensions_officer_fk" FOREIGN KEY ("officer_id")
          REFERENCES "officers"("id") ON DELETE RESTRICT`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "compulsory_measure_suspensions_open_key" ON "compulsory_measure_suspensions" ("measure_id") WHERE "to" IS NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."compulsory_measure_suspensions_open_key"`);
    await queryRunner.query(`
      ALTER TABLE "compulsory_measure_suspensions"
        DROP CONSTRAINT "compulsory_measure_suspensions_officer_fk",
        DROP CONSTRAINT "compulsory_measure_suspensions_measure_fk"`);
    await queryRunner.query(`
      ALTER TABLE "compulsory_measure_items"
        DROP CONSTRAINT "compulsory_measure_items_measure_fk"`);
    await queryRunner.query(`
      ALTER TABLE "compulsory_measures"
        DROP CONSTRAINT "compulsory_measures_created_by_fk",
        DROP CONSTRAINT "compulsory_measures_disposal_case_fk",
        DROP CONSTRAINT "compulsory_measures_extension_approved_by_fk",
        DROP CONSTRAINT "compulsory_measures_approved_by_fk",
        DROP CONSTRAINT "compulsory_measures_category_fk",
        DROP CONSTRAINT "compulsory_measures_premises_fk",
        DROP CONSTRAINT "compulsory_measures_bureau_fk",
        DROP CONSTRAINT "compulsory_measures_sweep_fk",
        DROP CONSTRAINT "compulsory_measures_finding_fk"`);
    await queryRunner.query(`
      ALTER TABLE "clue_number_counters"
        DROP CONSTRAINT "clue_number_counters_bureau_fk"`);
    await queryRunner.query(`
      ALTER TABLE "clue_links"
        DROP CONSTRAINT "clue_links_linked_by_fk",
        DROP CONSTRAINT "clue_links_finding_fk",
        DROP CONSTRAINT "clue_links_inspection_fk",
        DROP CONSTRAINT "clue_links_clue_fk"`);
    await queryRunner.query(`
      ALTER TABLE "clues"
        DROP CONSTRAINT "clues_created_by_fk",
        DROP CONSTRAINT "clues_transferred_from_bureau_fk",
        DROP CONSTRAINT "clues_finding_fk",
        DROP CONSTRAINT "clues_case_fk",
        DROP CONSTRAINT "clues_decided_by_fk",
        DROP CONSTRAINT "clues_extension_approved_by_fk",
        DROP CONSTRAINT "clues_category_fk",
        DROP CONSTRAINT "clues_sweep_fk",
        DROP CONSTRAINT "clues_premises_fk",
        DROP CONSTRAINT "clues_bureau_fk"`);
  }
}
