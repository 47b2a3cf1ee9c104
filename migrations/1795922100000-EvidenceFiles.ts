import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 证据文件: files that have arrived in the evidence store, and a GIN index to find the findings
 * that cite a file by SHA-256 (`evidence @> '[{"sha256": …}]'`) when it is uploaded or served.
 */
export class EvidenceFiles1795922100000 implements MigrationInterface {
  name = 'EvidenceFiles1795922100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "evidence_files" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "sha256" character(64) NOT NULL, "media_type" character varying(32) NOT NULL, "size_bytes" integer NOT NULL, "uploaded_by_id" uuid NOT NULL, "uploaded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_bfd442f998d0b03872c64de9630" UNIQUE ("sha256"), CONSTRAINT "evidence_files_size_check" CHECK (size_bytes > 0), CONSTRAINT "evidence_files_media_type_check" CHECK (media_type IN ('image/jpeg','image/png','image/heic','application/pdf')), CONSTRAINT "evidence_files_sha256_check" CHECK (sha256 ~ '^[0-9a-f]{64}$'), CONSTRAINT "PK_f8d1a9a8e0430b749e2f4694460" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "evidence_files" ADD CONSTRAINT "FK_f4c8c98612d8a539b9a648c6d2f" FOREIGN KEY ("uploaded_by_id") REFERENCES "officers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `CREATE INDEX "findings_evidence_idx" ON "findings" USING gin ("evidence" jsonb_path_ops)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."findings_evidence_idx"`);
    await queryRunner.query(
      `ALTER TABLE "evidence_files" DROP CONSTRAINT "FK_f4c8c98612d8a539b9a648c6d2f"`,
    );
    await queryRunner.query(`DROP TABLE "evidence_files"`);
  }
}
