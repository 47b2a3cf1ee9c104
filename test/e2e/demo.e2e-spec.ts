import { BootstrapService } from '../../src/bootstrap/bootstrap.service';
import {
  CURRENT_SWEEP_CODE,
  DEMO_ASSIGNMENTS,
  DEMO_PASSWORD,
  DEMO_SWEEP_CODE,
} from '../../src/bootstrap/demo-data';
import { addDays, shanghaiDay } from '../../src/common/time/shanghai';
import { startTestApp, TestApp } from '../helpers/test-app';

/** One line per row, so that the story reads as a table. */
const lines = (rows: Record<string, unknown>[]): string[] =>
  rows.map((row) =>
    Object.values(row)
      .map((value) => (value === null ? '-' : String(value as string | number | boolean)))
      .join(' | '),
  );

describe('the demo of the 2019 sweep', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ SEED_DEMO: 'true' });
  });
  afterAll(() => app.close());

  it('lets a demo manager log in at once and see the city bureau tree', async () => {
    const token = await app.login('DEMO-MANAGER', DEMO_PASSWORD);
    const me = await app.gql('Me', {}, { token });
    expect(me.data!.me).toMatchObject({
      name: '王建国',
      roles: ['MANAGER'],
      bureau: { code: 'CITY' },
    });
    const bureaus = await app.gql('Bureaus', {}, { token });
    const codes = bureaus.data!.bureaus.map((bureau: { code: string }) => bureau.code);
    expect(codes).toEqual(
      expect.arrayContaining([
        'CITY',
        'XINGQING',
        'JINFENG',
        'XIXIA',
        'YONGNING',
        'HELAN',
        'LINGWU',
      ]),
    );
  });

  it('has officers of every role who can log in', async () => {
    for (const certificate of ['DEMO-ADMIN', 'XQ-SUP-01', 'XQ-INS-01', 'YN-INS-02']) {
      await expect(app.login(certificate, DEMO_PASSWORD)).resolves.toEqual(expect.any(String));
    }
    const officers = await app.query(
      `SELECT o.certificate_number, b.code, o.roles FROM officers o JOIN bureaus b ON b.id = o.bureau_id
        WHERE o.certificate_number <> 'admin' ORDER BY o.certificate_number`,
    );
    expect(officers).toHaveLength(18);
    expect(lines(officers)).toContain('XQ-SUP-01 | XINGQING | SUPERVISOR');
  });

  it('holds premises of every kind, the two gala exposures and the 2019 sweep with its inspections', async () => {
    const kinds = await app.query<{ kind: string }>(
      `SELECT DISTINCT kind FROM premises ORDER BY kind`,
    );
    expect(kinds).toHaveLength(11);
    const [premises] = await app.query(
      `SELECT count(*)::int AS count, sum(cardinality(pharmacist_registrations))::int AS pharmacists,
              count(latitude)::int AS located
         FROM premises`,
    );
    expect(premises).toEqual({ count: 24, pharmacists: 4, located: 1 });
    const exposures = await app.query(
      `SELECT e.title, (SELECT string_agg(p.product_name, ', ' ORDER BY p.product_name) FROM exposed_products p
                         WHERE p.exposure_id = e.id) AS products
         FROM exposures e WHERE source = 'CCTV_315_GALA' ORDER BY e.title`,
    );
    expect(lines(exposures)).toEqual([
      '“3·15”晚会曝光执业药师挂证 | -',
      '“3·15”晚会曝光辣条生产黑作坊 | 香辣面筋, 麻辣条',
    ]);
    const [sweep] = await app.query(`SELECT status, directive, start_date::text, end_date::text,
        (SELECT count(*)::int FROM sweep_exposures se WHERE se.sweep_id = s.id) AS exposures,
        (SELECT count(*)::int FROM sweep_categories sc WHERE sc.sweep_id = s.id) AS categories
      FROM sweeps s WHERE code = '2019-315-DPC'`);
    expect(sweep).toEqual({
      status: 'ACTIVE',
      directive: '按照国家总局和自治区厅的统一安排部署',
      start_date: '2019-03-16',
      end_date: '2019-04-30',
      exposures: 2,
      categories: 5,
    });
    const assignments = await app.query<{ bureau: string; category: string; target: number }>(
      `SELECT b.code AS bureau, c.code AS category, a.target FROM sweep_assignments a
         JOIN sweeps s ON s.id = a.sweep_id JOIN bureaus b ON b.id = a.bureau_id
         JOIN target_categories c ON c.id = a.category_id
        WHERE s.code = $1`,
      [DEMO_SWEEP_CODE],
    );
    expect(assignments.map((row) => [row.bureau, row.category, row.target]).sort()).toEqual(
      [...DEMO_ASSIGNMENTS].sort(),
    );
    const statuses = await app.query<{ status: string }>(
      `SELECT DISTINCT status FROM findings ORDER BY status`,
    );
    expect(statuses.map((row) => row.status)).toEqual([
      'CASE_FILED',
      'CLOSED',
      'NOT_FILED',
      'OPEN',
      'PENALIZED',
      'RECTIFYING',
      'RESOLVED',
      'TRANSFERRED',
    ]);
    const [voided] = await app.query(`SELECT count(*)::int AS count FROM inspections WHERE voided`);
    expect(voided.count).toBe(1);
  });

  it('tells the 2019 story inspection by inspection', async () => {
    const inspections = await app.query(
      `SELECT p.name, c.code, to_char(i.inspected_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') AS at, i.outcome,
              (SELECT string_agg(o.certificate_number, ',' ORDER BY array_position(i.officer_ids, o.id))
                 FROM officers o WHERE o.id = ANY(i.officer_ids)) AS officers,
              r.certificate_number AS recorded_by,
              (SELECT string_agg(a->>'itemCode', ',' ORDER BY a->>'itemCode')
                 FROM jsonb_array_elements(i.checklist) a WHERE a->>'result' = 'FAIL') AS failed,
              jsonb_array_length(i.checklist) AS answers, i.voided, i.void_reason, v.certificate_number AS voided_by
         FROM inspections i JOIN sweeps s ON s.id = i.sweep_id JOIN premises p ON p.id = i.premises_id
         JOIN target_categories c ON c.id = i.category_id JOIN officers r ON r.id = i.recorded_by_id
         LEFT JOIN officers v ON v.id = i.voided_by_id
        WHERE s.code = $1 ORDER BY i.inspected_at, p.name`,
      [DEMO_SWEEP_CODE],
    );
    expect(lines(inspections)).toMatchInlineSnapshot(`
     [
       "兴庆区老马面制品加工作坊 | SEASONED_FLOUR_PRODUCTS | 2019-03-18 10:30 | ISSUES_FOUND | XQ-INS-01,XQ-INS-02 | XQ-INS-01 | SFP-01,SFP-02 | 5 | false | - | -",
       "兴庆区惠民超市 | SEASONED_FLOUR_PRODUCTS | 2019-03-18 14:10 | ISSUES_FOUND | XQ-INS-01,XQ-SUP-01 | XQ-INS-01 | SFP-05 | 5 | false | - | -",
       "西夏区怀远夜市辣条摊点 | SEASONED_FLOUR_PRODUCTS | 2019-03-18 20:30 | ISSUES_FOUND | XX-INS-01,XX-INS-02 | XX-INS-01 | SFP-04 | 5 | false | - | -",
       "第六中学门口小卖部 | CAMPUS_FOOD | 2019-03-19 09:40 | ISSUES_FOUND | XQ-INS-02,XQ-INS-01 | XQ-INS-02 | CF-03 | 4 | false | - | -",
       "育才中学校园超市 | CAMPUS_FOOD | 2019-03-19 10:00 | ISSUES_FOUND | JF-INS-01,JF-INS-02 | JF-INS-01 | CF-02 | 4 | false | - | -",
       "西夏区麦香园食品有限公司 | SEASONED_FLOUR_PRODUCTS | 2019-03-20 10:00 | ISSUES_FOUND | XX-INS-02,XX-INS-01 | XX-INS-02 | SFP-03 | 5 | false | - | -",
       "银川市第二十一小学食堂 | CAMPUS_FOOD | 2019-03-20 11:00 | COMPLIANT | XQ-SUP-01,XQ-INS-02 | XQ-SUP-01 | - | 4 | false | - | -",
       "金凤区万家福超市 | CAMPUS_FOOD | 2019-03-20 14:00 | COMPLIANT | JF-INS-02,JF-INS-01 | JF-INS-02 | - | 4 | false | - | -",
       "宁夏大学北门零食店 | CAMPUS_FOOD | 2019-03-21 11:00 | COMPLIANT | XX-INS-01,XX-INS-02 | XX-INS-01 | - | 4 | false | - | -",
       "兴庆区康泰大药房 | PHARMACIST_CERTIFICATES | 2019-03-21 15:00 | ISSUES_FOUND | XQ-INS-01,XQ-INS-02 | XQ-INS-01 | PC-02 | 3 | false | - | -",
       "金凤区仁和堂药店 | PHARMACIST_CERTIFICATES | 2019-03-21 16:00 | ISSUES_FOUND | JF-INS-02,JF-INS-01 | JF-INS-02 | PC-01 | 3 | false | - | -",
       "兴庆区疾控中心预防接种门诊 | VACCINES | 2019-03-22 10:00 | COMPLIANT | XQ-SUP-01,XQ-INS-01 | XQ-SUP-01 | - | 3 | false | - | -",
       "永宁县百姓平价药房 | PHARMACIST_CERTIFICATES | 2019-03-22 11:00 | COMPLIANT | YN-INS-02,YN-SUP-01 | YN-INS-02 | - | 3 | false | - | -",
       "永宁县丰收农资经营部 | AGRICULTURAL_INPUTS | 2019-03-25 10:00 | ISSUES_FOUND | YN-INS-01,YN-INS-02 | YN-INS-01 | AGR-01 | 3 | false | - | -",
       "银川市兴庆区香源食品厂 | SEASONED_FLOUR_PRODUCTS | 2019-03-25 10:20 | COMPLIANT | XQ-INS-02,XQ-INS-01 | XQ-INS-02 | - | 5 | false | - | -",
       "贺兰县金穗种子农药门市 | AGRICULTURAL_INPUTS | 2019-03-26 10:00 | ISSUES_FOUND | HL-INS-01,HL-INS-02 | HL-INS-01 | AGR-02 | 3 | false | - | -",
       "金凤区学子餐厅 | CAMPUS_FOOD | 2019-03-26 12:00 | ISSUES_FOUND | JF-INS-01,JF-SUP-01 | JF-INS-01 | CF-01 | 4 | false | - | -",
       "宁夏康安医药冷链配送有限公司 | VACCINES | 2019-03-27 10:00 | COMPLIANT | JF-SUP-01,JF-INS-02 | JF-SUP-01 | - | 3 | false | - | -",
       "灵武市绿源农资有限公司 | AGRICULTURAL_INPUTS | 2019-03-27 11:00 | COMPLIANT | LW-INS-01,LW-INS-02 | LW-INS-01 | - | 3 | false | - | -",
       "灵武市绿源农资有限公司 | AGRICULTURAL_INPUTS | 2019-03-27 13:00 | COMPLIANT | LW-INS-02,LW-INS-01 | LW-INS-02 | - | 3 | true | 重复录入，与同日上午检查记录重复 | DEMO-MANAGER",
       "永宁县人民医院预防接种门诊 | VACCINES | 2019-03-28 10:00 | ISSUES_FOUND | YN-INS-01,YN-SUP-01 | YN-INS-01 | VAC-02 | 3 | false | - | -",
     ]
    `);
  });

  it('leaves every 2019 finding where its follow-ups took it, with the legal periods timed', async () => {
    const findings = await app.query(
      `SELECT p.name, f.violation_type_code, f.severity, f.status, f.version, f.found_on::text,
              f.case_decision_due::text, f.goods_quantity, f.goods_unit, f.goods_value, ep.product_name,
              f.rectification_ordered, f.rectification_deadline::text, f.case_number, f.case_filed_on::text,
              f.penalty_decision_due::text, f.decision_number, f.decided_on::text, f.fine, f.confiscation,
              f.transferred_on::text, f.closed_reason, f.voided, c.certificate_number AS created_by
         FROM findings f JOIN sweeps s ON s.id = f.sweep_id JOIN premises p ON p.id = f.premises_id
         JOIN officers c ON c.id = f.created_by_id
         LEFT JOIN exposed_products ep ON ep.id = f.exposed_product_id
        WHERE s.code = $1 ORDER BY f.found_on, p.name, f.violation_type_code`,
      [DEMO_SWEEP_CODE],
    );
    expect(lines(findings)).toMatchInlineSnapshot(`
     [
       "兴庆区惠民超市 | EXPOSED_PRODUCT_ON_SALE | CRITICAL | RESOLVED | 3 | 2019-03-18 | 2019-03-27 | 56.000 | bag | 168.00 | 香辣面筋 | true | 2019-03-20 | - | - | - | - | - | - | - | - | - | false | XQ-INS-01",
       "兴庆区老马面制品加工作坊 | POOR_HYGIENE | MAJOR | RESOLVED | 3 | 2019-03-18 | 2019-03-27 | - | - | - | - | true | 2019-03-28 | - | - | - | - | - | - | - | - | - | false | XQ-INS-01",
       "兴庆区老马面制品加工作坊 | UNLICENSED_PRODUCTION | CRITICAL | CLOSED | 4 | 2019-03-18 | 2019-03-27 | 320.000 | kg | 4800.00 | - | false | - | 银兴市监立〔2019〕015号 | 2019-03-19 | 2019-06-17 | 银兴市监罚〔2019〕031号 | 2019-04-22 | 30000.00 | 5000.00 | - | 罚没款已缴清，结案 | false | XQ-INS-01",
       "西夏区怀远夜市辣条摊点 | THREE_NO_PRODUCTS | MAJOR | TRANSFERRED | 2 | 2019-03-18 | 2019-03-27 | 25.000 | kg | 500.00 | - | false | - | - | - | - | - | - | - | - | 2019-03-22 | - | false | XX-INS-01",
       "第六中学门口小卖部 | EXPOSED_PRODUCT_ON_SALE | CRITICAL | OPEN | 1 | 2019-03-19 | 2019-03-28 | 30.000 | bag | 90.00 | 麻辣条 | false | - | - | - | - | - | - | - | - | - | - | false | XQ-INS-02",
       "第六中学门口小卖部 | THREE_NO_PRODUCTS | MAJOR | RECTIFYING | 3 | 2019-03-19 | 2019-03-28 | 12.000 | kg | 240.00 | - | true | 2019-04-02 | - | - | - | - | - | - | - | - | - | false | XQ-INS-02",
       "育才中学校园超市 | EXPIRED_FOOD | MAJOR | RESOLVED | 3 | 2019-03-19 | 2019-03-28 | 6.000 | bottle | 27.00 | - | true | 2019-03-22 | - | - | - | - | - | - | - | - | - | false | JF-INS-01",
       "西夏区麦香园食品有限公司 | ADDITIVE_MISUSE | MAJOR | NOT_FILED | 4 | 2019-03-20 | 2019-04-15 | - | - | - | - | false | - | - | - | - | - | - | - | - | - | - | false | XX-INS-02",
       "兴庆区康泰大药房 | CERTIFICATE_RENTING | MAJOR | CASE_FILED | 4 | 2019-03-21 | 2019-04-01 | - | - | - | - | false | - | 银兴市监立〔2019〕021号 | 2019-03-25 | 2019-07-05 | - | - | - | - | 2019-03-28 | - | false | XQ-INS-01",
       "金凤区仁和堂药店 | PHARMACIST_ABSENT | MINOR | PENALIZED | 3 | 2019-03-21 | 2019-04-01 | - | - | - | - | false | - | 银金市监立〔2019〕012号 | 2019-03-27 | 2019-06-25 | 银金市监罚〔2019〕019号 | 2019-04-25 | 5000.00 | - | - | - | false | JF-INS-02",
       "永宁县丰收农资经营部 | BANNED_PESTICIDE | CRITICAL | PENALIZED | 3 | 2019-03-25 | 2019-04-03 | 40.000 | bottle | 1600.00 | - | false | - | 永市监立〔2019〕006号 | 2019-03-26 | 2019-06-24 | 永市监罚〔2019〕010号 | 2019-04-28 | 20000.00 | - | - | - | false | YN-INS-01",
       "贺兰县金穗种子农药门市 | NO_PURCHASE_LEDGER | MINOR | OPEN | 1 | 2019-03-26 | 2019-04-04 | - | - | - | - | false | - | - | - | - | - | - | - | - | - | - | false | HL-INS-01",
       "金凤区学子餐厅 | NO_PURCHASE_LEDGER | MINOR | RECTIFYING | 2 | 2019-03-26 | 2019-04-04 | - | - | - | - | true | 2019-04-09 | - | - | - | - | - | - | - | - | - | false | JF-INS-01",
       "永宁县人民医院预防接种门诊 | VACCINE_RECORDS_INCOMPLETE | MAJOR | RESOLVED | 3 | 2019-03-28 | 2019-04-09 | - | - | - | - | true | 2019-04-04 | - | - | - | - | - | - | - | - | - | false | YN-INS-01",
     ]
    `);
    const followUps = await app.query(
      `SELECT p.name, f.violation_type_code, u.action, u.from_status, u.to_status,
              CASE WHEN u.action = 'CLOSED' THEN 'at closing' ELSE (u.at AT TIME ZONE 'Asia/Shanghai')::text END AS at,
              o.certificate_number AS officer,
              (SELECT string_agg(x.certificate_number, ',' ORDER BY array_position(u.officer_ids, x.id))
                 FROM officers x WHERE x.id = ANY(u.officer_ids)) AS officers,
              u.due_date::text, u.document_number, u.fine, u.confiscation, u.note
         FROM follow_ups u JOIN findings f ON f.id = u.finding_id JOIN sweeps s ON s.id = f.sweep_id
         JOIN premises p ON p.id = f.premises_id JOIN officers o ON o.id = u.officer_id
        WHERE s.code = $1 ORDER BY f.found_on, p.name, f.violation_type_code, u.recorded_at, u.at`,
      [DEMO_SWEEP_CODE],
    );
    expect(lines(followUps)).toMatchInlineSnapshot(`
     [
       "兴庆区惠民超市 | EXPOSED_PRODUCT_ON_SALE | RECTIFICATION_ORDERED | OPEN | RECTIFYING | 2019-03-18 00:00:00 | XQ-INS-01 | - | 2019-03-20 | 银兴市监责改〔2019〕010号 | - | - | -",
       "兴庆区惠民超市 | EXPOSED_PRODUCT_ON_SALE | REINSPECTION_PASSED | RECTIFYING | RESOLVED | 2019-03-20 10:00:00 | XQ-INS-01 | XQ-INS-01,XQ-SUP-01 | - | - | - | - | -",
       "兴庆区老马面制品加工作坊 | POOR_HYGIENE | RECTIFICATION_ORDERED | OPEN | RECTIFYING | 2019-03-18 00:00:00 | XQ-INS-01 | - | 2019-03-28 | 银兴市监责改〔2019〕009号 | - | - | -",
       "兴庆区老马面制品加工作坊 | POOR_HYGIENE | REINSPECTION_PASSED | RECTIFYING | RESOLVED | 2019-03-28 11:00:00 | XQ-INS-01 | XQ-INS-01,XQ-INS-02 | - | - | - | - | -",
       "兴庆区老马面制品加工作坊 | UNLICENSED_PRODUCTION | CASE_FILED | OPEN | CASE_FILED | 2019-03-19 00:00:00 | XQ-SUP-01 | - | 2019-06-17 | 银兴市监立〔2019〕015号 | - | - | -",
       "兴庆区老马面制品加工作坊 | UNLICENSED_PRODUCTION | CLOSED | PENALIZED | CLOSED | at closing | XQ-SUP-01 | - | - | - | - | - | 罚没款已缴清，结案",
       "西夏区怀远夜市辣条摊点 | THREE_NO_PRODUCTS | TRANSFERRED_TO_POLICE | OPEN | TRANSFERRED | 2019-03-22 00:00:00 | XX-SUP-01 | - | - | 银西市监移〔2019〕002号 | - | - | -",
       "第六中学门口小卖部 | THREE_NO_PRODUCTS | RECTIFICATION_ORDERED | OPEN | RECTIFYING | 2019-03-19 00:00:00 | XQ-INS-02 | - | 2019-03-26 | 银兴市监责改〔2019〕011号 | - | - | -",
       "第六中学门口小卖部 | THREE_NO_PRODUCTS | REINSPECTION_FAILED | RECTIFYING | RECTIFYING | 2019-03-26 10:00:00 | XQ-INS-02 | XQ-INS-02,XQ-INS-01 | 2019-04-02 | - | - | - | -",
       "育才中学校园超市 | EXPIRED_FOOD | RECTIFICATION_ORDERED | OPEN | RECTIFYING | 2019-03-19 00:00:00 | JF-INS-01 | - | 2019-03-22 | 银金市监责改〔2019〕004号 | - | - | -",
       "育才中学校园超市 | EXPIRED_FOOD | REINSPECTION_PASSED | RECTIFYING | RESOLVED | 2019-03-22 10:30:00 | JF-INS-01 | JF-INS-01,JF-INS-02 | - | - | - | - | -",
       "兴庆区康泰大药房 | CERTIFICATE_RENTING | CASE_FILED | OPEN | CASE_FILED | 2019-03-25 00:00:00 | XQ-SUP-01 | - | 2019-06-24 | 银兴市监立〔2019〕021号 | - | - | -",
       "兴庆区康泰大药房 | CERTIFICATE_RENTING | TRANSFERRED_TO_POLICE | CASE_FILED | TRANSFERRED | 2019-03-28 00:00:00 | XQ-SUP-01 | - | - | 银兴市监移〔2019〕003号 | - | - | -",
       "金凤区仁和堂药店 | PHARMACIST_ABSENT | CASE_FILED | OPEN | CASE_FILED | 2019-03-27 00:00:00 | JF-SUP-01 | - | 2019-06-25 | 银金市监立〔2019〕012号 | - | - | -",
       "永宁县丰收农资经营部 | BANNED_PESTICIDE | CASE_FILED | OPEN | CASE_FILED | 2019-03-26 00:00:00 | YN-SUP-01 | - | 2019-06-24 | 永市监立〔2019〕006号 | - | - | -",
       "金凤区学子餐厅 | NO_PURCHASE_LEDGER | RECTIFICATION_ORDERED | OPEN | RECTIFYING | 2019-03-26 00:00:00 | JF-INS-01 | - | 2019-04-09 | 银金市监责改〔2019〕007号 | - | - | -",
       "永宁县人民医院预防接种门诊 | VACCINE_RECORDS_INCOMPLETE | RECTIFICATION_ORDERED | OPEN | RECTIFYING | 2019-03-28 00:00:00 | YN-INS-01 | - | 2019-04-04 | 永市监责改〔2019〕003号 | - | - | -",
       "永宁县人民医院预防接种门诊 | VACCINE_RECORDS_INCOMPLETE | REINSPECTION_PASSED | RECTIFYING | RESOLVED | 2019-04-04 10:00:00 | YN-INS-01 | YN-INS-01,YN-SUP-01 | - | - | - | - | -",
     ]
    `);
  });

  it('runs a campus-food sweep now with an inspection logged yesterday', async () => {
    const today = shanghaiDay(new Date());
    const [sweep] = await app.query(
      `SELECT s.status, s.start_date::text, s.end_date::text, b.code AS lead,
              (SELECT string_agg(bb.code || ':' || a.target, ',' ORDER BY bb.code) FROM sweep_assignments a
                 JOIN bureaus bb ON bb.id = a.bureau_id WHERE a.sweep_id = s.id) AS targets
         FROM sweeps s JOIN bureaus b ON b.id = s.lead_bureau_id WHERE s.code = $1`,
      [CURRENT_SWEEP_CODE],
    );
    expect(sweep).toEqual({
      status: 'ACTIVE',
      start_date: addDays(today, -14),
      end_date: addDays(today, 42),
      lead: 'CITY',
      targets: 'JINFENG:3,XINGQING:3',
    });
    const inspections = await app.query(
      `SELECT p.name, to_char(i.inspected_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') AS at,
              i.outcome, f.violation_type_code, f.status, f.goods_value
         FROM inspections i JOIN sweeps s ON s.id = i.sweep_id JOIN premises p ON p.id = i.premises_id
         JOIN findings f ON f.inspection_id = i.id
        WHERE s.code = $1`,
      [CURRENT_SWEEP_CODE],
    );
    expect(lines(inspections)).toEqual([
      `育才中学校园超市 | ${addDays(today, -1)} 10:00 | ISSUES_FOUND | THREE_NO_PRODUCTS | OPEN | 45.00`,
    ]);
  });

  it('keeps findings consistent with their tracks and their audit trail', async () => {
    // Every move of a finding (its own follow-ups, its case's moves, its filing clock) is one
    // audit event after its CREATE, and its status summarises its two tracks (src/cases/tracks.ts).
    const mismatched = await app.query(`
      SELECT f.id, f.status, f.version FROM findings f LEFT JOIN cases c ON c.id = f.case_id
      WHERE NOT f.voided AND (
         f.version <> (SELECT count(*) FROM audit_events e WHERE e.entity_type = 'Finding' AND e.entity_id = f.id)
         OR f.status <> CASE
           WHEN f.case_id IS NULL AND f.transferred_on IS NOT NULL THEN 'TRANSFERRED'
           WHEN f.filing_decision = 'DECLINED' THEN 'NOT_FILED'
           WHEN c.status = 'FILED' THEN 'CASE_FILED'
           WHEN c.status = 'DECIDED' THEN 'PENALIZED'
           WHEN c.status IS NOT NULL THEN c.status
           ELSE f.rectification_status END)`);
    expect(mismatched).toEqual([]);
  });

  it('files its cases lawfully: money kept apart, a reason for a fine under the statutory minimum', async () => {
    const cases = await app.query(
      `SELECT case_number, status, outcome, penalties, fine, illegal_gains, confiscated_goods_value,
              mitigation_reason IS NOT NULL AS mitigated, transfer_authority, transfer_outcome
         FROM cases ORDER BY case_number`,
    );
    expect(lines(cases)).toMatchInlineSnapshot(`
     [
       "永市监立〔2019〕006号 | DECIDED | PENALTY | FINE,CONFISCATE_ILLEGAL_PROPERTY | 20000.00 | - | 1600.00 | false | - | -",
       "银兴市监立〔2019〕015号 | CLOSED | PENALTY | FINE,CONFISCATE_ILLEGAL_GAINS,CONFISCATE_ILLEGAL_PROPERTY | 30000.00 | 5000.00 | 4800.00 | true | - | -",
       "银兴市监立〔2019〕021号 | FILED | - |  | - | - | - | false | POLICE | RETURNED",
       "银金市监立〔2019〕012号 | DECIDED | PENALTY | FINE | 5000.00 | - | - | true | - | -",
     ]
    `);
    const [declined] = await app.query(
      `SELECT f.status, f.decline_reason, (SELECT count(*)::int FROM clock_suspensions s WHERE s.finding_id = f.id AND s.reason = 'TESTING') AS suspensions
         FROM findings f WHERE f.filing_decision = 'DECLINED'`,
    );
    expect(declined).toEqual({
      status: 'NOT_FILED',
      decline_reason: 'NO_VIOLATION',
      suspensions: 1,
    });
  });

  it('audits every seeded record and does not seed twice', async () => {
    const [unaudited] = await app.query(`SELECT count(*)::int AS count FROM inspections i
      WHERE NOT EXISTS (SELECT 1 FROM audit_events a WHERE a.entity_id = i.id)`);
    expect(unaudited.count).toBe(0);
    const count = async () =>
      app.query(`SELECT (SELECT count(*)::int FROM premises) AS premises,
        (SELECT count(*)::int FROM inspections) AS inspections, (SELECT count(*)::int FROM follow_ups) AS follow_ups,
        (SELECT count(*)::int FROM audit_events) AS audit_events`);
    const before = await count();
    await expect(app.app.get(BootstrapService).seedDemo()).resolves.toBe(false);
    expect(await count()).toEqual(before);
  });
});

