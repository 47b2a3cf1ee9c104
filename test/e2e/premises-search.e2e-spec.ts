import { OfficerCache } from '../../src/officers/officer-cache';
import { createPremises } from '../factories/field-work';
import { createPremisesWorld, PremisesWorld, Row, VALID_CODES } from '../helpers/premises-world';
import { GraphQLResponse } from '../helpers/test-app';

describe('premises registry', () => {
  let w: PremisesWorld;
  beforeAll(async () => (w = await createPremisesWorld()));
  afterAll(() => w.app.close());

  // The premises the premises-import tests leave in the registry, which these tests count along.
  beforeAll(async () => {
    const leftovers = [
      ['宁夏塞上面食品有限公司（更名）', 'FOOD_PRODUCER', w.east, '兴庆区丽景北街88号', 0, 'D'],
      ['康宁大药房', 'PHARMACY', w.west, '金凤区万寿路12号', 1, null],
      ['新开小卖部', 'CAMPUS_SHOP', w.east, '兴庆区育才巷3号', null, 'B'],
    ] as const;
    for (const [name, kind, bureau, address, code, riskLevel] of leftovers)
      await createPremises(w.app, {
        name,
        kind,
        bureauId: bureau.id,
        address,
        creditCode: code === null ? undefined : VALID_CODES[code],
        riskLevel,
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
      const result = await w.importRows(rows);
      expect(result.data!.importPremises.created).toBe(46);
    });

    it('finds premises by part of the name, the address or the credit code, case-insensitively', async () => {
      expect((await w.search({ search: '百货店0' })).totalCount).toBe(10);
      expect((await w.search({ search: '正源街4' })).totalCount).toBe(6);
      expect((await w.search({ search: 'l12345' })).edges.map((e) => e.node.name)).toEqual([
        '兴庆100%_纯净水店',
      ]);
    });

    it('treats % and _ in the search text as letters, not wildcards', async () => {
      expect((await w.search({ search: '100%_' })).totalCount).toBe(1);
      expect((await w.search({ search: '%' })).totalCount).toBe(1);
      expect((await w.search({ search: '_' })).totalCount).toBe(1);
    });

    it('filters by kind, risk level and bureau', async () => {
      expect((await w.search({ kinds: ['FOOD_RETAILER'], bureauId: w.west.id })).totalCount).toBe(
        15,
      );
      expect((await w.search({ riskLevels: ['A'], search: '百货店' })).totalCount).toBe(23);
      expect((await w.search({ bureauId: w.east.id })).totalCount).toBe(3);
      expect((await w.search({ bureauId: w.city.id, includeSubBureaus: false })).totalCount).toBe(
        0,
      );
      expect((await w.search({ bureauId: w.city.id })).totalCount).toBe(49);
    });

    it('pages through 45 premises in pages of 20 without overlap or gaps', async () => {
      const seen: string[] = [];
      let after: string | null = null;
      for (let page = 0; page < 3; page++) {
        const result: GraphQLResponse = await w.app.gql(
          'SearchPremises',
          { filter: { search: '百货店' }, first: 20, after },
          { token: w.adminToken },
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
      // Past the last page: no edges, and still the count of every match (issue 15 reads the
      // count from the page's own statement, which has no row here).
      const beyond = await w.app.gql(
        'SearchPremises',
        { filter: { search: '百货店' }, first: 20, after },
        { token: w.adminToken },
      );
      expect(beyond.data!.premisesList).toMatchObject({
        totalCount: 45,
        edges: [],
        pageInfo: { hasNextPage: false, endCursor: null },
      });
    });

    it('answers GraphQL with Cache-Control: no-store and no ETag', async () => {
      const response = await fetch(`${w.app.url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${w.adminToken}`,
        },
        body: JSON.stringify({ query: '{ premisesList(first: 1) { totalCount } }' }),
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('etag')).toBeNull();
    });

    it('refuses a page larger than 100, a malformed cursor and a malformed id', async () => {
      const tooLarge = await w.app.gql('SearchPremises', { first: 101 }, { token: w.adminToken });
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
        const badCursor = await w.app.gql('SearchPremises', { after }, { token: w.adminToken });
        expect(badCursor.data).toBeNull();
        expect(badCursor.errors![0].extensions).toMatchObject({
          code: 'BAD_USER_INPUT',
          fields: [{ path: 'after', message: expect.any(String) }],
        });
      }
      const malformed = await w.app.gql(
        `query { premises(id: "42") { id } }`,
        {},
        { token: w.adminToken },
      );
      expect(malformed.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
      const badFilter = await w.app.gql(
        'SearchPremises',
        { filter: { bureauId: 'x' } },
        { token: w.adminToken },
      );
      expect(badFilter.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    });

    it('shows an inspector only the premises of their jurisdiction; a manager sees all', async () => {
      const mine = await w.search({}, w.eastInspector.token, 100);
      expect(mine.totalCount).toBe(3);
      expect(mine.edges.every((e) => !e.node.name.startsWith('金凤'))).toBe(true);
      expect((await w.search({ search: '百货店' }, w.eastInspector.token)).totalCount).toBe(0);
      expect((await w.search({ bureauId: w.west.id }, w.eastInspector.token)).totalCount).toBe(0);
      expect((await w.search({}, w.manager.token)).totalCount).toBe(49);

      const [westPremises] = await w.app.query(
        `SELECT id FROM premises WHERE bureau_id = $1 LIMIT 1`,
        [w.west.id],
      );
      const hidden = await w.app.gql(
        `query($id: ID!) { premises(id: $id) { id } }`,
        { id: westPremises.id },
        { token: w.eastInspector.token },
      );
      expect(hidden.data?.premises ?? null).toBeNull();
      expect(hidden.errors![0].extensions!.code).toBe('NOT_FOUND');
      const seen = await w.app.gql(
        `query($id: ID!) { premises(id: $id) { id name bureau { code } } }`,
        { id: westPremises.id },
        { token: w.manager.token },
      );
      expect(seen.data!.premises).toMatchObject({
        id: westPremises.id,
        bureau: { code: 'JINFENG' },
      });
    });

    it('reads a page of premises with their bureau and last inspection in as many SQL statements for 5 as for 40', async () => {
      const runner = w.app.dataSource.createQueryRunner();
      const prototype = Object.getPrototypeOf(runner) as { query: (...args: unknown[]) => unknown };
      await runner.release();
      const statements = jest.spyOn(prototype, 'query');
      const count = async (first: number) => {
        // Each measured request reads its officer (OfficerCache keeps none from before).
        w.app.app.get(OfficerCache).forgetAll();
        statements.mockClear();
        const result = await w.app.gql(
          'SearchPremises',
          { filter: { search: '百货店' }, first },
          { token: w.adminToken },
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
      const [sweep] = await w.app.query(
        `INSERT INTO sweeps (code, title, lead_bureau_id, status, start_date, end_date)
         VALUES ('S-2019-01', '调味面制品专项整治', $1, 'ACTIVE', '2019-03-16', '2019-06-30') RETURNING id`,
        [w.city.id],
      );
      const [category] = await w.app.query(
        `SELECT id FROM target_categories WHERE code = 'CAMPUS_FOOD'`,
      );
      await w.app.query(`INSERT INTO sweep_categories (sweep_id, category_id) VALUES ($1, $2)`, [
        sweep.id,
        category.id,
      ]);
      // CAMPUS_FOOD covers FOOD_RETAILER, CATERING (and more): 45 of 金凤 + 1 of 兴庆 + the shop from the import
      const before = await w.search({ notInspectedInSweepId: sweep.id });
      expect(before.totalCount).toBe(47);

      const premises = await w.app.query(
        `SELECT id, bureau_id FROM premises WHERE name IN ('金凤百货店00', '金凤百货店01') ORDER BY name`,
      );
      const officers = [w.eastInspector.id, w.manager.id];
      const insert = (premisesId: string, bureauId: string, at: string, voided: boolean) =>
        w.app.query(
          `INSERT INTO inspections (sweep_id, category_id, premises_id, bureau_id, officer_ids, recorded_by_id, inspected_at, outcome, voided, void_reason)
           VALUES ($1, $2, $3, $4, $5, $6, $7, 'COMPLIANT', $8, $9) RETURNING id`,
          [
            sweep.id,
            category.id,
            premisesId,
            bureauId,
            officers,
            w.manager.id,
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

      const after = await w.search({ notInspectedInSweepId: sweep.id });
      expect(after.totalCount).toBe(46);
      expect(after.edges.map((e) => e.node.name)).not.toContain('金凤百货店00');

      const listed = await w.app.gql(
        'SearchPremises',
        { filter: { search: '百货店0' }, first: 2 },
        { token: w.adminToken },
      );
      expect(listed.errors).toBeUndefined();
      expect(
        listed.data!.premisesList.edges.map(
          (e: { node: { lastInspection: { id: string } | null } }) =>
            e.node.lastInspection?.id ?? null,
        ),
      ).toEqual([latest.id, null]);

      const detail = await w.app.gql(
        `query($id: ID!) { premises(id: $id) { inspections(first: 1) { totalCount pageInfo { hasNextPage endCursor } edges { node { id outcome } } } } }`,
        { id: premises[0].id },
        { token: w.adminToken },
      );
      const connection = detail.data!.premises.inspections;
      expect(connection.totalCount).toBe(2);
      expect(connection.edges[0].node.id).toBe(latest.id);
      expect(connection.pageInfo.hasNextPage).toBe(true);
      const next = await w.app.gql(
        `query($id: ID!, $after: String) { premises(id: $id) { inspections(first: 1, after: $after) { pageInfo { hasNextPage } edges { node { inspectedAt } } } } }`,
        { id: premises[0].id, after: connection.pageInfo.endCursor },
        { token: w.adminToken },
      );
      expect(next.data!.premises.inspections).toEqual({
        pageInfo: { hasNextPage: false },
        edges: [{ node: { inspectedAt: '2019-03-20T02:00:00.000Z' } }],
      });
    });
  });
});
