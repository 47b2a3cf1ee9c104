import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 法律依据 with the days they are in force, per checklist item and, as the default, per violation
 * type, so that a finding cites the law of its own day (the vaccine and drug laws changed on
 * 2019-12-01), and the mappings corrected:
 * - agricultural-input ledgers fall under 《农药管理条例》 (采购台账 第二十六条, 销售台账 第二十七条),
 *   enforced by 农业农村主管部门, not under 《食品安全法》;
 * - counterfeit vaccines: 《药品管理法》(2015) 第七十三条/第七十四条 (假药/劣药) until 2019-11-30, then
 *   《疫苗管理法》第八十条; seed: 《种子法》(假、劣种子), enforced by 农业农村主管部门; fertiliser stays
 *   under 《产品质量法》第五十条;
 * - selling an exposed product has no basis of its own: it depends on the product's actual defect;
 * - selling prescription drugs without a prescription is its own violation type, not
 *   PHARMACIST_ABSENT.
 * Before 2019-12-01 the GSP obligations (执业药师在岗, 挂证) were punished under 《药品管理法》(2015)
 * 第七十八条, from then under 第一百二十六条; cold chain under 《疫苗流通和预防接种管理条例》(2016)
 * 第六十五条, from then 《疫苗管理法》第八十五条. Where this migration names no article (vaccine
 * records before 2019-12-01, the seed law's penalty articles after its 2021 amendment) the legal
 * office has yet to confirm one.
 */
const FOOD_SAFETY_LAW = '2015-10-01';
const DRUG_LAW_2019 = '2019-12-01';
const PESTICIDE_REGULATION = '2017-06-01';
const AGRICULTURE = '农业农村主管部门';

/** [checklist item, violation type, basis, authority, valid from, valid until]. */
const BASES: [string | null, string | null, string, string | null, string, string | null][] = [
  [null, 'UNLICENSED_PRODUCTION', '《食品安全法》第一百二十二条', null, FOOD_SAFETY_LAW, null],
  [null, 'ADDITIVE_MISUSE', '《食品安全法》第一百二十四条', null, FOOD_SAFETY_LAW, null],
  [null, 'POOR_HYGIENE', '《食品安全法》第一百二十六条', null, FOOD_SAFETY_LAW, null],
  [null, 'THREE_NO_PRODUCTS', '《食品安全法》第一百二十五条', null, FOOD_SAFETY_LAW, null],
  [null, 'EXPIRED_FOOD', '《食品安全法》第一百二十四条', null, FOOD_SAFETY_LAW, null],
  [
    null,
    'EXPOSED_PRODUCT_ON_SALE',
    '依被曝光产品的实际问题认定（如超范围超限量使用食品添加剂适用《食品安全法》第一百二十四条，标签不符合规定适用第一百二十五条）',
    null,
    FOOD_SAFETY_LAW,
    null,
  ],
  [null, 'NO_PURCHASE_LEDGER', '《食品安全法》第一百二十六条', null, FOOD_SAFETY_LAW, null],
  [
    null,
    'PHARMACIST_ABSENT',
    '《药品管理法》（2015年修正）第七十八条',
    null,
    '2015-04-24',
    '2019-11-30',
  ],
  [null, 'PHARMACIST_ABSENT', '《药品管理法》第一百二十六条', null, DRUG_LAW_2019, null],
  [
    null,
    'CERTIFICATE_RENTING',
    '《药品管理法》（2015年修正）第七十八条',
    null,
    '2015-04-24',
    '2019-11-30',
  ],
  [null, 'CERTIFICATE_RENTING', '《药品管理法》第一百二十六条', null, DRUG_LAW_2019, null],
  [
    null,
    'PRESCRIPTION_DRUG_WITHOUT_PRESCRIPTION',
    '《药品流通监督管理办法》第三十八条',
    null,
    '2007-05-01',
    '2019-11-30',
  ],
  [
    null,
    'PRESCRIPTION_DRUG_WITHOUT_PRESCRIPTION',
    '《药品管理法》第一百二十六条',
    null,
    DRUG_LAW_2019,
    null,
  ],
  [
    null,
    'COLD_CHAIN_BREACH',
    '《疫苗流通和预防接种管理条例》（2016年修订）第六十五条',
    null,
    '2016-04-23',
    '2019-11-30',
  ],
  [null, 'COLD_CHAIN_BREACH', '《疫苗管理法》第八十五条', null, DRUG_LAW_2019, null],
  [
    null,
    'VACCINE_RECORDS_INCOMPLETE',
    '《疫苗流通和预防接种管理条例》（2016年修订）',
    null,
    '2016-04-23',
    '2019-11-30',
  ],
  [null, 'VACCINE_RECORDS_INCOMPLETE', '《疫苗管理法》第八十六条', null, DRUG_LAW_2019, null],
  [null, 'BANNED_PESTICIDE', '《农药管理条例》第五十五条', AGRICULTURE, PESTICIDE_REGULATION, null],
  [null, 'COUNTERFEIT', '《产品质量法》第五十条', null, '2000-09-01', null],
  [
    'AGR-02',
    null,
    '《农药管理条例》第二十六条、第二十七条（农药采购台账、销售台账）',
    AGRICULTURE,
    PESTICIDE_REGULATION,
    null,
  ],
  [
    'VAC-03',
    null,
    '《药品管理法》（2015年修正）第七十三条、第七十四条（假药、劣药）',
    null,
    '2015-04-24',
    '2019-11-30',
  ],
  ['VAC-03', null, '《疫苗管理法》第八十条', null, DRUG_LAW_2019, null],
  [
    'AGR-03',
    null,
    '种子：《种子法》（2015年修订）第四十九条、第七十五条、第七十六条（假、劣种子），由农业农村主管部门查处；化肥：《产品质量法》第五十条',
    null,
    '2016-01-01',
    '2022-02-28',
  ],
  [
    'AGR-03',
    null,
    '种子：《种子法》（2021年修正）关于假、劣种子的规定，由农业农村主管部门查处；化肥：《产品质量法》第五十条',
    null,
    '2022-03-01',
    null,
  ],
];

export class LegalBases1795923320000 implements MigrationInterface {
  name = 'LegalBases1795923320000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "legal_bases" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "checklist_item_code" character varying(64), "violation_type_code" character varying(64), "basis" text NOT NULL, "authority" character varying(100), "valid_from" date NOT NULL, "valid_until" date, CONSTRAINT "legal_bases_validity_check" CHECK (valid_until IS NULL OR valid_until >= valid_from), CONSTRAINT "legal_bases_subject_check" CHECK (checklist_item_code IS NOT NULL OR violation_type_code IS NOT NULL), CONSTRAINT "PK_legal_bases" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "legal_bases_violation_type_idx" ON "legal_bases" ("violation_type_code") `,
    );
    await queryRunner.query(
      `CREATE INDEX "legal_bases_checklist_item_idx" ON "legal_bases" ("checklist_item_code") `,
    );
    await queryRunner.query(
      `INSERT INTO violation_types (code, name, default_severity, legal_basis)
       VALUES ('PRESCRIPTION_DRUG_WITHOUT_PRESCRIPTION', '处方药未凭处方销售', 'MAJOR', '《药品管理法》第一百二十六条')`,
    );
    await queryRunner.query(
      `UPDATE checklist_items SET fail_violation_type_code = 'PRESCRIPTION_DRUG_WITHOUT_PRESCRIPTION'
        WHERE code = 'PC-03'`,
    );
    await queryRunner.query(
      `UPDATE violation_types SET legal_basis = $1 WHERE code = 'EXPOSED_PRODUCT_ON_SALE'`,
      [BASES.find(([, type]) => type === 'EXPOSED_PRODUCT_ON_SALE')![2]],
    );
    for (const [item, type, basis, authority, from, until] of BASES) {
      await queryRunner.query(
        `INSERT INTO legal_bases (checklist_item_code, violation_type_code, basis, authority, valid_from, valid_until)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [item, type, basis, authority, from, until],
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "legal_bases"`);
    await queryRunner.query(
      `UPDATE violation_types SET legal_basis = '《食品安全法》第一百二十三条' WHERE code = 'EXPOSED_PRODUCT_ON_SALE'`,
    );
    await queryRunner.query(
      `UPDATE checklist_items SET fail_violation_type_code = 'PHARMACIST_ABSENT' WHERE code = 'PC-03'`,
    );
    // Refuses while findings of the new type exist, as it should.
    await queryRunner.query(
      `DELETE FROM violation_types WHERE code = 'PRESCRIPTION_DRUG_WITHOUT_PRESCRIPTION'`,
    );
  }
}
