import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Compulsory measures (查封、扣押, 行政强制法 第九条), issue 19: generated from the entities and tidied.
 *
 * - `compulsory_measures`: one measure on a finding, with its decision document (决定书文号, unique),
 *   the head's approval (in an emergency at most a day after the decision, 第十九条: 24 hours), the
 *   two officers (第十八条), its status, the 30-day clock's stored due day, extension (at most 30
 *   days, 第二十五条), release (第二十八条) or disposal (第二十七条), and Σ of its list's values;
 * - `compulsory_measure_items`: the list (清单, 第二十四条), quantities positive, values two-decimal;
 * - `compulsory_measure_suspensions`: periods of testing, quarantine or expert opinion excluded
 *   from the clock (第二十五条第三款).
 * CHECK constraints keep the kinds, statuses, two officers, the extension's limit, the approval day
 * and the end columns of each status true whatever the service does.
 */
export class CompulsoryMeasures1796400000000 implements MigrationInterface {
  name = 'CompulsoryMeasures1796400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "compulsory_measure_items" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "measure_id" uuid NOT NULL, "position" integer NOT NULL, "product" character varying(200) NOT NULL, "specification" character varying(100), "lot" character varying(100), "quantity" numeric(14,3) NOT NULL, "unit" character varying(20) NOT NULL, "value" numeric(14,2) NOT NULL, "custody_place" character varying(200) NOT NULL, CONSTRAINT "compulsory_measure_items_value_check" CHECK (value >= 0), CONSTRAINT "compulsory_measure_items_quantity_check" CHECK (quantity > 0), CONSTRAINT "PK_49b4810c5b2ef3a0561e74bfc62" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "compulsory_measure_items_measure_idx" ON "compulsory_measure_items" ("measure_id", "position")`,
    );
    await queryRunner.query(
      `CREATE TABLE "compulsory_measures" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "finding_id" uuid NOT NULL, "sweep_id" uuid NOT NULL, "bureau_id" uuid NOT NULL, "premises_id" uuid NOT NULL, "category_id" uuid NOT NULL, "kind" character varying(8) NOT NULL, "decision_number" character varying(64) NOT NULL, "decided_on" date NOT NULL, "emergency" boolean NOT NULL DEFAULT false, "approved_by_id" uuid NOT NULL, "approved_on" date NOT NULL, "officer_ids" uuid array NOT NULL, "status" character varying(16) NOT NULL DEFAULT 'IN_FORCE', "version" integer NOT NULL DEFAULT '1', "items_value" numeric(14,2) NOT NULL, "due_on" date NOT NULL, "suspended_from" date, "extended_by" integer NOT NULL DEFAULT '0', "extended_on" date, "extension_reason" text, "extension_approved_by_id" uuid, "released_on" date, "release_reason" character varying(40), "disposed_on" date, "disposal" character varying(16), "disposal_case_id" uuid, "end_note" text, "created_by_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "compulsory_measures_approval_check" CHECK (approved_on <= decided_on + (CASE WHEN emergency THEN 1 ELSE 0 END)), CONSTRAINT "compulsory_measures_ended_check" CHECK ((status = 'RELEASED') = (released_on IS NOT NULL AND release_reason IS NOT NULL) AND (status = 'DISPOSED') = (disposed_on IS NOT NULL AND disposal IS NOT NULL)), CONSTRAINT "compulsory_measures_value_check" CHECK (items_value >= 0), CONSTRAINT "compulsory_measures_extension_check" CHECK (extended_by >= 0 AND extended_by <= 30), CONSTRAINT "compulsory_measures_officers_check" CHECK (cardinality(officer_ids) >= 2), CONSTRAINT "compulsory_measures_status_check" CHECK (status IN ('IN_FORCE','EXTENDED','RELEASED','DISPOSED')), CONSTRAINT "compulsory_measures_kind_check" CHECK (kind IN ('SEAL','SEIZE')), CONSTRAINT "PK_647cd2f35d87031fe395e9ad8a7" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "compulsory_measures_bureau_due_idx" ON "compulsory_measures" ("bureau_id", "due_on", "id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "compulsory_measures_finding_idx" ON "compulsory_measures" ("finding_id")`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "compulsory_measures_decision_number_key" ON "compulsory_measures" ("decision_number")`,
    );
    await queryRunner.query(
      `CREATE TABLE "compulsory_measure_suspensions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "measure_id" uuid NOT NULL, "reason" character varying(16) NOT NULL, "from" date NOT NULL, "to" date, "note" text, "officer_id" uuid NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "compulsory_measure_suspensions_period_check" CHECK ("to" IS NULL OR "to" >= "from"), CONSTRAINT "compulsory_measure_suspensions_reason_check" CHECK (reason IN ('TESTING','QUARANTINE','EXPERT_OPINION')), CONSTRAINT "PK_9625b693351f511267ee0867c17" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "compulsory_measure_suspensions_measure_idx" ON "compulsory_measure_suspensions" ("measure_id")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."compulsory_measure_suspensions_measure_idx"`);
    await queryRunner.query(`DROP TABLE "compulsory_measure_suspensions"`);
    await queryRunner.query(`DROP INDEX "public"."compulsory_measures_decision_number_key"`);
    await queryRunner.query(`DROP INDEX "public"."compulsory_measures_finding_idx"`);
    await queryRunner.query(`DROP INDEX "public"."compulsory_measures_bureau_due_idx"`);
    await queryRunner.query(`DROP TABLE "compulsory_measures"`);
    await queryRunner.query(`DROP INDEX "public"."compulsory_measure_items_measure_idx"`);
    await queryRunner.query(`DROP TABLE "compulsory_measure_items"`);
  }
}
