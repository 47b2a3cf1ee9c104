import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { cityBureau, createBureau, createOfficer } from '../factories/people';
import type { BureauRecord, OfficerRecord } from '../factories/people';
import { MAX_IMPORT_ROWS } from '../../src/premises/dto/premises.inputs';
import { GraphQLResponse, startTestApp, TestApp } from '../helpers/test-app';

const VALID_CODES = ['91640100MA7500000W', '91640104MA76A1B2CK', '92640100L12345678W'];

interface Row {
  name: string;
  kind: string;
  bureauCode: string;
  address: string;
  [field: string]: unknown;
}

describe('premises registry', () => {
  let app: TestApp;
  let adminToken: string;
  let city: BureauRecord;
  let east: BureauRecord;
  let west: BureauRecord;
  let eastInspector: OfficerRecord;
  let manager: OfficerRecord;

  beforeAll(async () => {
    app = await startTestApp();
    adminToken = await app.adminToken();
    city = await cityBureau(app);
    east = await createBureau(app, { code: 'XINGQING', name: '兴庆区分局' });
    west = await createBureau(app, { code: 'JINFENG', name: '金凤区分局' });
    eastInspector = await createOfficer(app, east.id, ['INSPECTOR']);
    manager = await createOfficer(app, city.id, ['MANAGER']);
  });
  afterAll(() => app.close());

  /** Imports in English (reasons as the row checks write them) unless `language` says otherwise. */
  async function importRows(rows: Row[], token = adminToken, language = 'en') {
    return app.gql(
      'ImportPremises',
      { input: { rows } },
      { token, headers: { 'accept-language': language } },
    );
  }

  async function search(filter: Record<string, unknown>, token = adminToken, first?: number) {
    const result = await app.gql('SearchPremises', { filter, first }, { token });
    expect(result.errors).toBeUndefined();
    return result.data!.premisesList as {
      totalCount: number;
      edges: { node: { id: string; name: string } }[];
    };
  }

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
          creditCode: '91640100MA7500000X',
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
      const result = await importRows(rows);
      expect(result.errors).toBeUndefined();
      const payload = result.data!.importPremises;
      expect(payload.created).toBe(2);
      expect(payload.updated).toBe(0);
      expect(payload.rejected.map((r: { row: number }) => r.row)).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
      const reasons = payload.rejected.map((r: { reason: string }) => r.reason);
      expect(reasons[0]).toMatch(/check character is wrong.*W/);
      expect(reasons[1]).toMatch(/SC followed by 14 digits/);
      expect(reasons[2]).toMatch(/unknown bureau code "NOWHERE"/);
      expect(reasons[3]).toMatch(/name .* missing/);
      expect(reasons[4]).toMatch(/address .* missing/);
      expect(reasons[5]).toMatch(/latitude 138/);
      expect(reasons[6]).toMatch(/only for a PHARMACY/);
      expect(reasons[7]).toMatch(/"I"/);

      // By default the clerk reads the reasons in Chinese.
      const again = await importRows(rows.slice(2, 5), adminToken, 'zh-CN');
      expect(again.data!.importPremises.rejected.map((r: { reason: string }) => r.reason)).toEqual([
        expect.stringMatching(/^统一社会信用代码".*"校验位错误（最后一位应为W）$/),
        expect.stringMatching(/^食品生产许可证编号".*"应为SC加14位数字$/),
        '执法单位代码"NOWHERE"不存在',
      ]);

      const stored = await app.query(
        `SELECT name, kind, credit_code, risk_level, licences, pharmacist_registrations, latitude, bureau_id
           FROM premises ORDER BY name`,
      );
      expect(stored).toEqual([
        expect.objectContaining({
          name: '宁夏塞上面食品有限公司',
          credit_code: VALID_CODES[0],
          risk_level: 'C',
          latitude: 38.4872,
          bureau_id: east.id,
          licences: [
            { kind: 'FOOD_PRODUCTION', number: 'SC10664010000123', validUntil: '2026-12-31' },
          ],
        }),
        expect.objectContaining({
          name: '康宁大药房',
          pharmacist_registrations: ['640101201900123'],
          bureau_id: west.id,
        }),
      ]);
      const audit = await app.query(
        `SELECT action, entity_type, after->>'name' AS name FROM audit_events WHERE entity_type = 'Premises' ORDER BY after->>'name'`,
      );
      expect(audit).toEqual([
        { action: 'CREATE', entity_type: 'Premises', name: '宁夏塞上面食品有限公司' },
        { action: 'CREATE', entity_type: 'Premises', name: '康宁大药房' },
      ]);
    });

    it('updates the premises with the same credit code, or the same name and address, instead of duplicating it', async () => {
      const result = await importRows([
        {
          name: '宁夏塞上面食品有限公司（更名）',
          kind: 'FOOD_PRODUCER',
          bureauCode: 'XINGQING',
          address: '兴庆区丽景北街88号',
          creditCode: VALID_CODES[0],
          riskLevel: 'D',
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
      expect(result.data!.importPremises).toEqual({ created: 1, updated: 3, rejected: [] });
      const [producer] = await app.query(`SELECT * FROM premises WHERE credit_code = $1`, [
        VALID_CODES[0],
      ]);
      expect(producer).toMatchObject({ name: '宁夏塞上面食品有限公司（更名）', risk_level: 'D' });
      expect(producer.licences).toHaveLength(1);
      const [pharmacy] = await app.query(`SELECT * FROM premises WHERE name = '康宁大药房'`);
      expect(pharmacy).toMatchObject({
        credit_code: VALID_CODES[1],
        pharmacist_registrations: ['640101201900123'],
      });
      const shops = await app.query(`SELECT risk_level FROM premises WHERE name = '新开小卖部'`);
      expect(shops).toEqual([{ risk_level: 'B' }]);
      const [update] = await app.query(
        `SELECT before->>'riskLevel' AS before, after->>'riskLevel' AS after FROM audit_events
          WHERE action = 'UPDATE' AND entity_id = $1`,
        [producer.id],
      );
      expect(update).toEqual({ before: 'C', after: 'D' });
    });

    it('is for administrators only', async () => {
      for (const token of [eastInspector.token, manager.token]) {
        const result = await importRows(
          [{ name: '某店', kind: 'OTHER', bureauCode: 'XINGQING', address: '某路1号' }],
          token,
        );
        expect(result.errors![0].extensions!.code).toBe('FORBIDDEN');
      }
      const [{ count }] = await app.query(
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
      const result = await importRows(rows);
      expect(result.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    });
  });

  describe('premisesList and premises', () => {
    beforeAll(async () => {
      const rows: Row[] = [];
      for (let i = 0; i < 45; i++) {
        rows.push({
          name: `金凤百货店${String(i).padStart(2, '0')}`,
          kind: i % 3 === 0 ? 'FOOD_RETAILER' : 'CATERING',
          bureauCode: 'JINFENG',
          address: `金凤区正源街${i}号`,
          riskLevel: i % 2 === 0 ? 'A' : 'B',
        });
      }
      rows.push({
        name: '兴庆100%_纯净水店',
        kind: 'FOOD_RETAILER',
        bureauCode: 'XINGQING',
        address: '兴庆区解放东街1号',
        creditCode: VALID_CODES[2],
      });
      const result = await importRows(rows);
      expect(result.data!.importPremises.created).toBe(46);
    });

    it('finds premises by part of the name, the address or the credit code, case-insensitively', async () => {
      expect((await search({ search: '百货店0' })).totalCount).toBe(10);
      expect((await search({ search: '正源街4' })).totalCount).toBe(6);
      expect((await search({ search: 'l12345' })).edges.map((e) => e.node.name)).toEqual([
        '兴庆100%_纯净水店',
      ]);
    });

    it('treats % and _ in the search text as letters, not wildcards', async () => {
      expect((await search({ search: '100%_' })).totalCount).toBe(1);
      expect((await search({ search: '%' })).totalCount).toBe(1);
      expect((await search({ search: '_' })).totalCount).toBe(1);
    });

    it('filters by kind, risk level and bureau', async () => {
      expect((await search({ kinds: ['FOOD_RETAILER'], bureauId: west.id })).totalCount).toBe(15);
      expect((await search({ riskLevels: ['A'], search: '百货店' })).totalCount).toBe(23);
      expect((await search({ bureauId: east.id })).totalCount).toBe(3);
      expect((await search({ bureauId: city.id, includeSubBureaus: false })).totalCount).toBe(0);
      expect((await search({ bureauId: city.id })).totalCount).toBe(49);
    });

    it('pages through 45 premises in pages of 20 without overlap or gaps', async () => {
      const seen: string[] = [];
      let after: string | null = null;
      for (let page = 0; page < 3; page++) {
        const result: GraphQLResponse = await app.gql(
          'SearchPremises',
          { filter: { search: '百货店' }, first: 20, after },
          { token: adminToken },
        );
        const list = result.data!.premisesList as {
          totalCount: number;
          pageInfo: { hasNextPage: boolean; endCursor: string | null };
          edges: { node: { name: string } }[];
        };
        expect(list.totalCount).toBe(45);
        seen.push(...list.edges.map((e: { node: { name: string } }) => e.node.name));
        expect(list.pageInfo.hasNextPage).toBe(page < 2);
        after = list.pageInfo.endCursor;
      }
      expect(seen).toEqual(
        Array.from({ length: 45 }, (_, i) => `金凤百货店${String(i).padStart(2, '0')}`),
      );
    });

    it('refuses a page larger than 100, a malformed cursor and a malformed id', async () => {
      const tooLarge = await app.gql('SearchPremises', { first: 101 }, { token: adminToken });
      expect(tooLarge.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
      // A malformed cursor, or a well-formed one of another shape (a conflicts cursor, an id that
      // is no UUID, a number for the name), is the client's mistake on `after`.
      const cursor = (values: unknown[]) =>
        Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
      for (const after of [
        'nonsense',
        cursor(['PAGE0001']),
        cursor(['金凤百货店00', 'not-a-uuid']),
        cursor([42, '00000000-0000-4000-8000-000000000001']),
      ]) {
        const badCursor = await app.gql('SearchPremises', { after }, { token: adminToken });
        expect(badCursor.data).toBeNull();
        expect(badCursor.errors![0].extensions).toMatchObject({
          code: 'BAD_USER_INPUT',
          fields: [{ path: 'after', message: expect.any(String) }],
        });
      }
      const malformed = await app.gql(
        `query { premises(id: "42") { id } }`,
        {},
        { token: adminToken },
      );
      expect(malformed.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
      const badFilter = await app.gql(
        'SearchPremises',
        { filter: { bureauId: 'x' } },
        { token: adminToken },
      );
      expect(badFilter.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    });

    it('shows an inspector only the premises of their jurisdiction; a manager sees all', async () => {
      const mine = await search({}, eastInspector.token, 100);
      expect(mine.totalCount).toBe(3);
      expect(mine.edges.every((e) => !e.node.name.startsWith('金凤'))).toBe(true);
      expect((await search({ search: '百货店' }, eastInspector.token)).totalCount).toBe(0);
      expect((await search({ bureauId: west.id }, eastInspector.token)).totalCount).toBe(0);
      expect((await search({}, manager.token)).totalCount).toBe(49);

      const [westPremises] = await app.query(
        `SELECT id FROM premises WHERE bureau_id = $1 LIMIT 1`,
        [west.id],
      );
      const hidden = await app.gql(
        `query($id: ID!) { premises(id: $id) { id } }`,
        { id: westPremises.id },
        { token: eastInspector.token },
      );
      expect(hidden.data?.premises ?? null).toBeNull();
      expect(hidden.errors![0].extensions!.code).toBe('NOT_FOUND');
      const seen = await app.gql(
        `query($id: ID!) { premises(id: $id) { id name bureau { code } } }`,
        { id: westPremises.id },
        { token: manager.token },
      );
      expect(seen.data!.premises).toMatchObject({
        id: westPremises.id,
        bureau: { code: 'JINFENG' },
      });
    });

    it('reads a page of premises with their bureau and last inspection in as many SQL statements for 5 as for 40', async () => {
      const runner = app.dataSource.createQueryRunner();
      const prototype = Object.getPrototypeOf(runner) as { query: (...args: unknown[]) => unknown };
      await runner.release();
      const statements = jest.spyOn(prototype, 'query');
      const count = async (first: number) => {
        statements.mockClear();
        const result = await app.gql(
          'SearchPremises',
          { filter: { search: '百货店' }, first },
          { token: adminToken },
        );
        expect(result.data!.premisesList.edges).toHaveLength(first);
        return statements.mock.calls.length;
      };
      try {
        const small = await count(5);
        expect(small).toBeGreaterThan(0);
        expect(await count(40)).toBe(small);
      } finally {
        statements.mockRestore();
      }
    });

    it('lists premises not yet inspected in a sweep, of the kinds its categories cover', async () => {
      const [sweep] = await app.query(
        `INSERT INTO sweeps (code, title, lead_bureau_id, status, start_date, end_date)
         VALUES ('S-2019-01', '调味面制品专项整治', $1, 'ACTIVE', '2019-03-16', '2019-06-30') RETURNING id`,
        [city.id],
      );
      const [category] = await app.query(
        `SELECT id FROM target_categories WHERE code = 'CAMPUS_FOOD'`,
      );
      await app.query(`INSERT INTO sweep_categories (sweep_id, category_id) VALUES ($1, $2)`, [
        sweep.id,
        category.id,
      ]);
      // CAMPUS_FOOD covers FOOD_RETAILER, CATERING (and more): 45 of 金凤 + 1 of 兴庆 + the shop from the import
      const before = await search({ notInspectedInSweepId: sweep.id });
      expect(before.totalCount).toBe(47);

      const premises = await app.query(
        `SELECT id, bureau_id FROM premises WHERE name IN ('金凤百货店00', '金凤百货店01') ORDER BY name`,
      );
      const officers = [eastInspector.id, manager.id];
      const insert = (premisesId: string, bureauId: string, at: string, voided: boolean) =>
        app.query(
          `INSERT INTO inspections (sweep_id, category_id, premises_id, bureau_id, officer_ids, recorded_by_id, inspected_at, outcome, voided, void_reason)
           VALUES ($1, $2, $3, $4, $5, $6, $7, 'COMPLIANT', $8, $9) RETURNING id`,
          [
            sweep.id,
            category.id,
            premisesId,
            bureauId,
            officers,
            manager.id,
            at,
            voided,
            voided ? '录入错误' : null,
          ],
        );
      await insert(premises[0].id, premises[0].bureau_id, '2019-03-20T02:00:00Z', false);
      const [latest] = await insert(
        premises[0].id,
        premises[0].bureau_id,
        '2019-03-25T02:00:00Z',
        false,
      );
      await insert(premises[1].id, premises[1].bureau_id, '2019-03-26T02:00:00Z', true);

      const after = await search({ notInspectedInSweepId: sweep.id });
      expect(after.totalCount).toBe(46);
      expect(after.edges.map((e) => e.node.name)).not.toContain('金凤百货店00');

      const listed = await app.gql(
        'SearchPremises',
        { filter: { search: '百货店0' }, first: 2 },
        { token: adminToken },
      );
      expect(listed.errors).toBeUndefined();
      expect(
        listed.data!.premisesList.edges.map(
          (e: { node: { lastInspection: { id: string } | null } }) =>
            e.node.lastInspection?.id ?? null,
        ),
      ).toEqual([latest.id, null]);

      const detail = await app.gql(
        `query($id: ID!) { premises(id: $id) { inspections(first: 1) { totalCount pageInfo { hasNextPage endCursor } edges { node { id outcome } } } } }`,
        { id: premises[0].id },
        { token: adminToken },
      );
      const connection = detail.data!.premises.inspections;
      expect(connection.totalCount).toBe(2);
      expect(connection.edges[0].node.id).toBe(latest.id);
      expect(connection.pageInfo.hasNextPage).toBe(true);
      const next = await app.gql(
        `query($id: ID!, $after: String) { premises(id: $id) { inspections(first: 1, after: $after) { pageInfo { hasNextPage } edges { node { inspectedAt } } } } }`,
        { id: premises[0].id, after: connection.pageInfo.endCursor },
        { token: adminToken },
      );
      expect(next.data!.premises.inspections).toEqual({
        pageInfo: { hasNextPage: false },
        edges: [{ node: { inspectedAt: '2019-03-20T02:00:00.000Z' } }],
      });
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
      credit_code: '92640100L12345678W',
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
