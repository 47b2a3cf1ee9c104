import { MigrationInterface, QueryRunner } from 'typeorm';

/** 双随机抽查计划: stored draws of premises and officer pairs (issue 9). */
export class InspectionPlans1795922000000 implements MigrationInterface {
  name = 'InspectionPlans1795922000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "inspection_plans" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "sweep_id" uuid NOT NULL, "bureau_id" uuid NOT NULL, "category_id" uuid NOT NULL, "premises_count" integer NOT NULL, "seed" character varying(200) NOT NULL, "drawn_by_id" uuid NOT NULL, "drawn_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "inputs_fingerprint" character(64) NOT NULL, "algorithm" character varying(100) NOT NULL, CONSTRAINT "inspection_plans_premises_count_check" CHECK (premises_count BETWEEN 1 AND 500), CONSTRAINT "PK_8c16d2b43b2cf86be36c96a3094" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "inspection_plans_sweep_bureau_idx" ON "inspection_plans"  ("sweep_id", "bureau_id", "drawn_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "inspection_plan_visits" ("plan_id" uuid NOT NULL, "position" integer NOT NULL, "premises_id" uuid NOT NULL, "officer_ids" uuid array NOT NULL DEFAULT '{}', CONSTRAINT "PK_81aa44409ded68d6cc45e001e5e" PRIMARY KEY ("plan_id", "position"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "inspection_plan_visits_premises_idx" ON "inspection_plan_visits"  ("premises_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "inspection_plans" ADD CONSTRAINT "FK_65f51a8622dd3e294fb871d9cef" FOREIGN KEY ("sweep_id") REFERENCES "sweeps"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "inspection_plans" ADD CONSTRAINT "FK_2c6b8a5ebdb20ca3c3f3bd989e9" FOREIGN KEY ("bureau_id") REFERENCES "bureaus"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "inspection_plans" ADD CONSTRAINT "FK_a2c92d0971bbf48eda6608eef03" FOREIGN KEY ("category_id") REFERENCES "target_categories"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "inspection_plans" ADD CONSTRAINT "FK_e76f7d1a554502826d13abd9139" FOREIGN KEY ("drawn_by_id") REFERENCES "officers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "inspection_plan_visits" ADD CONSTRAINT "FK_617c3f2f439f61f4e7cc9563afc" FOREIGN KEY ("plan_id") REFERENCES "inspection_plans"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "inspection_plan_visits" ADD CONSTRAINT "FK_65aadf4898288e05d6b503fa223" FOREIGN KEY ("premises_id") REFERENCES "premises"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    // 一公开: a published plan is never rewritten; only a new draw makes a new plan.
    await queryRunner.query(`
      CREATE FUNCTION inspection_plans_refuse_update() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is never changed after the draw: UPDATE refused', TG_TABLE_NAME
          USING ERRCODE = 'insufficient_privilege';
      END $$`);
    for (const table of ['inspection_plans', 'inspection_plan_visits']) {
      await queryRunner.query(
        `CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON "${table}" FOR EACH ROW EXECUTE FUNCTION inspection_plans_refuse_update()`,
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['inspection_plan_visits', 'inspection_plans']) {
      await queryRunner.query(`DROP TRIGGER ${table}_no_update ON "${table}"`);
    }
    await queryRunner.query(`DROP FUNCTION inspection_plans_refuse_update()`);
    await queryRunner.query(
      `ALTER TABLE "inspection_plan_visits" DROP CONSTRAINT "FK_65aadf4898288e05d6b503fa223"`,
    );
    await queryRunner.query(
      `ALTER TABLE "inspection_plan_visits" DROP CONSTRAINT "FK_617c3f2f439f61f4e7cc9563afc"`,
    );
    await queryRunner.query(
      `ALTER TABLE "inspection_plans" DROP CONSTRAINT "FK_e76f7d1a554502826d13abd9139"`,
    );
    await queryRunner.query(
      `ALTER TABLE "inspection_plans" DROP CONSTRAINT "FK_a2c92d0971bbf48eda6608eef03"`,
    );
    await queryRunner.query(
      `ALTER TABLE "inspection_plans" DROP CONSTRAINT "FK_2c6b8a5ebdb20ca3c3f3bd989e9"`,
    );
    await queryRunner.query(
      `ALTER TABLE "inspection_plans" DROP CONSTRAINT "FK_65f51a8622dd3e294fb871d9cef"`,
    );
    await queryRunner.query(`DROP INDEX "public"."inspection_plan_visits_premises_idx"`);
    await queryRunner.query(`DROP TABLE "inspection_plan_visits"`);
    await queryRunner.query(`DROP INDEX "public"."inspection_plans_sweep_bureau_idx"`);
    await queryRunner.query(`DROP TABLE "inspection_plans"`);
  }
}
