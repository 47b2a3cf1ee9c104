import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Complaint and report clues (投诉举报线索, issue 19; docs/clues.md).
 *
 * - `clues`: the clue, its complainant or reporter (anonymous, or named: name and phone required;
 *   a complaint is never anonymous, 暂行办法 第九条), its moves' days and `due_on`, the nearest open
 *   clock's due day, indexed for the work queue. CHECKs back the statuses, kinds, sources, the
 *   transfer source's authority, the person columns and the days (none before receipt).
 * - `clue_links`: the inspections and findings a clue led to, one target per row, once each.
 * - `clue_number_counters`: the last number given per (bureau, year), counted out atomically.
 */
export class ClueRecords1796200000000 implements MigrationInterface {
  name = 'ClueRecords1796200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "clues" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "number" character varying(64) NOT NULL, "kind" character varying(16) NOT NULL, "source" character varying(16) NOT NULL, "source_authority" character varying(200), "received_on" date NOT NULL, "bureau_id" uuid NOT NULL, "premises_id" uuid, "sweep_id" uuid, "category_id" uuid, "content" text NOT NULL, "anonymous" boolean NOT NULL, "person_name" character varying(100), "person_phone" character varying(32), "person_id_number" character varying(18), "person_address" character varying(300), "status" character varying(16) NOT NULL, "version" integer NOT NULL DEFAULT '1', "accepted_on" date, "refused_on" date, "refusal_reason" text, "verification_extended_by" integer NOT NULL DEFAULT '0', "extension_approved_by_id" uuid, "decided_on" date, "decided_by_id" uuid, "case_id" uuid, "finding_id" uuid, "not_filed_reason" text, "informed_on" date, "inform_channel" character varying(16), "transferred_on" date, "transferred_to_authority" character varying(200), "transferred_from_bureau_id" uuid, "closed_on" date, "close_note" text, "due_on" date, "created_by_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "clues_extension_check" CHECK (verification_extended_by BETWEEN 0 AND 15), CONSTRAINT "clues_days_check" CHECK (greatest(accepted_on, refused_on, decided_on, transferred_on, closed_on, received_on) >= received_on AND least(accepted_on, refused_on, decided_on, transferred_on, closed_on, received_on) >= received_on AND (informed_on IS NULL OR informed_on >= decided_on)), CONSTRAINT "clues_category_check" CHECK (category_id IS NULL OR sweep_id IS NOT NULL), CONSTRAINT "clues_complaint_named_check" CHECK (kind = 'REPORT' OR NOT anonymous), CONSTRAINT "clues_person_check" CHECK ((anonymous AND person_name IS NULL AND person_phone IS NULL AND person_id_number IS NULL AND person_address IS NULL) OR (NOT anonymous AND person_name IS NOT NULL AND person_phone IS NOT NULL)), CONSTRAINT "clues_transfer_source_check" CHECK ((source = 'TRANSFER') = (source_authority IS NOT NULL)), CONSTRAINT "clues_status_check" CHECK (status IN ('RECEIVED','ACCEPTED','REFUSED','FILED','NOT_FILED','TRANSFERRED','CLOSED')), CONSTRAINT "clues_source_check" CHECK (source IN ('PLATFORM_12315','HOTLINE_12315','OTHER_HOTLINE','LETTER','VISIT','TRANSFER','SUPERVISION')), CONSTRAINT "clues_kind_check" CHECK (kind IN ('COMPLAINT','REPORT')), CONSTRAINT "PK_1e710973f491f1bf6ac448a600e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "clues_sweep_idx" ON "clues"  ("sweep_id", "bureau_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "clues_bureau_due_idx" ON "clues"  ("bureau_id", "due_on", "id") `,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "clues_number_key" ON "clues"  ("number") `);
    await queryRunner.query(
      `CREATE TABLE "clue_links" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "clue_id" uuid NOT NULL, "inspection_id" uuid, "finding_id" uuid, "linked_by_id" uuid NOT NULL, "linked_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "clue_links_target_check" CHECK ((inspection_id IS NULL) <> (finding_id IS NULL)), CONSTRAINT "PK_abcf9bb4af2195359c233ade60d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "clue_links_inspection_idx" ON "clue_links"  ("inspection_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "clue_links_clue_finding_key" ON "clue_links"  ("clue_id", "finding_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "clue_links_clue_inspection_key" ON "clue_links"  ("clue_id", "inspection_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "clue_number_counters" ("bureau_id" uuid NOT NULL, "year" integer NOT NULL, "last" integer NOT NULL, CONSTRAINT "PK_9c2873b1d010bd78c97bb22b59b" PRIMARY KEY ("bureau_id", "year"))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "clue_number_counters"`);
    await queryRunner.query(`DROP INDEX "public"."clue_links_clue_inspection_key"`);
    await queryRunner.query(`DROP INDEX "public"."clue_links_clue_finding_key"`);
    await queryRunner.query(`DROP INDEX "public"."clue_links_inspection_idx"`);
    await queryRunner.query(`DROP TABLE "clue_links"`);
    await queryRunner.query(`DROP INDEX "public"."clues_number_key"`);
    await queryRunner.query(`DROP INDEX "public"."clues_bureau_due_idx"`);
    await queryRunner.query(`DROP INDEX "public"."clues_sweep_idx"`);
    await queryRunner.query(`DROP TABLE "clues"`);
  }
}
