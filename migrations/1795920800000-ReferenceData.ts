import { MigrationInterface, QueryRunner } from 'typeorm';

/** 问题类型: code, Chinese name, default severity, legal basis. */
const VIOLATION_TYPES: [string, string, string, string][] = [
  ['UNLICENSED_PRODUCTION', '无证生产', 'CRITICAL', '《食品安全法》第一百二十二条'],
  ['ADDITIVE_MISUSE', '超范围超限量使用食品添加剂', 'MAJOR', '《食品安全法》第一百二十四条'],
  ['POOR_HYGIENE', '生产环境不符合要求', 'MAJOR', '《食品安全法》第一百二十六条'],
  ['THREE_NO_PRODUCTS', '三无产品', 'MAJOR', '《食品安全法》第一百二十五条'],
  ['EXPIRED_FOOD', '销售超过保质期食品', 'MAJOR', '《食品安全法》第一百二十四条'],
  ['EXPOSED_PRODUCT_ON_SALE', '销售被曝光产品', 'CRITICAL', '《食品安全法》第一百二十三条'],
  ['PHARMACIST_ABSENT', '执业药师不在岗', 'MINOR', '《药品经营质量管理规范》第一百二十五条'],
  ['CERTIFICATE_RENTING', '执业药师挂证', 'MAJOR', '《药品管理法》第一百二十六条'],
  ['COLD_CHAIN_BREACH', '冷链不符合要求', 'CRITICAL', '《疫苗管理法》第八十五条'],
  ['VACCINE_RECORDS_INCOMPLETE', '疫苗记录不完整', 'MAJOR', '《疫苗管理法》第八十六条'],
  ['BANNED_PESTICIDE', '经营禁限用农药', 'CRITICAL', '《农药管理条例》第五十五条'],
  ['NO_PURCHASE_LEDGER', '无进货查验记录台账', 'MINOR', '《食品安全法》第一百二十六条'],
  ['COUNTERFEIT', '假冒伪劣', 'CRITICAL', '《产品质量法》第五十条'],
];

/** 整治对象类别 with the premises kinds they cover and their checklist (检查要点). */
const CATEGORIES: {
  code: string;
  name: string;
  kinds: string[];
  checklist: [string, string, string][];
}[] = [
  {
    code: 'SEASONED_FLOUR_PRODUCTS',
    name: '调味面制品',
    kinds: ['FOOD_PRODUCER', 'FOOD_WORKSHOP', 'FOOD_RETAILER', 'CAMPUS_SHOP'],
    checklist: [
      ['SFP-01', '是否取得有效的食品生产许可证（SC）并在许可范围内生产？', 'UNLICENSED_PRODUCTION'],
      ['SFP-02', '生产车间环境、设施及人员卫生是否符合要求？', 'POOR_HYGIENE'],
      ['SFP-03', '是否超范围、超限量使用甜蜜素、安赛蜜等食品添加剂？', 'ADDITIVE_MISUSE'],
      [
        'SFP-04',
        '在售产品标签是否标明生产者、生产日期和保质期（非三无产品）？',
        'THREE_NO_PRODUCTS',
      ],
      ['SFP-05', '是否销售“3·15”晚会曝光的辣条产品？', 'EXPOSED_PRODUCT_ON_SALE'],
    ],
  },
  {
    code: 'CAMPUS_FOOD',
    name: '校园及周边食品',
    kinds: ['SCHOOL_CANTEEN', 'CAMPUS_SHOP', 'FOOD_RETAILER', 'CATERING'],
    checklist: [
      ['CF-01', '是否建立并执行进货查验记录制度，台账是否完整？', 'NO_PURCHASE_LEDGER'],
      ['CF-02', '是否销售超过保质期的食品？', 'EXPIRED_FOOD'],
      ['CF-03', '是否销售无标签或标签不全的“三无”食品？', 'THREE_NO_PRODUCTS'],
      ['CF-04', '加工操作场所及餐用具清洗消毒是否符合要求？', 'POOR_HYGIENE'],
    ],
  },
  {
    code: 'PHARMACIST_CERTIFICATES',
    name: '执业药师挂证',
    kinds: ['PHARMACY'],
    checklist: [
      ['PC-01', '注册执业药师是否在岗履职？', 'PHARMACIST_ABSENT'],
      ['PC-02', '执业药师注册证是否与实际在岗人员一致（无挂证行为）？', 'CERTIFICATE_RENTING'],
      ['PC-03', '处方药是否凭处方销售并经执业药师审核？', 'PHARMACIST_ABSENT'],
    ],
  },
  {
    code: 'VACCINES',
    name: '疫苗',
    kinds: ['VACCINATION_SITE', 'VACCINE_DISTRIBUTOR'],
    checklist: [
      ['VAC-01', '疫苗储存、运输冷链温度记录是否完整且符合要求？', 'COLD_CHAIN_BREACH'],
      ['VAC-02', '疫苗购进、接收、储存、接种记录是否完整可追溯？', 'VACCINE_RECORDS_INCOMPLETE'],
      ['VAC-03', '是否存在来源不明或假劣疫苗？', 'COUNTERFEIT'],
    ],
  },
  {
    code: 'AGRICULTURAL_INPUTS',
    name: '农资',
    kinds: ['AGRI_INPUT_DEALER'],
    checklist: [
      ['AGR-01', '是否经营国家禁用、限用农药？', 'BANNED_PESTICIDE'],
      ['AGR-02', '是否建立农资进货查验和销售台账？', 'NO_PURCHASE_LEDGER'],
      ['AGR-03', '化肥、种子等是否存在假冒伪劣产品？', 'COUNTERFEIT'],
    ],
  },
];

