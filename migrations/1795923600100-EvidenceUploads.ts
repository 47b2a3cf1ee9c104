import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Which findings each evidence file was uploaded for (issue 17, item 2). Files already stored
 * belong to the findings citing them that their uploader logged or was on the inspection of.
 */
export class EvidenceUploads1795923600100 implements MigrationInterface {
  name = 'EvidenceUploads1795923600100';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "evidence_uploads" ("evidence_file_id" uuid NOT NULL, "finding_id" uuid NOT NULL, "uploaded_by_id" uuid NOT NULL, "uploaded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "evidence_uploads_pkey" PRIMARY KEY ("evidence_file_id", "finding_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "evidence_uploads_finding_id_idx" ON "evidence_uploads"  ("finding_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "evidence_uploads" ADD CONSTRAINT "FK_a1e5393ca72ba177cc2bee00340" FOREIGN KEY ("evidence_file_id") REFERENCES "evidence_files"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "evidence_uploads" ADD CONSTRAINT "FK_e07e0749c647bd67a1e7f28e45f" FOREIGN KEY ("finding_id") REFERENCES "findings"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "evidence_uploads" ADD CONSTRAINT "FK_f9b9cf785aef1c26e7d456a5d36" FOREIGN KEY ("uploaded_by_id") REFERENCES "officers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `INSERT INTO "evidence_uploads" ("evidence_file_id", "finding_id", "uploaded_by_id", "uploaded_at")
       SELECT ef.id, f.id, ef.uploaded_by_id, ef.uploaded_at
       FROM evidence_files ef
       JOIN findings f ON f.evidence @> jsonb_build_array(jsonb_build_object('sha256', ef.sha256::text))
       JOIN inspections i ON i.id = f.inspection_id
       WHERE f.created_by_id = ef.uploaded_by_id OR ef.uploaded_by_id = ANY(i.officer_ids)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "evidence_uploads" DROP CONSTRAINT "FK_f9b9cf785aef1c26e7d456a5d36"`,
    );
    await queryRunner.query(
      `ALTER TABLE "evidence_uploads" DROP CONSTRAINT "FK_e07e0749c647bd67a1e7f28e45f"`,
    );
    await queryRunner.query(
      `ALTER TABLE "evidence_uploads" DROP CONSTRAINT "FK_a1e5393ca72ba177cc2bee00340"`,
    );
    await queryRunner.query(`DROP INDEX "public"."evidence_uploads_finding_id_idx"`);
    await queryRunner.query(`DROP TABLE "evidence_uploads"`);
  }
}
