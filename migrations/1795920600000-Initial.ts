import { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795920600000 implements MigrationInterface {
  name = 'Initial1795920600000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "audit_events" ("id" BIGSERIAL NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "actor_id" uuid, "action" character varying(64) NOT NULL, "entity_type" character varying(32) NOT NULL, "entity_id" uuid NOT NULL, "before" jsonb, "after" jsonb, "request_id" character varying(128), CONSTRAINT "PK_910f64d901a5c3e9878f0d4a407" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "audit_events_entity_idx" ON "audit_events"  ("entity_type", "entity_id", "id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "bureaus" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" character varying(32) NOT NULL, "name" character varying(100) NOT NULL, "kind" character varying(16) NOT NULL, "division_code" character(6) NOT NULL, "parent_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "bureaus_division_code_check" CHECK (division_code ~ '^[0-9]{6}$'), CONSTRAINT "bureaus_kind_check" CHECK (kind IN ('MUNICIPAL', 'SUB_BUREAU', 'COUNTY')), CONSTRAINT "PK_7248c38d3e1d140ab9880a17de9" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "bureaus_code_key" ON "bureaus"  ("code") `);
    await queryRunner.query(`CREATE INDEX "bureaus_parent_id_idx" ON "bureaus"  ("parent_id") `);
    await queryRunner.query(
      `CREATE TABLE "idempotency_records" ("officer_id" uuid NOT NULL, "key" uuid NOT NULL, "operation" character varying(64) NOT NULL, "fingerprint" character(64) NOT NULL, "result" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_3c5fbc357f5a325fb488f9593a7" PRIMARY KEY ("officer_id", "key"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idempotency_records_created_at_idx" ON "idempotency_records"  ("created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "violation_types" ("code" character varying(64) NOT NULL, "name" character varying(100) NOT NULL, "default_severity" character varying(16) NOT NULL, "legal_basis" text NOT NULL, CONSTRAINT "violation_types_default_severity_check" CHECK (default_severity IN ('MINOR', 'MAJOR', 'CRITICAL')), CONSTRAINT "PK_058b0cbd60896d80f091f2e8544" PRIMARY KEY ("code"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "checklist_items" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "category_id" uuid NOT NULL, "code" character varying(64) NOT NULL, "question" text NOT NULL, "fail_violation_type_code" character varying(64) NOT NULL, "position" integer NOT NULL, CONSTRAINT "PK_bae00945a1d4789bd648e583e29" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "checklist_items_category_code_key" ON "checklist_items"  ("category_id", "code") `,
    );
    await queryRunner.query(
      `CREATE TABLE "target_categories" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" character varying(64) NOT NULL, "name" character varying(100) NOT NULL, "premises_kinds" character varying array NOT NULL, CONSTRAINT "PK_3b0b061e2623e3a481e70bb5934" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "target_categories_code_key" ON "target_categories"  ("code") `,
    );
    await queryRunner.query(
      `CREATE TABLE "exposures" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "title" character varying(200) NOT NULL, "source" character varying(32) NOT NULL, "exposed_on" date NOT NULL, "summary" text, "reference" character varying(500), "involves_jurisdiction" boolean NOT NULL, "created_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "exposures_source_check" CHECK (source IN ('CCTV_315_GALA','SAMR_NOTICE','REGIONAL_NOTICE','MEDIA','COMPLAINT','OTHER')), CONSTRAINT "PK_eac8f31265a22dca97b1304850f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "exposed_products" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "exposure_id" uuid NOT NULL, "brand" character varying(100), "product_name" character varying(200) NOT NULL, "manufacturer" character varying(200), "batch" character varying(100), CONSTRAINT "PK_a0a1bbf7263bb3be7889bcbf3b6" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "exposed_products_exposure_id_idx" ON "exposed_products"  ("exposure_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "premises" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(200) NOT NULL, "kind" character varying(32) NOT NULL, "bureau_id" uuid NOT NULL, "address" character varying(300) NOT NULL, "latitude" double precision, "longitude" double precision, "credit_code" character varying(18), "licences" jsonb NOT NULL DEFAULT '[]', "risk_level" character(1), "pharmacist_registrations" character varying array NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "premises_credit_code_check" CHECK (credit_code ~ '^[0-9A-HJ-NPQRTUWXY]{18}$'), CONSTRAINT "premises_risk_level_check" CHECK (risk_level IN ('A','B','C','D')), CONSTRAINT "premises_kind_check" CHECK (kind IN ('FOOD_PRODUCER','FOOD_WORKSHOP','FOOD_RETAILER','CATERING','SCHOOL_CANTEEN','CAMPUS_SHOP','PHARMACY','VACCINATION_SITE','VACCINE_DISTRIBUTOR','AGRI_INPUT_DEALER','OTHER')), CONSTRAINT "PK_3dee03a72594bf5a68ff3f7c933" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "premises_credit_code_key" ON "premises"  ("credit_code") `,
    );
    await queryRunner.query(
      `CREATE INDEX "premises_bureau_name_idx" ON "premises"  ("bureau_id", "name", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "premises_name_address_idx" ON "premises"  ("name", "address") `,
    );
    await queryRunner.query(
      `CREATE TABLE "sweeps" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" character varying(64) NOT NULL, "title" character varying(200) NOT NULL, "directive" character varying(200), "lead_bureau_id" uuid NOT NULL, "status" character varying(16) NOT NULL DEFAULT 'DRAFT', "start_date" date NOT NULL, "end_date" date NOT NULL, "created_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "activated_at" TIMESTAMP WITH TIME ZONE, "closed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "sweeps_dates_check" CHECK (end_date >= start_date), CONSTRAINT "sweeps_status_check" CHECK (status IN ('DRAFT','ACTIVE','CLOSED')), CONSTRAINT "PK_07c638010e068c3d9759020a31a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "sweeps_code_key" ON "sweeps"  ("code") `);
    await queryRunner.query(
      `CREATE TABLE "inspections" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "sweep_id" uuid NOT NULL, "category_id" uuid NOT NULL, "premises_id" uuid NOT NULL, "bureau_id" uuid NOT NULL, "officer_ids" uuid array NOT NULL, "recorded_by_id" uuid NOT NULL, "inspected_at" TIMESTAMP WITH TIME ZONE NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "outcome" character varying(20) NOT NULL, "checklist" jsonb NOT NULL DEFAULT '[]', "notes" text, "voided" boolean NOT NULL DEFAULT false, "void_reason" text, "voided_at" TIMESTAMP WITH TIME ZONE, "voided_by_id" uuid, CONSTRAINT "inspections_void_check" CHECK (voided = (void_reason IS NOT NULL)), CONSTRAINT "inspections_officer_ids_check" CHECK (cardinality(officer_ids) >= 2), CONSTRAINT "inspections_outcome_check" CHECK (outcome IN ('COMPLIANT','ISSUES_FOUND','PREMISES_CLOSED','REFUSED_ENTRY')), CONSTRAINT "PK_a484980015782324454d8c88abe" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "inspections_premises_inspected_idx" ON "inspections"  ("premises_id", "inspected_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "inspections_sweep_bureau_idx" ON "inspections"  ("sweep_id", "bureau_id", "category_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "findings" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "inspection_id" uuid NOT NULL, "sweep_id" uuid NOT NULL, "bureau_id" uuid NOT NULL, "premises_id" uuid NOT NULL, "category_id" uuid NOT NULL, "violation_type_code" character varying(64) NOT NULL, "severity" character varying(16) NOT NULL, "description" text NOT NULL, "exposed_product_id" uuid, "goods_quantity" numeric(14,3), "goods_unit" character varying(20), "goods_value" numeric(14,2), "evidence" jsonb NOT NULL DEFAULT '[]', "status" character varying(16) NOT NULL DEFAULT 'OPEN', "version" integer NOT NULL DEFAULT '1', "found_on" date NOT NULL, "case_decision_due" date NOT NULL, "rectification_deadline" date, "rectification_ordered" boolean NOT NULL DEFAULT false, "case_number" character varying(64), "case_filed_on" date, "penalty_decision_due" date, "decision_number" character varying(64), "decided_on" date, "fine" numeric(14,2), "confiscation" numeric(14,2), "transferred_on" date, "closed_reason" text, "voided" boolean NOT NULL DEFAULT false, "carried_over" boolean NOT NULL DEFAULT false, "created_by_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "findings_goods_quantity_check" CHECK (goods_quantity IS NULL OR goods_quantity >= 0), CONSTRAINT "findings_money_check" CHECK (coalesce(goods_value, 0) >= 0 AND coalesce(fine, 0) >= 0 AND coalesce(confiscation, 0) >= 0), CONSTRAINT "findings_severity_check" CHECK (severity IN ('MINOR','MAJOR','CRITICAL')), CONSTRAINT "findings_status_check" CHECK (status IN ('OPEN','RECTIFYING','RESOLVED','CASE_FILED','PENALIZED','CLOSED','TRANSFERRED')), CONSTRAINT "PK_ae9807d6293c23c13ff8804d09c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "findings_bureau_status_idx" ON "findings"  ("bureau_id", "status", "created_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "findings_sweep_bureau_idx" ON "findings"  ("sweep_id", "bureau_id", "status") `,
    );
    await queryRunner.query(
      `CREATE INDEX "findings_inspection_id_idx" ON "findings"  ("inspection_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "follow_ups" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "finding_id" uuid NOT NULL, "action" character varying(32) NOT NULL, "from_status" character varying(16) NOT NULL, "to_status" character varying(16) NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "officer_id" uuid NOT NULL, "officer_ids" uuid array NOT NULL DEFAULT '{}', "due_date" date, "document_number" character varying(64), "fine" numeric(14,2), "confiscation" numeric(14,2), "note" text, CONSTRAINT "follow_ups_money_check" CHECK (coalesce(fine, 0) >= 0 AND coalesce(confiscation, 0) >= 0), CONSTRAINT "follow_ups_action_check" CHECK (action IN ('RECTIFICATION_ORDERED','REINSPECTION_PASSED','REINSPECTION_FAILED','CASE_FILED','PENALTY_DECIDED','TRANSFERRED_TO_POLICE','CLOSED')), CONSTRAINT "PK_d510aabdff2ec7fdc67a1092157" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "follow_ups_finding_id_idx" ON "follow_ups"  ("finding_id", "at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "officers" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(50) NOT NULL, "certificate_number" character varying(32) NOT NULL, "bureau_id" uuid NOT NULL, "roles" character varying array NOT NULL, "password_hash" character varying(255) NOT NULL, "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "officers_roles_check" CHECK (roles <@ ARRAY['INSPECTOR','SUPERVISOR','MANAGER','ADMIN']::varchar[] AND cardinality(roles) > 0), CONSTRAINT "PK_51b2f6e36c3acee541c66bf4047" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "officers_certificate_number_key" ON "officers"  ("certificate_number") `,
    );
    await queryRunner.query(`CREATE INDEX "officers_bureau_id_idx" ON "officers"  ("bureau_id") `);
    await queryRunner.query(
      `CREATE TABLE "calendar_exceptions" ("day" date NOT NULL, "working_day" boolean NOT NULL, "name" character varying(50) NOT NULL, CONSTRAINT "PK_2b68675d41edd2b03d4e6dc5248" PRIMARY KEY ("day"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "sweep_assignments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "sweep_id" uuid NOT NULL, "bureau_id" uuid NOT NULL, "category_id" uuid NOT NULL, "target" integer NOT NULL, CONSTRAINT "sweep_assignments_target_check" CHECK (target > 0), CONSTRAINT "PK_a6cc2508e12d0369e51c395f06a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "sweep_assignments_bureau_id_idx" ON "sweep_assignments"  ("bureau_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "sweep_assignments_sweep_bureau_category_key" ON "sweep_assignments"  ("sweep_id", "bureau_id", "category_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "exposure_categories" ("exposure_id" uuid NOT NULL, "category_id" uuid NOT NULL, CONSTRAINT "PK_4573ad8ba35f02cc933fd81992f" PRIMARY KEY ("exposure_id", "category_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_d8dd3019a8c450d4cf731c1066" ON "exposure_categories"  ("exposure_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_19098ca65704862aca0b62849d" ON "exposure_categories"  ("category_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "sweep_exposures" ("sweep_id" uuid NOT NULL, "exposure_id" uuid NOT NULL, CONSTRAINT "PK_463e56ee3c4893e312a2f7cad47" PRIMARY KEY ("sweep_id", "exposure_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_4d15b3979bf585d38660e6fb28" ON "sweep_exposures"  ("sweep_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_8af09224b931b2486555e85118" ON "sweep_exposures"  ("exposure_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "sweep_categories" ("sweep_id" uuid NOT NULL, "category_id" uuid NOT NULL, CONSTRAINT "PK_b78e95a04ad68a6c79d98cf2acf" PRIMARY KEY ("sweep_id", "category_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_0cf587b22a054192f3a253d6e1" ON "sweep_categories"  ("sweep_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_e7ea1d79978e3b8a2ea7180e0c" ON "sweep_categories"  ("category_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "bureaus" ADD CONSTRAINT "FK_74ae6816a126ede349f833dcbd2" FOREIGN KEY ("parent_id") REFERENCES "bureaus"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "checklist_items" ADD CONSTRAINT "FK_9f84f4a474e3e42c389ae6b0a62" FOREIGN KEY ("category_id") REFERENCES "target_categories"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "checklist_items" ADD CONSTRAINT "FK_383f7237903c1628e4ea2f5ebb5" FOREIGN KEY ("fail_violation_type_code") REFERENCES "violation_types"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "exposed_products" ADD CONSTRAINT "FK_a4a6573e0817fab3f96800935e8" FOREIGN KEY ("exposure_id") REFERENCES "exposures"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "premises" ADD CONSTRAINT "FK_ffca715317cbd5cba179b00c0a0" FOREIGN KEY ("bureau_id") REFERENCES "bureaus"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "sweeps" ADD CONSTRAINT "FK_19efd8e2b5357fe84c2940cddd4" FOREIGN KEY ("lead_bureau_id") REFERENCES "bureaus"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "inspections" ADD CONSTRAINT "FK_e86c34642279b5dd9c19634bb9a" FOREIGN KEY ("sweep_id") REFERENCES "sweeps"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "inspections" ADD CONSTRAINT "FK_5ebc497e3ea52a173bd3ff7c426" FOREIGN KEY ("category_id") REFERENCES "target_categories"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "inspections" ADD CONSTRAINT "FK_f408b41befda460c7344c5820f8" FOREIGN KEY ("premises_id") REFERENCES "premises"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "inspections" ADD CONSTRAINT "FK_3822bd89392b08a3cb954399177" FOREIGN KEY ("bureau_id") REFERENCES "bureaus"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "findings" ADD CONSTRAINT "FK_16631a786e93d0f142f069263ea" FOREIGN KEY ("inspection_id") REFERENCES "inspections"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "findings" ADD CONSTRAINT "FK_9218626a6454515fa042a85a763" FOREIGN KEY ("violation_type_code") REFERENCES "violation_types"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "findings" ADD CONSTRAINT "FK_350f7a010147fd8e397b0a47d0e" FOREIGN KEY ("exposed_product_id") REFERENCES "exposed_products"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "follow_ups" ADD CONSTRAINT "FK_436f38e456079d18b071052c8f0" FOREIGN KEY ("finding_id") REFERENCES "findings"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "officers" ADD CONSTRAINT "FK_cdf738df65f50c2b91b498a8499" FOREIGN KEY ("bureau_id") REFERENCES "bureaus"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "sweep_assignments" ADD CONSTRAINT "FK_a3edc102d98330f4524afd65354" FOREIGN KEY ("sweep_id") REFERENCES "sweeps"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "sweep_assignments" ADD CONSTRAINT "FK_ad4be96b7431c54537793534d7d" FOREIGN KEY ("bureau_id") REFERENCES "bureaus"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "sweep_assignments" ADD CONSTRAINT "FK_543d052b919efb1f7fb3c4012c7" FOREIGN KEY ("category_id") REFERENCES "target_categories"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "exposure_categories" ADD CONSTRAINT "FK_d8dd3019a8c450d4cf731c1066d" FOREIGN KEY ("exposure_id") REFERENCES "exposures"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "exposure_categories" ADD CONSTRAINT "FK_19098ca65704862aca0b62849d2" FOREIGN KEY ("category_id") REFERENCES "target_categories"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "sweep_exposures" ADD CONSTRAINT "FK_4d15b3979bf585d38660e6fb284" FOREIGN KEY ("sweep_id") REFERENCES "sweeps"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "sweep_exposures" ADD CONSTRAINT "FK_8af09224b931b2486555e85118c" FOREIGN KEY ("exposure_id") REFERENCES "exposures"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "sweep_categories" ADD CONSTRAINT "FK_0cf587b22a054192f3a253d6e15" FOREIGN KEY ("sweep_id") REFERENCES "sweeps"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "sweep_categories" ADD CONSTRAINT "FK_e7ea1d79978e3b8a2ea7180e0cb" FOREIGN KEY ("category_id") REFERENCES "target_categories"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "sweep_categories" DROP CONSTRAINT "FK_e7ea1d79978e3b8a2ea7180e0cb"`,
    );
    await queryRunner.query(
      `ALTER TABLE "sweep_categories" DROP CONSTRAINT "FK_0cf587b22a054192f3a253d6e15"`,
    );
    await queryRunner.query(
      `ALTER TABLE "sweep_exposures" DROP CONSTRAINT "FK_8af09224b931b2486555e85118c"`,
    );
    await queryRunner.query(
      `ALTER TABLE "sweep_exposures" DROP CONSTRAINT "FK_4d15b3979bf585d38660e6fb284"`,
    );
    await queryRunner.query(
      `ALTER TABLE "exposure_categories" DROP CONSTRAINT "FK_19098ca65704862aca0b62849d2"`,
    );
    await queryRunner.query(
      `ALTER TABLE "exposure_categories" DROP CONSTRAINT "FK_d8dd3019a8c450d4cf731c1066d"`,
    );
    await queryRunner.query(
      `ALTER TABLE "sweep_assignments" DROP CONSTRAINT "FK_543d052b919efb1f7fb3c4012c7"`,
    );
    await queryRunner.query(
      `ALTER TABLE "sweep_assignments" DROP CONSTRAINT "FK_ad4be96b7431c54537793534d7d"`,
    );
    await queryRunner.query(
      `ALTER TABLE "sweep_assignments" DROP CONSTRAINT "FK_a3edc102d98330f4524afd65354"`,
    );
    await queryRunner.query(
      `ALTER TABLE "officers" DROP CONSTRAINT "FK_cdf738df65f50c2b91b498a8499"`,
    );
    await queryRunner.query(
      `ALTER TABLE "follow_ups" DROP CONSTRAINT "FK_436f38e456079d18b071052c8f0"`,
    );
    await queryRunner.query(
      `ALTER TABLE "findings" DROP CONSTRAINT "FK_350f7a010147fd8e397b0a47d0e"`,
    );
    await queryRunner.query(
      `ALTER TABLE "findings" DROP CONSTRAINT "FK_9218626a6454515fa042a85a763"`,
    );
    await queryRunner.query(
      `ALTER TABLE "findings" DROP CONSTRAINT "FK_16631a786e93d0f142f069263ea"`,
    );
    await queryRunner.query(
      `ALTER TABLE "inspections" DROP CONSTRAINT "FK_3822bd89392b08a3cb954399177"`,
    );
    await queryRunner.query(
      `ALTER TABLE "inspections" DROP CONSTRAINT "FK_f408b41befda460c7344c5820f8"`,
    );
    await queryRunner.query(
      `ALTER TABLE "inspections" DROP CONSTRAINT "FK_5ebc497e3ea52a173bd3ff7c426"`,
    );
    await queryRunner.query(
      `ALTER TABLE "inspections" DROP CONSTRAINT "FK_e86c34642279b5dd9c19634bb9a"`,
    );
    await queryRunner.query(
      `ALTER TABLE "sweeps" DROP CONSTRAINT "FK_19efd8e2b5357fe84c2940cddd4"`,
    );
    await queryRunner.query(
      `ALTER TABLE "premises" DROP CONSTRAINT "FK_ffca715317cbd5cba179b00c0a0"`,
    );
    await queryRunner.query(
      `ALTER TABLE "exposed_products" DROP CONSTRAINT "FK_a4a6573e0817fab3f96800935e8"`,
    );
    await queryRunner.query(
      `ALTER TABLE "checklist_items" DROP CONSTRAINT "FK_383f7237903c1628e4ea2f5ebb5"`,
    );
    await queryRunner.query(
      `ALTER TABLE "checklist_items" DROP CONSTRAINT "FK_9f84f4a474e3e42c389ae6b0a62"`,
    );
    await queryRunner.query(
      `ALTER TABLE "bureaus" DROP CONSTRAINT "FK_74ae6816a126ede349f833dcbd2"`,
    );
    await queryRunner.query(`DROP INDEX "public"."IDX_e7ea1d79978e3b8a2ea7180e0c"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_0cf587b22a054192f3a253d6e1"`);
    await queryRunner.query(`DROP TABLE "sweep_categories"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_8af09224b931b2486555e85118"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_4d15b3979bf585d38660e6fb28"`);
    await queryRunner.query(`DROP TABLE "sweep_exposures"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_19098ca65704862aca0b62849d"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_d8dd3019a8c450d4cf731c1066"`);
    await queryRunner.query(`DROP TABLE "exposure_categories"`);
    await queryRunner.query(`DROP INDEX "public"."sweep_assignments_sweep_bureau_category_key"`);
    await queryRunner.query(`DROP INDEX "public"."sweep_assignments_bureau_id_idx"`);
    await queryRunner.query(`DROP TABLE "sweep_assignments"`);
    await queryRunner.query(`DROP TABLE "calendar_exceptions"`);
    await queryRunner.query(`DROP INDEX "public"."officers_bureau_id_idx"`);
    await queryRunner.query(`DROP INDEX "public"."officers_certificate_number_key"`);
    await queryRunner.query(`DROP TABLE "officers"`);
    await queryRunner.query(`DROP INDEX "public"."follow_ups_finding_id_idx"`);
    await queryRunner.query(`DROP TABLE "follow_ups"`);
    await queryRunner.query(`DROP INDEX "public"."findings_inspection_id_idx"`);
    await queryRunner.query(`DROP INDEX "public"."findings_sweep_bureau_idx"`);
    await queryRunner.query(`DROP INDEX "public"."findings_bureau_status_idx"`);
    await queryRunner.query(`DROP TABLE "findings"`);
    await queryRunner.query(`DROP INDEX "public"."inspections_sweep_bureau_idx"`);
    await queryRunner.query(`DROP INDEX "public"."inspections_premises_inspected_idx"`);
    await queryRunner.query(`DROP TABLE "inspections"`);
    await queryRunner.query(`DROP INDEX "public"."sweeps_code_key"`);
    await queryRunner.query(`DROP TABLE "sweeps"`);
    await queryRunner.query(`DROP INDEX "public"."premises_name_address_idx"`);
    await queryRunner.query(`DROP INDEX "public"."premises_bureau_name_idx"`);
    await queryRunner.query(`DROP INDEX "public"."premises_credit_code_key"`);
    await queryRunner.query(`DROP TABLE "premises"`);
    await queryRunner.query(`DROP INDEX "public"."exposed_products_exposure_id_idx"`);
    await queryRunner.query(`DROP TABLE "exposed_products"`);
    await queryRunner.query(`DROP TABLE "exposures"`);
    await queryRunner.query(`DROP INDEX "public"."target_categories_code_key"`);
    await queryRunner.query(`DROP TABLE "target_categories"`);
    await queryRunner.query(`DROP INDEX "public"."checklist_items_category_code_key"`);
    await queryRunner.query(`DROP TABLE "checklist_items"`);
    await queryRunner.query(`DROP TABLE "violation_types"`);
    await queryRunner.query(`DROP INDEX "public"."idempotency_records_created_at_idx"`);
    await queryRunner.query(`DROP TABLE "idempotency_records"`);
    await queryRunner.query(`DROP INDEX "public"."bureaus_parent_id_idx"`);
    await queryRunner.query(`DROP INDEX "public"."bureaus_code_key"`);
    await queryRunner.query(`DROP TABLE "bureaus"`);
    await queryRunner.query(`DROP INDEX "public"."audit_events_entity_idx"`);
    await queryRunner.query(`DROP TABLE "audit_events"`);
  }
}