/**
 * Official holidays (法定节假日) and make-up working days (调休上班) of the years the demo and current
 * sweeps cover, from the State Council's notices. Weekend holidays are listed for completeness.
 */
const CALENDAR: [string, string, boolean, string][] = [
  ['2018-12-29', '2018-12-29', true, '元旦调休'],
  ['2018-12-30', '2019-01-01', false, '元旦'],
  ['2019-02-02', '2019-02-03', true, '春节调休'],
  ['2019-02-04', '2019-02-10', false, '春节'],
  ['2019-04-05', '2019-04-07', false, '清明节'],
  ['2019-04-28', '2019-04-28', true, '劳动节调休'],
  ['2019-05-01', '2019-05-04', false, '劳动节'],
  ['2019-05-05', '2019-05-05', true, '劳动节调休'],
  ['2019-06-07', '2019-06-09', false, '端午节'],
  ['2019-09-13', '2019-09-15', false, '中秋节'],
  ['2019-09-29', '2019-09-29', true, '国庆节调休'],
  ['2019-10-01', '2019-10-07', false, '国庆节'],
  ['2019-10-12', '2019-10-12', true, '国庆节调休'],
  ['2026-01-01', '2026-01-03', false, '元旦'],
  ['2026-01-04', '2026-01-04', true, '元旦调休'],
  ['2026-02-14', '2026-02-14', true, '春节调休'],
  ['2026-02-15', '2026-02-23', false, '春节'],
  ['2026-02-28', '2026-02-28', true, '春节调休'],
  ['2026-04-04', '2026-04-06', false, '清明节'],
  ['2026-05-01', '2026-05-05', false, '劳动节'],
  ['2026-05-09', '2026-05-09', true, '劳动节调休'],
  ['2026-06-19', '2026-06-21', false, '端午节'],
  ['2026-09-20', '2026-09-20', true, '国庆节调休'],
  ['2026-09-25', '2026-09-27', false, '中秋节'],
  ['2026-10-01', '2026-10-07', false, '国庆节'],
  ['2026-10-10', '2026-10-10', true, '国庆节调休'],
];

export class ReferenceData1795920800000 implements MigrationInterface {
  name = 'ReferenceData1795920800000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const [code, name, severity, legalBasis] of VIOLATION_TYPES) {
      await queryRunner.query(
        `INSERT INTO violation_types (code, name, default_severity, legal_basis) VALUES ($1, $2, $3, $4)`,
        [code, name, severity, legalBasis],
      );
    }
    for (const category of CATEGORIES) {
      const [{ id }] = (await queryRunner.query(
        `INSERT INTO target_categories (code, name, premises_kinds) VALUES ($1, $2, $3) RETURNING id`,
        [category.code, category.name, category.kinds],
      )) as { id: string }[];
      for (const [position, [code, question, violation]] of category.checklist.entries()) {
        await queryRunner.query(
          `INSERT INTO checklist_items (category_id, code, question, fail_violation_type_code, position)
           VALUES ($1, $2, $3, $4, $5)`,
          [id, code, question, violation, position + 1],
        );
      }
    }
    for (const [from, to, workingDay, name] of CALENDAR) {
      await queryRunner.query(
        `INSERT INTO calendar_exceptions (day, working_day, name)
         SELECT d::date, $3, $4 FROM generate_series($1::date, $2::date, interval '1 day') AS d`,
        [from, to, workingDay, name],
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    const days = CALENDAR.map(([from, to]) => `day BETWEEN '${from}' AND '${to}'`).join(' OR ');
    await queryRunner.query(`DELETE FROM calendar_exceptions WHERE ${days}`);
    await queryRunner.query(
      `DELETE FROM checklist_items WHERE category_id IN (SELECT id FROM target_categories WHERE code = ANY($1))`,
      [CATEGORIES.map((category) => category.code)],
    );
    await queryRunner.query(`DELETE FROM target_categories WHERE code = ANY($1)`, [
      CATEGORIES.map((category) => category.code),
    ]);
    await queryRunner.query(`DELETE FROM violation_types WHERE code = ANY($1)`, [
      VIOLATION_TYPES.map(([code]) => code),
    ]);
  }
}
