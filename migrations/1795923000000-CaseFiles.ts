import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Case files (案件) and the complete holiday table, for issue 13.
 *
 * - `cases`: what one 立案 covers (the findings of one premises), its decision, transfer,
 *   publication and closing; `case_steps`: the steps after the decision; `clock_suspensions`: the
 *   excluded periods of a case's clocks or of a finding's filing clock (docs/cases.md).
 * - `findings`: the two tracks (`rectification_status`; `filing_decision` and `case_id`), the
 *   filing clock's extension, NOT_FILED, and `due_on`, the nearest open deadline, indexed for the
 *   DUE_ON ordering of findings.
 * - `holiday_years`: the years the holiday table covers; the days of 2020–2025 from
 *   shared/reference/holidays-cn-2019-2025.csv (State Council notices 国办发明电…) beside the 2019
 *   and 2026 rows loaded earlier (the 2019 rows of that file are the same as those).
 * - Findings already filed get a case each (by case number), so older data keeps its meaning.
 */
export class CaseFiles1795923000000 implements MigrationInterface {
  name = 'CaseFiles1795923000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "case_steps" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "step" character varying(24) NOT NULL, "on" date NOT NULL, "amount" numeric(14,2), "note" text, "officer_id" uuid NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "case_steps_amount_check" CHECK (coalesce(amount, 0) >= 0), CONSTRAINT "case_steps_step_check" CHECK (step IN ('NOTIFIED','HEARING_REQUESTED','HEARING_HELD','SERVED','PAID','ENFORCEMENT_APPLIED')), CONSTRAINT "PK_a1a859c1512fde6f212afdb2e47" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "case_steps_case_id_idx" ON "case_steps"  ("case_id", "on") `,
    );
    await queryRunner.query(
      `CREATE TABLE "cases" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_number" character varying(64) NOT NULL, "bureau_id" uuid NOT NULL, "premises_id" uuid NOT NULL, "sweep_id" uuid NOT NULL, "status" character varying(16) NOT NULL, "status_before_transfer" character varying(16), "version" integer NOT NULL DEFAULT '1', "filed_on" date NOT NULL, "approved_by_id" uuid NOT NULL, "filing_started_on" date NOT NULL, "penalty_extended_by" integer NOT NULL DEFAULT '0', "penalty_extension_approved_by_id" uuid, "collective_discussion_on" date, "penalty_due_override" date, "decision_number" character varying(64), "decided_on" date, "outcome" character varying(16), "penalties" character varying(32) array NOT NULL DEFAULT '{}', "fine" numeric(14,2), "illegal_gains" numeric(14,2), "confiscated_goods_value" numeric(14,2), "mitigation_reason" text, "transfer_authority" character varying(32), "transfer_document_number" character varying(64), "transfer_reported_on" date, "transfer_approved_on" date, "transferred_on" date, "transfer_outcome" character varying(16), "transfer_outcome_on" date, "published_on" date, "publication_reference" character varying(200), "closed_on" date, "close_note" text, "next_due_on" date, "clock_dues" jsonb NOT NULL DEFAULT '{}', "created_by_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "cases_money_check" CHECK (coalesce(fine, 0) >= 0 AND coalesce(illegal_gains, 0) >= 0 AND coalesce(confiscated_goods_value, 0) >= 0), CONSTRAINT "cases_status_check" CHECK (status IN ('FILED','DECIDED','TRANSFERRED','CLOSED')), CONSTRAINT "PK_264acb3048c240fb89aa34626db" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "cases_premises_idx" ON "cases"  ("premises_id") `);
    await queryRunner.query(
      `CREATE INDEX "cases_bureau_next_due_idx" ON "cases"  ("bureau_id", "next_due_on", "id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "cases_case_number_key" ON "cases"  ("case_number") `,
    );
    await queryRunner.query(
      `CREATE TABLE "clock_suspensions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid, "finding_id" uuid, "reason" character varying(32) NOT NULL, "from" date NOT NULL, "to" date, "note" text, "officer_id" uuid NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "clock_suspensions_period_check" CHECK ("to" IS NULL OR "to" >= "from"), CONSTRAINT "clock_suspensions_owner_check" CHECK ((case_id IS NULL) <> (finding_id IS NULL)), CONSTRAINT "PK_c84eabc3d8673f34d84e4bf62ba" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "clock_suspensions_finding_id_idx" ON "clock_suspensions"  ("finding_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "clock_suspensions_case_id_idx" ON "clock_suspensions"  ("case_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "holiday_years" ("year" integer NOT NULL, "notice" character varying(64) NOT NULL, "loaded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_bf77de2c809b9150aa9b3fcc875" PRIMARY KEY ("year"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "findings" ADD "rectification_status" character varying(16) NOT NULL DEFAULT 'OPEN'`,
    );
    await queryRunner.query(`ALTER TABLE "findings" ADD "case_id" uuid`);
    await queryRunner.query(`ALTER TABLE "findings" ADD "filing_decision" character varying(16)`);
    await queryRunner.query(`ALTER TABLE "findings" ADD "decline_reason" character varying(32)`);
    await queryRunner.query(`ALTER TABLE "findings" ADD "decline_note" text`);
    await queryRunner.query(`ALTER TABLE "findings" ADD "filing_decided_on" date`);
    await queryRunner.query(`ALTER TABLE "findings" ADD "filing_approved_by_id" uuid`);
    await queryRunner.query(
      `ALTER TABLE "findings" ADD "filing_extended_by" integer NOT NULL DEFAULT '0'`,
    );
    await queryRunner.query(`ALTER TABLE "findings" ADD "filing_extension_approved_by_id" uuid`);
    await queryRunner.query(`ALTER TABLE "findings" ADD "due_on" date`);
    await queryRunner.query(`CREATE INDEX "findings_case_id_idx" ON "findings"  ("case_id") `);
    await queryRunner.query(
      `CREATE INDEX "findings_bureau_due_on_idx" ON "findings"  ("bureau_id", "due_on", "id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "findings" ADD CONSTRAINT "findings_filing_decision_check" CHECK (filing_decision IN ('FILED','DECLINED'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "findings" ADD CONSTRAINT "findings_rectification_status_check" CHECK (rectification_status IN ('OPEN','RECTIFYING','RESOLVED'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "findings" ADD CONSTRAINT "FK_f6fc3e6b9517223ab06dccffd27" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`ALTER TABLE "findings" DROP CONSTRAINT "findings_status_check"`);
    await queryRunner.query(
      `ALTER TABLE "findings" ADD CONSTRAINT "findings_status_check" CHECK (status IN ('OPEN','RECTIFYING','RESOLVED','CASE_FILED','PENALIZED','CLOSED','TRANSFERRED','NOT_FILED'))`,
    );
    for (const [day, workingDay, name] of HOLIDAYS_2020_2025) {
      await queryRunner.query(
        `INSERT INTO calendar_exceptions (day, working_day, name) VALUES ($1, $2, $3)`,
        [day, workingDay, workingDay ? `${name}调休` : name],
      );
    }
    for (const [year, notice] of HOLIDAY_YEARS) {
      await queryRunner.query(`INSERT INTO holiday_years (year, notice) VALUES ($1, $2)`, [
        year,
        notice,
      ]);
    }
    await backfill(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`UPDATE findings SET status = 'OPEN' WHERE status = 'NOT_FILED'`);
    await queryRunner.query(`ALTER TABLE "findings" DROP CONSTRAINT "findings_status_check"`);
    await queryRunner.query(
      `ALTER TABLE "findings" ADD CONSTRAINT "findings_status_check" CHECK (status IN ('OPEN','RECTIFYING','RESOLVED','CASE_FILED','PENALIZED','CLOSED','TRANSFERRED'))`,
    );
    await queryRunner.query(
      `DELETE FROM calendar_exceptions WHERE day BETWEEN '2020-01-01' AND '2025-12-31'`,
    );
    await queryRunner.query(
      `ALTER TABLE "findings" DROP CONSTRAINT "FK_f6fc3e6b9517223ab06dccffd27"`,
    );
    await queryRunner.query(
      `ALTER TABLE "findings" DROP CONSTRAINT "findings_rectification_status_check"`,
    );
    await queryRunner.query(
      `ALTER TABLE "findings" DROP CONSTRAINT "findings_filing_decision_check"`,
    );
    await queryRunner.query(`DROP INDEX "public"."findings_bureau_due_on_idx"`);
    await queryRunner.query(`DROP INDEX "public"."findings_case_id_idx"`);
    await queryRunner.query(`ALTER TABLE "findings" DROP COLUMN "due_on"`);
    await queryRunner.query(`ALTER TABLE "findings" DROP COLUMN "filing_extension_approved_by_id"`);
    await queryRunner.query(`ALTER TABLE "findings" DROP COLUMN "filing_extended_by"`);
    await queryRunner.query(`ALTER TABLE "findings" DROP COLUMN "filing_approved_by_id"`);
    await queryRunner.query(`ALTER TABLE "findings" DROP COLUMN "filing_decided_on"`);
    await queryRunner.query(`ALTER TABLE "findings" DROP COLUMN "decline_note"`);
    await queryRunner.query(`ALTER TABLE "findings" DROP COLUMN "decline_reason"`);
    await queryRunner.query(`ALTER TABLE "findings" DROP COLUMN "filing_decision"`);
    await queryRunner.query(`ALTER TABLE "findings" DROP COLUMN "case_id"`);
    await queryRunner.query(`ALTER TABLE "findings" DROP COLUMN "rectification_status"`);
    await queryRunner.query(`DROP TABLE "holiday_years"`);
    await queryRunner.query(`DROP INDEX "public"."clock_suspensions_case_id_idx"`);
    await queryRunner.query(`DROP INDEX "public"."clock_suspensions_finding_id_idx"`);
    await queryRunner.query(`DROP TABLE "clock_suspensions"`);
    await queryRunner.query(`DROP INDEX "public"."cases_case_number_key"`);
    await queryRunner.query(`DROP INDEX "public"."cases_bureau_next_due_idx"`);
    await queryRunner.query(`DROP INDEX "public"."cases_premises_idx"`);
    await queryRunner.query(`DROP TABLE "cases"`);
    await queryRunner.query(`DROP INDEX "public"."case_steps_case_id_idx"`);
    await queryRunner.query(`DROP TABLE "case_steps"`);
  }
}

/**
 * Findings filed under the single-track model: one case per case number (the first finding's
 * premises, bureau and sweep), its status from the finding's, approved by whoever filed it; the
 * rectification track from the rectification follow-ups; `due_on` the nearest open deadline.
 */
async function backfill(queryRunner: QueryRunner): Promise<void> {
  await queryRunner.query(`
    INSERT INTO cases (case_number, bureau_id, premises_id, sweep_id, status, filed_on, approved_by_id,
                       filing_started_on, decision_number, decided_on, outcome, penalties, fine,
                       illegal_gains, transfer_authority, transferred_on, transfer_outcome,
                       status_before_transfer, closed_on, close_note, created_by_id)
    SELECT DISTINCT ON (f.case_number) f.case_number, f.bureau_id, f.premises_id, f.sweep_id,
           CASE f.status WHEN 'PENALIZED' THEN 'DECIDED' WHEN 'CLOSED' THEN 'CLOSED'
                         WHEN 'TRANSFERRED' THEN 'TRANSFERRED' ELSE 'FILED' END,
           coalesce(f.case_filed_on, f.found_on),
           coalesce((SELECT u.officer_id FROM follow_ups u WHERE u.finding_id = f.id
                      AND u.action = 'CASE_FILED' ORDER BY u.recorded_at LIMIT 1), f.created_by_id),
           f.found_on, f.decision_number, f.decided_on,
           CASE WHEN f.decided_on IS NOT NULL THEN 'PENALTY' END,
           CASE WHEN f.decided_on IS NULL THEN '{}'::varchar[]
                WHEN coalesce(f.confiscation, 0) > 0 THEN ARRAY['FINE','CONFISCATE_ILLEGAL_GAINS']::varchar[]
                ELSE ARRAY['FINE']::varchar[] END,
           f.fine, f.confiscation,
           CASE WHEN f.status = 'TRANSFERRED' THEN 'POLICE' END, f.transferred_on,
           CASE WHEN f.status = 'TRANSFERRED' THEN 'PENDING' END,
           CASE WHEN f.status = 'TRANSFERRED' THEN 'FILED' END,
           CASE WHEN f.status = 'CLOSED' THEN (f.updated_at AT TIME ZONE 'Asia/Shanghai')::date END,
           f.closed_reason, f.created_by_id
    FROM findings f WHERE f.case_number IS NOT NULL
    ORDER BY f.case_number, f.created_at, f.id`);
  await queryRunner.query(`
    UPDATE findings f SET case_id = c.id, filing_decision = 'FILED', filing_decided_on = c.filed_on,
           filing_approved_by_id = c.approved_by_id
    FROM cases c WHERE c.case_number = f.case_number`);
  await queryRunner.query(`
    UPDATE findings f SET rectification_status = CASE
      WHEN f.status IN ('RECTIFYING', 'RESOLVED') THEN f.status
      WHEN EXISTS (SELECT 1 FROM follow_ups u WHERE u.finding_id = f.id AND u.action = 'REINSPECTION_PASSED') THEN 'RESOLVED'
      WHEN f.rectification_ordered THEN 'RECTIFYING'
      ELSE 'OPEN' END`);
  await queryRunner.query(`
    UPDATE findings f SET due_on = (SELECT min(d) FROM (VALUES
      (CASE WHEN f.rectification_status = 'RECTIFYING' THEN f.rectification_deadline END),
      (CASE WHEN f.filing_decision IS NULL AND f.status <> 'TRANSFERRED' THEN f.case_decision_due END),
      (CASE WHEN f.status = 'CASE_FILED' THEN f.penalty_decision_due END)) AS due(d))
    WHERE NOT f.voided`);
  await queryRunner.query(`
    UPDATE cases c SET next_due_on = c.filed_on + 90,
           clock_dues = jsonb_build_object('PENALTY_DECISION', to_char(c.filed_on + 90, 'YYYY-MM-DD'))
    WHERE c.status = 'FILED'`);
}

/** 2020–2025: [day, whether a make-up working day (调休上班), holiday]. */
const HOLIDAYS_2020_2025: [string, boolean, string][] = [
  ['2020-01-01', false, '元旦'],
  ['2020-01-19', true, '春节'],
  ['2020-01-24', false, '春节'],
  ['2020-01-25', false, '春节'],
  ['2020-01-26', false, '春节'],
  ['2020-01-27', false, '春节'],
  ['2020-01-28', false, '春节'],
  ['2020-01-29', false, '春节'],
  ['2020-01-30', false, '春节'],
  ['2020-01-31', false, '春节'],
  ['2020-02-01', false, '春节'],
  ['2020-02-02', false, '春节'],
  ['2020-04-04', false, '清明节'],
  ['2020-04-05', false, '清明节'],
  ['2020-04-06', false, '清明节'],
  ['2020-04-26', true, '劳动节'],
  ['2020-05-01', false, '劳动节'],
  ['2020-05-02', false, '劳动节'],
  ['2020-05-03', false, '劳动节'],
  ['2020-05-04', false, '劳动节'],
  ['2020-05-05', false, '劳动节'],
  ['2020-05-09', true, '劳动节'],
  ['2020-06-25', false, '端午节'],
  ['2020-06-26', false, '端午节'],
  ['2020-06-27', false, '端午节'],
  ['2020-06-28', true, '端午节'],
  ['2020-09-27', true, '国庆节、中秋节'],
  ['2020-10-01', false, '国庆节、中秋节'],
  ['2020-10-02', false, '国庆节、中秋节'],
  ['2020-10-03', false, '国庆节、中秋节'],
  ['2020-10-04', false, '国庆节、中秋节'],
  ['2020-10-05', false, '国庆节、中秋节'],
  ['2020-10-06', false, '国庆节、中秋节'],
  ['2020-10-07', false, '国庆节、中秋节'],
  ['2020-10-08', false, '国庆节、中秋节'],
  ['2020-10-10', true, '国庆节、中秋节'],
  ['2021-01-01', false, '元旦'],
  ['2021-01-02', false, '元旦'],
  ['2021-01-03', false, '元旦'],
  ['2021-02-07', true, '春节'],
  ['2021-02-11', false, '春节'],
  ['2021-02-12', false, '春节'],
  ['2021-02-13', false, '春节'],
  ['2021-02-14', false, '春节'],
  ['2021-02-15', false, '春节'],
  ['2021-02-16', false, '春节'],
  ['2021-02-17', false, '春节'],
  ['2021-02-20', true, '春节'],
  ['2021-04-03', false, '清明节'],
  ['2021-04-04', false, '清明节'],
  ['2021-04-05', false, '清明节'],
  ['2021-04-25', true, '劳动节'],
  ['2021-05-01', false, '劳动节'],
  ['2021-05-02', false, '劳动节'],
  ['2021-05-03', false, '劳动节'],
  ['2021-05-04', false, '劳动节'],
  ['2021-05-05', false, '劳动节'],
  ['2021-05-08', true, '劳动节'],
  ['2021-06-12', false, '端午节'],
  ['2021-06-13', false, '端午节'],
  ['2021-06-14', false, '端午节'],
  ['2021-09-18', true, '中秋节'],
  ['2021-09-19', false, '中秋节'],
  ['2021-09-20', false, '中秋节'],
  ['2021-09-21', false, '中秋节'],
  ['2021-09-26', true, '国庆节'],
  ['2021-10-01', false, '国庆节'],
  ['2021-10-02', false, '国庆节'],
  ['2021-10-03', false, '国庆节'],
  ['2021-10-04', false, '国庆节'],
  ['2021-10-05', false, '国庆节'],
  ['2021-10-06', false, '国庆节'],
  ['2021-10-07', false, '国庆节'],
  ['2021-10-09', true, '国庆节'],
  ['2022-01-01', false, '元旦'],
  ['2022-01-02', false, '元旦'],
  ['2022-01-03', false, '元旦'],
  ['2022-01-29', true, '春节'],
  ['2022-01-30', true, '春节'],
  ['2022-01-31', false, '春节'],
  ['2022-02-01', false, '春节'],
  ['2022-02-02', false, '春节'],
  ['2022-02-03', false, '春节'],
  ['2022-02-04', false, '春节'],
  ['2022-02-05', false, '春节'],
  ['2022-02-06', false, '春节'],
  ['2022-04-02', true, '清明节'],
  ['2022-04-03', false, '清明节'],
  ['2022-04-04', false, '清明节'],
  ['2022-04-05', false, '清明节'],
  ['2022-04-24', true, '劳动节'],
  ['2022-04-30', false, '劳动节'],
  ['2022-05-01', false, '劳动节'],
  ['2022-05-02', false, '劳动节'],
  ['2022-05-03', false, '劳动节'],
  ['2022-05-04', false, '劳动节'],
  ['2022-05-07', true, '劳动节'],
  ['2022-06-03', false, '端午节'],
  ['2022-06-04', false, '端午节'],
  ['2022-06-05', false, '端午节'],
  ['2022-09-10', false, '中秋节'],
  ['2022-09-11', false, '中秋节'],
  ['2022-09-12', false, '中秋节'],
  ['2022-10-01', false, '国庆节'],
  ['2022-10-02', false, '国庆节'],
  ['2022-10-03', false, '国庆节'],
  ['2022-10-04', false, '国庆节'],
  ['2022-10-05', false, '国庆节'],
  ['2022-10-06', false, '国庆节'],
  ['2022-10-07', false, '国庆节'],
  ['2022-10-08', true, '国庆节'],
  ['2022-10-09', true, '国庆节'],
  ['2022-12-31', false, '元旦'],
  ['2023-01-01', false, '元旦'],
  ['2023-01-02', false, '元旦'],
  ['2023-01-21', false, '春节'],
  ['2023-01-22', false, '春节'],
  ['2023-01-23', false, '春节'],
  ['2023-01-24', false, '春节'],
  ['2023-01-25', false, '春节'],
  ['2023-01-26', false, '春节'],
  ['2023-01-27', false, '春节'],
  ['2023-01-28', true, '春节'],
  ['2023-01-29', true, '春节'],
  ['2023-04-05', false, '清明节'],
  ['2023-04-23', true, '劳动节'],
  ['2023-04-29', false, '劳动节'],
  ['2023-04-30', false, '劳动节'],
  ['2023-05-01', false, '劳动节'],
  ['2023-05-02', false, '劳动节'],
  ['2023-05-03', false, '劳动节'],
  ['2023-05-06', true, '劳动节'],
  ['2023-06-22', false, '端午节'],
  ['2023-06-23', false, '端午节'],
  ['2023-06-24', false, '端午节'],
  ['2023-06-25', true, '端午节'],
  ['2023-09-29', false, '中秋节、国庆节'],
  ['2023-09-30', false, '中秋节、国庆节'],
  ['2023-10-01', false, '中秋节、国庆节'],
  ['2023-10-02', false, '中秋节、国庆节'],
  ['2023-10-03', false, '中秋节、国庆节'],
  ['2023-10-04', false, '中秋节、国庆节'],
  ['2023-10-05', false, '中秋节、国庆节'],
  ['2023-10-06', false, '中秋节、国庆节'],
  ['2023-10-07', true, '中秋节、国庆节'],
  ['2023-10-08', true, '中秋节、国庆节'],
  ['2023-12-30', false, '元旦'],
  ['2023-12-31', false, '元旦'],
  ['2024-01-01', false, '元旦'],
  ['2024-02-04', true, '春节'],
  ['2024-02-10', false, '春节'],
  ['2024-02-11', false, '春节'],
  ['2024-02-12', false, '春节'],
  ['2024-02-13', false, '春节'],
  ['2024-02-14', false, '春节'],
  ['2024-02-15', false, '春节'],
  ['2024-02-16', false, '春节'],
  ['2024-02-17', false, '春节'],
  ['2024-02-18', true, '春节'],
  ['2024-04-04', false, '清明节'],
  ['2024-04-05', false, '清明节'],
  ['2024-04-06', false, '清明节'],
  ['2024-04-07', true, '清明节'],
  ['2024-04-28', true, '劳动节'],
  ['2024-05-01', false, '劳动节'],
  ['2024-05-02', false, '劳动节'],
  ['2024-05-03', false, '劳动节'],
  ['2024-05-04', false, '劳动节'],
  ['2024-05-05', false, '劳动节'],
  ['2024-05-11', true, '劳动节'],
  ['2024-06-08', false, '端午节'],
  ['2024-06-09', false, '端午节'],
  ['2024-06-10', false, '端午节'],
  ['2024-09-14', true, '中秋节'],
  ['2024-09-15', false, '中秋节'],
  ['2024-09-16', false, '中秋节'],
  ['2024-09-17', false, '中秋节'],
  ['2024-09-29', true, '国庆节'],
  ['2024-10-01', false, '国庆节'],
  ['2024-10-02', false, '国庆节'],
  ['2024-10-03', false, '国庆节'],
  ['2024-10-04', false, '国庆节'],
  ['2024-10-05', false, '国庆节'],
  ['2024-10-06', false, '国庆节'],
  ['2024-10-07', false, '国庆节'],
  ['2024-10-12', true, '国庆节'],
  ['2025-01-01', false, '元旦'],
  ['2025-01-26', true, '春节'],
  ['2025-01-28', false, '春节'],
  ['2025-01-29', false, '春节'],
  ['2025-01-30', false, '春节'],
  ['2025-01-31', false, '春节'],
  ['2025-02-01', false, '春节'],
  ['2025-02-02', false, '春节'],
  ['2025-02-03', false, '春节'],
  ['2025-02-04', false, '春节'],
  ['2025-02-08', true, '春节'],
  ['2025-04-04', false, '清明节'],
  ['2025-04-05', false, '清明节'],
  ['2025-04-06', false, '清明节'],
  ['2025-04-27', true, '劳动节'],
  ['2025-05-01', false, '劳动节'],
  ['2025-05-02', false, '劳动节'],
  ['2025-05-03', false, '劳动节'],
  ['2025-05-04', false, '劳动节'],
  ['2025-05-05', false, '劳动节'],
  ['2025-05-31', false, '端午节'],
  ['2025-06-01', false, '端午节'],
  ['2025-06-02', false, '端午节'],
  ['2025-09-28', true, '国庆节、中秋节'],
  ['2025-10-01', false, '国庆节、中秋节'],
  ['2025-10-02', false, '国庆节、中秋节'],
  ['2025-10-03', false, '国庆节、中秋节'],
  ['2025-10-04', false, '国庆节、中秋节'],
  ['2025-10-05', false, '国庆节、中秋节'],
  ['2025-10-06', false, '国庆节、中秋节'],
  ['2025-10-07', false, '国庆节、中秋节'],
  ['2025-10-08', false, '国庆节、中秋节'],
  ['2025-10-11', true, '国庆节、中秋节'],
];

/** The years the holiday table covers, with their notices. */
const HOLIDAY_YEARS: [number, string][] = [
  [2019, '国办发明电〔2018〕15号、国办发明电〔2019〕3号'],
  [2020, '国办发明电〔2019〕16号'],
  [2021, '国办发明电〔2020〕27号'],
  [2022, '国办发明电〔2021〕11号、国办发明电〔2022〕16号'],
  [2023, '国办发明电〔2022〕16号、国办发明电〔2023〕7号'],
  [2024, '国办发明电〔2023〕7号'],
  [2025, '国办发明电〔2024〕12号'],
  [2026, '国办发明电〔2025〕7号'],
];
