import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { cityBureau, createBureau } from '../factories/people';
import { MAX_IMPORT_ROWS } from '../../src/premises/dto/premises.inputs';
import { createPremisesWorld, PremisesWorld, Row, VALID_CODES } from '../helpers/premises-world';
import { startTestApp, TestApp } from '../helpers/test-app';

describe('premises registry', () => {
  let w: PremisesWorld;
  beforeAll(async () => (w = await createPremisesWorld()));
  afterAll(() => w.app.close());

  describe('importPremises', () => {
    it('creates valid rows and rejects each invalid row with a reason a clerk understands', async () => {
      const rows: Row[] = [
        {
          name: '宁夏塞上面食品有限公司',
          kind: 'FOOD_PRODUCER',
          bureauCode: 'XINGQING',
          address: '兴庆区丽景北街88号',
          creditCode: VALID_CODES[0],
          riskLevel: 'C',
          licences: [
            { kind: 'FOOD_PRODUCTION', number: 'SC10664010000123', validUntil: '2026-12-31' },
          ],
          latitude: 38.4872,
          longitude: 106.2309,
        },
        {
          name: '康宁大药房',
          kind: 'PHARMACY',
          bureauCode: 'JINFENG',
          address: '金凤区万寿路12号',
          pharmacistRegistrations: ['640101201900123'],
        },
        {
          name: '坏代码食品店',
          kind: 'FOOD_RETAILER',
          bureauCode: 'XINGQING',
          address: '兴庆区1号',
          creditCode: '91640100MA7500004X',
        },
        {
          name: '坏许可证食品厂',
          kind: 'FOOD_PRODUCER',
          bureauCode: 'XINGQING',
          address: '兴庆区2号',
          licences: [{ kind: 'FOOD_PRODUCTION', number: 'SC123' }],
        },
        { name: '无名局小卖部', kind: 'CAMPUS_SHOP', bureauCode: 'NOWHERE', address: '兴庆区3号' },
        { name: '   ', kind: 'CAMPUS_SHOP', bureauCode: 'XINGQING', address: '兴庆区4号' },
        { name: '无地址摊点', kind: 'OTHER', bureauCode: 'XINGQING', address: '' },
        {
          name: '坐标错误农资店',
          kind: 'AGRI_INPUT_DEALER',
          bureauCode: 'XINGQING',
          address: '兴庆区5号',
          latitude: 138,
          longitude: 106,
        },
        {
          name: '挂证超市',
          kind: 'FOOD_RETAILER',
          bureauCode: 'XINGQING',
          address: '兴庆区6号',
          pharmacistRegistrations: ['640101201900999'],
        },
        {
          name: '禁字母公司',
          kind: 'FOOD_RETAILER',
          bureauCode: 'XINGQING',
          address: '兴庆区7号',
          creditCode: '91350100I000100Y43',
        },
      ];
      const result = await w.importRows(rows);
      expect(result.errors).toBeUndefined();
      const payload = result.data!.importPremises;
      expect(payload.created).toBe(2);
      expect(payload.updated).toBe(0);
      expect(payload.rejected.map((r: { row: number }) => r.row)).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
      const reasons = payload.rejected.map((r: { reason: string }) => r.reason);
      expect(reasons[0]).toMatch(/check character is wrong.*9/);
      expect(reasons[1]).toMatch(/SC followed by 14 digits/);
      expect(reasons[2]).toMatch(/unknown bureau code "NOWHERE"/);
      expect(reasons[3]).toMatch(/name .* missing/);
      expect(reasons[4]).toMatch(/address .* missing/);
      expect(reasons[5]).toMatch(/latitude 138/);
      expect(reasons[6]).toMatch(/only for a PHARMACY/);
      expect(reasons[7]).toMatch(/"I"/);

      // By default the clerk reads the reasons in Chinese.
      const again = await w.importRows(rows.slice(2, 5), w.adminToken, 'zh-CN');
      expect(again.data!.importPremises.rejected.map((r: { reason: string }) => r.reason)).toEqual([
        expect.stringMatching(/^统一社会信用代码".*"校验位错误（最后一位应为9）$/),
        expect.stringMatching(/^食品生产许可证编号".*"应为SC加14位数字$/),
        '执法单位代码"NOWHERE"不存在',
      ]);

      const stored = await w.app.query(
        `SELECT name, kind, credit_code, risk_level, licences, pharmacist_registrations, latitude, bureau_id
           FROM premises ORDER BY name`,
      );
      expect(stored).toEqual([
        expect.objectContaining({
          name: '宁夏塞上面食品有限公司',
          credit_code: VALID_CODES[0],
          risk_level: 'C',
          latitude: 38.4872,
          bureau_id: w.east.id,
          licences: [
            { kind: 'FOOD_PRODUCTION', number: 'SC10664010000123', validUntil: '2026-12-31' },
          ],
        }),
        expect.objectContaining({
          name: '康宁大药房',
          pharmacist_registrations: ['640101201900123'],
          bureau_id: w.west.id,
        }),
      ]);
      const audit = await w.app.query(
        `SELECT action, entity_type, after->>'name' AS name FROM audit_events WHERE entity_type = 'Premises' ORDER BY after->>'name'`,
      );
      expect(audit).toEqual([
        { action: 'CREATE', entity_type: 'Premises', name: '宁夏塞上面食品有限公司' },
        { action: 'CREATE', entity_type: 'Premises', name: '康宁大药房' },
      ]);
    });

    it('updates the premises with the same credit code and name (a moved site), or the same name and address; another name of the code is another site', async () => {
      const result = await w.importRows([
        {
          name: '宁夏塞上面食品有限公司',
          kind: 'FOOD_PRODUCER',
          bureauCode: 'XINGQING',
          address: '兴庆区丽景北街90号',
          creditCode: VALID_CODES[0],
          riskLevel: 'D',
        },
        {
          name: '宁夏塞上面食品有限公司第二车间',
          kind: 'FOOD_PRODUCER',
          bureauCode: 'XINGQING',
          address: '兴庆区丽景北街92号',
          creditCode: VALID_CODES[0],
        },
        {
          name: '康宁大药房',
          kind: 'PHARMACY',
          bureauCode: 'JINFENG',
          address: '金凤区万寿路12号',
          creditCode: VALID_CODES[1],
        },
        {
          name: '新开小卖部',
          kind: 'CAMPUS_SHOP',
          bureauCode: 'XINGQING',
          address: '兴庆区育才巷3号',
        },
        {
          name: '新开小卖部',
          kind: 'CAMPUS_SHOP',
          bureauCode: 'XINGQING',
          address: '兴庆区育才巷3号',
          riskLevel: 'B',
        },
      ]);
      expect(result.errors).toBeUndefined();
      expect(result.data!.importPremises).toEqual({ created: 2, updated: 3, rejected: [] });
      const sites = await w.app.query(
        `SELECT * FROM premises WHERE credit_code = $1 ORDER BY name`,
        [VALID_CODES[0]],
      );
      expect(sites.map((site: { name: string }) => site.name)).toEqual([
        '宁夏塞上面食品有限公司',
        '宁夏塞上面食品有限公司第二车间',
      ]);
      const [producer] = sites;
      expect(producer).toMatchObject({ address: '兴庆区丽景北街90号', risk_level: 'D' });
      expect(producer.licences).toHaveLength(1);
      const [pharmacy] = await w.app.query(`SELECT * FROM premises WHERE name = '康宁大药房'`);
      expect(pharmacy).toMatchObject({
        credit_code: VALID_CODES[1],
        pharmacist_registrations: ['640101201900123'],
      });
      const shops = await w.app.query(`SELECT risk_level FROM premises WHERE name = '新开小卖部'`);
      expect(shops).toEqual([{ risk_level: 'B' }]);
      const [update] = await w.app.query(
        `SELECT before->>'riskLevel' AS before, after->>'riskLevel' AS after FROM audit_events
          WHERE action = 'UPDATE' AND entity_id = $1`,
        [producer.id],
      );
      expect(update).toEqual({ before: 'C', after: 'D' });
    });

    it('is for administrators only', async () => {
      for (const token of [w.eastInspector.token, w.manager.token]) {
        const result = await w.importRows(
          [{ name: '某店', kind: 'OTHER', bureauCode: 'XINGQING', address: '某路1号' }],
          token,
        );
        expect(result.errors![0].extensions!.code).toBe('FORBIDDEN');
      }
      const [{ count }] = await w.app.query(
        `SELECT count(*)::int AS count FROM premises WHERE name = '某店'`,
      );
      expect(count).toBe(0);
    });

    it('refuses a batch of more than the row limit as a whole', async () => {
      const rows = Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => ({
        name: `店${i}`,
        kind: 'OTHER',
        bureauCode: 'X',
        address: 'A',
      }));
      const result = await w.importRows(rows);
      expect(result.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    });
  });
});

