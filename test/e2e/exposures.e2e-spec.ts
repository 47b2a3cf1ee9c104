import { cityBureau, createBureau, createOfficer, OfficerRecord } from '../factories/people';
import { startTestApp, TestApp } from '../helpers/test-app';

describe('exposures (曝光事件)', () => {
  let app: TestApp;
  let manager: OfficerRecord;
  let inspector: OfficerRecord;

  const spicyStrips = {
    title: '辣条生产黑作坊',
    source: 'CCTV_315_GALA',
    exposedOn: '2019-03-15',
    summary: '河南某地辣条作坊卫生条件恶劣',
    reference: 'CCTV 2019-03-15',
    categoryCodes: ['SEASONED_FLOUR_PRODUCTS', 'CAMPUS_FOOD'],
    involvesJurisdiction: false,
    products: [
      { brand: '卫龙', productName: '大面筋', manufacturer: '某食品有限公司', batch: '20190101' },
      { productName: '麻辣条' },
    ],
  };

  beforeAll(async () => {
    app = await startTestApp();
    const city = await cityBureau(app);
    const sub = await createBureau(app);
    manager = await createOfficer(app, city.id, ['MANAGER']);
    inspector = await createOfficer(app, sub.id, ['INSPECTOR']);
  });
  afterAll(() => app.close());

  it('records an exposure with its categories and products, and audits it', async () => {
    const result = await app.gql(
      'RecordExposure',
      { input: spicyStrips },
      { token: manager.token },
    );
    expect(result.errors).toBeUndefined();
    const exposure = result.data!.recordExposure.exposure;
    expect(exposure).toMatchObject({
      title: '辣条生产黑作坊',
      source: 'CCTV_315_GALA',
      exposedOn: '2019-03-15',
      involvesJurisdiction: false,
      categories: [{ code: 'CAMPUS_FOOD' }, { code: 'SEASONED_FLOUR_PRODUCTS' }],
    });
    expect(exposure.products).toHaveLength(2);
    expect(exposure.products).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ brand: '卫龙', productName: '大面筋' }),
        expect.objectContaining({ brand: null, productName: '麻辣条', manufacturer: null }),
      ]),
    );
    const products = await app.query(
      'SELECT product_name, batch FROM exposed_products WHERE exposure_id = $1 ORDER BY product_name',
      [exposure.id],
    );
    expect(products).toEqual([
      { product_name: '大面筋', batch: '20190101' },
      { product_name: '麻辣条', batch: null },
    ]);
    const audit = await app.query(
      `SELECT action, actor_id, after FROM audit_events WHERE entity_type = 'Exposure' AND entity_id = $1`,
      [exposure.id],
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'RECORD', actor_id: manager.id });
    expect(audit[0].after).toMatchObject({
      title: '辣条生产黑作坊',
      categoryCodes: ['SEASONED_FLOUR_PRODUCTS', 'CAMPUS_FOOD'],
    });
  });

  it('refuses an inspector with FORBIDDEN and writes nothing', async () => {
    const before = await app.query<{ count: string }>('SELECT count(*) FROM exposures');
    const result = await app.gql(
      'RecordExposure',
      { input: { ...spicyStrips, title: '检查员不能录入' } },
      { token: inspector.token },
    );
    expect(result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await app.query('SELECT count(*) FROM exposures')).toEqual(before);
  });

  it('names an unknown category code by its path and writes nothing', async () => {
    const before = await app.query<{ count: string }>('SELECT count(*) FROM exposures');
    const result = await app.gql(
      'RecordExposure',
      { input: { ...spicyStrips, categoryCodes: ['CAMPUS_FOOD', 'SPICY_STRIPS'] } },
      { token: manager.token },
    );
    expect(result.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [
        { path: 'input.categoryCodes[1]', message: expect.stringContaining('SPICY_STRIPS') },
      ],
    });
    expect(await app.query('SELECT count(*) FROM exposures')).toEqual(before);
  });

  it('refuses a product without a name with the path of the field', async () => {
    const result = await app.gql(
      'RecordExposure',
      { input: { ...spicyStrips, products: [{ productName: '' }] } },
      { token: manager.token },
    );
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0].extensions?.fields).toEqual([
      expect.objectContaining({ path: 'input.products[0].productName' }),
    ]);
  });

  it('lists exposures to any officer, newest first, page by page, with the sweeps they triggered', async () => {
    const days = ['2019-04-01', '2019-03-20', '2019-03-20', '2019-02-10'];
    const ids: string[] = [];
    for (const [index, exposedOn] of days.entries()) {
      const result = await app.gql(
        'RecordExposure',
        { input: { ...spicyStrips, title: `曝光${index}`, exposedOn, products: [] } },
        { token: manager.token },
      );
      expect(result.errors).toBeUndefined();
      ids.push(result.data!.recordExposure.exposure.id as string);
    }
    const city = await cityBureau(app);
    const sweep = await app.gql(
      'CreateSweep',
      {
        input: {
          code: 'EXPOSURE-SWEEP',
          title: '辣条专项整治',
          leadBureauId: city.id,
          exposureIds: [ids[0]],
          categoryCodes: ['SEASONED_FLOUR_PRODUCTS'],
          startDate: '2019-04-02',
          endDate: '2019-04-30',
        },
      },
      { token: manager.token },
    );
    expect(sweep.errors).toBeUndefined();

    const seen: { id: string; exposedOn: string; sweeps: unknown[] }[] = [];
    let after: string | undefined;
    for (let page = 0; page < 5; page++) {
      const result = await app.gql<{ exposures: any }>(
        `query($first: Int, $after: String) { exposures(first: $first, after: $after) {
           totalCount pageInfo { hasNextPage endCursor }
           edges { node { id exposedOn sweeps { id code status } } } } }`,
        { first: 2, after },
        { token: inspector.token },
      );
      expect(result.errors).toBeUndefined();
      const connection = result.data!.exposures;
      expect(connection.totalCount).toBe(5);
      seen.push(...connection.edges.map((edge: { node: any }) => edge.node));
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(5);
    expect(new Set(seen.map((node) => node.id)).size).toBe(5);
    const order = seen.map((node) => node.exposedOn);
    expect(order).toEqual([...order].sort().reverse());
    expect(order[0]).toBe('2019-04-01');
    expect(seen[0].sweeps).toEqual([
      { id: sweep.data!.createSweep.sweep.id, code: 'EXPOSURE-SWEEP', status: 'DRAFT' },
    ]);
    expect(seen.slice(1).every((node) => node.sweeps.length === 0)).toBe(true);

    const contract = await app.gql('Exposures', { first: 100 }, { token: inspector.token });
    expect(contract.errors).toBeUndefined();
    expect(contract.data!.exposures.edges).toHaveLength(5);
  });

  it('refuses a page larger than 100 and a foreign cursor', async () => {
    const big = await app.gql('Exposures', { first: 101 }, { token: manager.token });
    expect(big.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const cursor = await app.gql('Exposures', { after: 'not-a-cursor' }, { token: manager.token });
    expect(cursor.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses a malformed cursor as BAD_USER_INPUT on after, never an internal error', async () => {
    const encode = (values: unknown[]) =>
      Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
    const malformed = [
      // JSON of the right length whose values PostgreSQL could not cast: INTERNAL before.
      encode(['not-a-day', 'not-a-uuid']),
      encode(['2019-03-15', 'not-a-uuid']),
      encode(['2019-02-30', '00000000-0000-4000-8000-000000000000']),
      encode([20190315, '00000000-0000-4000-8000-000000000000']),
      encode(['2019-03-15']),
    ];
    for (const after of malformed) {
      const result = await app.gql('Exposures', { after }, { token: manager.token });
      expect([after, result.errors?.[0].extensions]).toEqual([
        after,
        expect.objectContaining({
          code: 'BAD_USER_INPUT',
          fields: [expect.objectContaining({ path: 'after' })],
        }),
      ]);
    }
  });
});
