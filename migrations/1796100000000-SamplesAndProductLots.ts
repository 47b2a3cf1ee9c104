import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 19, samples and product lots: `samples` (抽样检验 / 快检: a rapid test on site or a lab
 * test, its number unique per bureau, product lot, taken day, lab, report and result with the failed
 * items), the product lot (产品与批次) of a finding as jsonb with the formats that matter checked
 * (SC licence, 国药准字 approval number), the failed test a finding rests on (`findings.sample_id`)
 * and the lab test a TESTING suspension of a clock was taken for (`clock_suspensions.sample_id`).
 * Generated from the entities, then tidied by hand.
 */
export class SamplesAndProductLots1796100000000 implements MigrationInterface {
  name = 'SamplesAndProductLots1796100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "samples" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "inspection_id" uuid NOT NULL, "sweep_id" uuid NOT NULL, "bureau_id" uuid NOT NULL, "premises_id" uuid NOT NULL, "category_id" uuid NOT NULL, "method" character varying(16) NOT NULL, "sample_number" character varying(64) NOT NULL, "product" jsonb NOT NULL, "taken_on" date NOT NULL, "lab_name" character varying(200), "report_number" character varying(64), "reported_on" date, "result" character varying(8), "failed_items" jsonb NOT NULL DEFAULT '[]', "note" text, "version" integer NOT NULL DEFAULT '1', "recorded_by_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "samples_bureau_sample_number_key" UNIQUE ("bureau_id", "sample_number"), CONSTRAINT "samples_failed_items_check" CHECK (jsonb_typeof(failed_items) = 'array' AND (coalesce(result, '') = 'FAIL') = (jsonb_array_length(failed_items) > 0)), CONSTRAINT "samples_reported_on_check" CHECK (reported_on >= taken_on), CONSTRAINT "samples_rapid_result_check" CHECK (method <> 'RAPID_TEST' OR result IS NOT NULL), CONSTRAINT "samples_report_check" CHECK ((result IS NULL) = (reported_on IS NULL) AND (method <> 'LAB_TEST' OR (result IS NULL) = (report_number IS NULL))), CONSTRAINT "samples_lab_check" CHECK (method <> 'LAB_TEST' OR lab_name IS NOT NULL), CONSTRAINT "samples_product_check" CHECK (product IS NULL OR (jsonb_typeof(product) = 'object' AND (product ->> 'kind') IN ('FOOD','DRUG','VACCINE','AGRI_INPUT','OTHER') AND length(product ->> 'productName') > 0 AND coalesce(product ->> 'producerLicence', 'SC00000000000000') ~ '^SC[0-9]{14}$' AND coalesce(product ->> 'approvalNumber', '国药准字H00000000') ~ '^国药准字[HZSJBFT][0-9]{8}$')), CONSTRAINT "samples_result_check" CHECK (result IN ('PASS','FAIL')), CONSTRAINT "samples_method_check" CHECK (method IN ('RAPID_TEST','LAB_TEST')), CONSTRAINT "PK_d68b5b3bd25a6851b033fb63444" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "samples_bureau_taken_idx" ON "samples"  ("bureau_id", "taken_on", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "samples_taken_on_idx" ON "samples"  ("taken_on", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "samples_sweep_bureau_idx" ON "samples"  ("sweep_id", "bureau_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "samples_inspection_id_idx" ON "samples"  ("inspection_id") `,
    );
    await queryRunner.query(`ALTER TABLE "clock_suspensions" ADD "sample_id" uuid`);
    await queryRunner.query(`ALTER TABLE "findings" ADD "product" jsonb`);
    await queryRunner.query(`ALTER TABLE "findings" ADD "sample_id" uuid`);
    await queryRunner.query(
      `CREATE INDEX "clock_suspensions_sample_id_idx" ON "clock_suspensions"  ("sample_id") `,
    );
    await queryRunner.query(`CREATE INDEX "findings_sample_id_idx" ON "findings"  ("sample_id") `);
    await queryRunner.query(
      `ALTER TABLE "findings" ADD CONSTRAINT "findings_product_check" CHECK (product IS NULL OR (jsonb_typeof(product) = 'object' AND (product ->> 'kind') IN ('FOOD','DRUG','VACCINE','AGRI_INPUT','OTHER') AND length(product ->> 'productName') > 0 AND coalesce(product ->> 'producerLicence', 'SC00000000000000') ~ '^SC[0-9]{14}$' AND coalesce(product ->> 'approvalNumber', '国药准字H00000000') ~ '^国药准字[HZSJBFT][0-9]{8}$'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "samples" ADD CONSTRAINT "FK_ea6a1e35486714568309a3e3732" FOREIGN KEY ("inspection_id") REFERENCES "inspections"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "clock_suspensions" ADD CONSTRAINT "FK_3fd472eb9fff9fe09ae7fa14269" FOREIGN KEY ("sample_id") REFERENCES "samples"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "findings" ADD CONSTRAINT "FK_462052628245f5695ec933338bc" FOREIGN KEY ("sample_id") REFERENCES "samples"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "findings" DROP CONSTRAINT "FK_462052628245f5695ec933338bc"`,
    );
    await queryRunner.query(
      `ALTER TABLE "clock_suspensions" DROP CONSTRAINT "FK_3fd472eb9fff9fe09ae7fa14269"`,
    );
    await queryRunner.query(
      `ALTER TABLE "samples" DROP CONSTRAINT "FK_ea6a1e35486714568309a3e3732"`,
    );
    await queryRunner.query(`ALTER TABLE "findings" DROP CONSTRAINT "findings_product_check"`);
    await queryRunner.query(`DROP INDEX "public"."findings_sample_id_idx"`);
    await queryRunner.query(`DROP INDEX "public"."clock_suspensions_sample_id_idx"`);
    await queryRunner.query(`ALTER TABLE "findings" DROP COLUMN "sample_id"`);
    await queryRunner.query(`ALTER TABLE "findings" DROP COLUMN "product"`);
    await queryRunner.query(`ALTER TABLE "clock_suspensions" DROP COLUMN "sample_id"`);
    await queryRunner.query(`DROP INDEX "public"."samples_inspection_id_idx"`);
    await queryRunner.query(`DROP INDEX "public"."samples_sweep_bureau_idx"`);
    await queryRunner.query(`DROP INDEX "public"."samples_taken_on_idx"`);
    await queryRunner.query(`DROP INDEX "public"."samples_bureau_taken_idx"`);
    await queryRunner.query(`DROP TABLE "samples"`);
  }
}