describe('npm run import:premises', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
    const city = await cityBureau(app);
    for (const code of ['XINGQING', 'JINFENG', 'XIXIA', 'YONGNING', 'HELAN']) {
      await createBureau(app, { code, parentId: city.id });
    }
  });
  afterAll(() => app.close());

  function runCli(file: string): Promise<{ code: number; stdout: string; stderr: string }> {
    const root = join(__dirname, '..', '..');
    return new Promise((resolve) => {
      execFile(
        'npm',
        ['run', '--silent', 'import:premises', '--', file],
        { cwd: root, env: { ...process.env, DATABASE_URL: app.databaseUrl }, timeout: 60_000 },
        (error, stdout, stderr) =>
          resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
      );
    });
  }

  it('imports the sample registry, prints a summary with the lines it rejected, and updates on a second run', async () => {
    const first = await runCli('test/fixtures/premises-sample.csv');
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('created: 14\nupdated: 0\nrejected: 6');
    expect(first.stdout).toMatch(/line 16: .*check character is wrong/);
    expect(first.stdout).toMatch(/line 17: .*SC followed by 14 digits/);
    expect(first.stdout).toMatch(/line 18: unknown bureau code "NOSUCH"/);
    expect(first.stdout).toMatch(/line 19: .*only for a PHARMACY/);
    expect(first.stdout).toMatch(/line 20: latitude 391.2/);
    expect(first.stdout).toMatch(/line 21: name .* missing/);

    const [shop] = await app.query(
      `SELECT p.address, p.credit_code, p.licences, b.code FROM premises p JOIN bureaus b ON b.id = p.bureau_id
        WHERE p.name = '金凤区"好邻居"便利店'`,
    );
    expect(shop).toEqual({
      address: '金凤区北京中路168号,1号商铺',
      credit_code: '92640100L12345607J',
      licences: [{ kind: 'FOOD_TRADING', number: 'JY16401060012345', validUntil: null }],
      code: 'JINFENG',
    });
    const [pharmacy] = await app.query(
      `SELECT pharmacist_registrations FROM premises WHERE name = '康宁大药房连锁有限公司兴庆店'`,
    );
    expect(pharmacy.pharmacist_registrations).toEqual(['640101201900123', '640101201900456']);
    const kinds = await app.query<{ kind: string }>(
      `SELECT DISTINCT kind FROM premises ORDER BY kind`,
    );
    expect(kinds).toHaveLength(11);
    const [audit] = await app.query(
      `SELECT count(*)::int AS count, bool_and(actor_id IS NULL) AS "noActor" FROM audit_events WHERE entity_type = 'Premises'`,
    );
    expect(audit).toEqual({ count: 14, noActor: true });

    const second = await runCli('test/fixtures/premises-sample.csv');
    expect(second.stdout).toContain('created: 0\nupdated: 14\nrejected: 6');
    const [{ count }] = await app.query(`SELECT count(*)::int AS count FROM premises`);
    expect(count).toBe(14);
  }, 120_000);

  it('exits with status 1 and a message when the file cannot be read', async () => {
    const result = await runCli('test/fixtures/no-such-file.csv');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/no-such-file/);
  }, 60_000);
});