describe('the demo sweep’s progress as a bureau signs it', () => {
  let app: TestApp;
  let token: string;
  let sweepId: string;

  beforeAll(async () => {
    app = await startTestApp({ SEED_DEMO: 'true' });
    token = await app.login('DEMO-MANAGER', DEMO_PASSWORD);
    [{ id: sweepId }] = await app.query<{ id: string }>(`SELECT id FROM sweeps WHERE code = $1`, [
      DEMO_SWEEP_CODE,
    ]);
  });
  afterAll(() => app.close());

  const LEAD_IN =
    '针对“3·15”晚会曝光的辣条生产黑作坊、执业药师挂证等问题，开展调味面制品、校园及周边食品、执业药师挂证、疫苗、农资大排查大整治行动。';

  it('cites for each finding the law in force on its day, pesticide ledgers under 农药管理条例', async () => {
    const result = await app.gql<{ findings: { edges: { node: any }[] } }>(
      `query ($sweepId: ID!) {
        findings(filter: { sweepId: $sweepId }, first: 50) {
          edges { node { description violationType { code } legalBasis { basis authority validFrom } } }
        }
      }`,
      { sweepId },
      { token },
    );
    expect(result.errors).toBeUndefined();
    const byDescription = new Map(
      result.data!.findings.edges.map(({ node }) => [node.description, node.legalBasis]),
    );
    expect(byDescription.get('农药进货台账记录不全')).toEqual({
      basis: '《农药管理条例》第二十六条、第二十七条（农药采购台账、销售台账）',
      authority: '农业农村主管部门',
      validFrom: '2017-06-01',
    });
    for (const { node } of result.data!.findings.edges) {
      expect(node.legalBasis?.basis).toEqual(expect.stringMatching(/《/));
      expect(node.legalBasis.basis).not.toBe('《食品安全法》第一百二十三条');
    }
  });

  it('counts as of 31 March: no money before the decisions of late April, 3 premises rectified', async () => {
    const result = await app.gql(
      'SweepProgress',
      { sweepId, filter: { to: '2019-03-31' } },
      { token },
    );
    expect(result.errors).toBeUndefined();
    const { totals, summaryText } = result.data!.sweepProgress;
    expect(totals).toMatchObject({
      fines: '0.00',
      confiscations: '0.00',
      rectified: 3,
      // Every finding needs a filing decision within its filing clock (7 working days before
      // 2019-04-01), even one rectified: the five findings of 18–19 March without one are late.
      overdueRectifications: 0,
      overdueFilingDecisions: 5,
      overduePenaltyDecisions: 0,
      overduePublications: 0,
      overdue: 5,
    });
    // 人次 per officer-day, 户次 per premises-day: no longer exactly twice 户次. 移送公安2件: the
    // night-market stall's finding (22 March) and 仁和堂's case, with the police from 28 March until
    // they returned it on 8 April.
    expect(summaryText).toBe(
      `${LEAD_IN}截至2019年3月31日，全市共出动执法人员39人次，检查各类主体20户次（20户），发现问题14个，责令整改6户，已整改3户，下架查扣问题产品货值7425元，立案4件，移送公安2件，发现被曝光产品2批次。`,
    );
  });

  it('counts as of 30 April with the decisions’ money once per decision and the overdue by clock', async () => {
    const result = await app.gql(
      'SweepProgress',
      { sweepId, filter: { to: '2019-04-30' } },
      { token },
    );
    const { totals, summaryText } = result.data!.sweepProgress;
    expect(totals).toMatchObject({
      fines: '55000.00',
      // 没收违法所得 5000 of 老马's case; the 1600 of pesticides confiscated are goods (没收非法财物),
      // their own figure with 老马's 4800, not in 罚没款.
      confiscations: '5000.00',
      confiscatedGoodsValue: '6400.00',
      rectified: 4,
      overdueRectifications: 2,
      // The five late on 31 March and the three of 26–28 March, all without a filing decision.
      overdueFilingDecisions: 8,
      overduePenaltyDecisions: 0,
      overduePublications: 0,
      overdue: 10,
    });
    expect(summaryText).toBe(
      `${LEAD_IN}截至2019年4月30日，全市共出动执法人员39人次，检查各类主体20户次（20户），发现问题14个，责令整改6户，已整改4户，下架查扣问题产品货值7425元，立案4件，不予立案1件，罚没款6万元，移送公安1件，发现被曝光产品2批次。`,
    );
  });
});
