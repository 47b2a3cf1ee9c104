import { randomUUID } from 'node:crypto';
import { ExposedProductListener } from '../../src/alerts/exposed-product-listener.service';
import { createExposure, createSweep } from '../factories/field-work';
import { createFieldWorld, FieldWorld, inspectionInput, refusal } from '../helpers/field-world';
import { proposedOp } from '../helpers/contract';
import { Received, SubscriptionClient, waitUntil } from '../helpers/subscriptions';
import { startTestApp, TestApp } from '../helpers/test-app';

/** A food lot (产品与批次) as a label gives it, with `overrides`. */
function foodLot(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    kind: 'FOOD',
    productName: '香辣条',
    brand: '卫龙',
    specification: '100g/袋',
    productionDate: '2019-03-01',
    shelfLife: '9个月',
    producerName: '平江县某某食品有限公司',
    producerLicence: 'SC10643062600123',
    lotNumber: 'B20190301',
    ...overrides,
  };
}

const SWEEP_PROGRESS = `
  query Progress($sweepId: ID!) {
    sweepProgress(sweepId: $sweepId) { totals { exposedProductsFound findings } }
  }`;

const EXPOSED_PRODUCT_FOUND = `
  subscription { exposedProductFound { finding { id } exposedProduct { id productName } } }`;

describe('product lots on findings (产品与批次)', () => {
  let app: TestApp;
  let world: FieldWorld;
  /** A sweep whose exposure names a batch of a branded product of a named maker. */
  let sweepId: string;
  let categoryId: string;
  let batchProductId: string;

  beforeAll(async () => {
    app = await startTestApp();
    world = await createFieldWorld(app);
    const exposure = await createExposure(app, {
      products: [
        { productName: '麻辣片', brand: '其他牌', manufacturer: '别的食品厂' },
        { productName: '香辣条', brand: '卫龙', manufacturer: '平江县某某食品有限公司' },
      ],
    });
    batchProductId = exposure.productIds[1];
    await app.query(`UPDATE exposed_products SET batch = 'B20190301' WHERE id = $1`, [
      batchProductId,
    ]);
    const sweep = await createSweep(app, {
      leadBureauId: world.city.id,
      exposureIds: [exposure.id],
    });
    sweepId = sweep.id;
    categoryId = sweep.categoryIds.get('SEASONED_FLOUR_PRODUCTS')!;
  });
  afterAll(() => app?.close());

  function onBatchSweep(findings: Record<string, unknown>[]): Record<string, unknown> {
    return inspectionInput(world, { sweepId, categoryId, findings });
  }

  it('stores the lot of a finding and serves it with the finding', async () => {
    const logged = await app.gql(
      'LogInspection',
      {
        input: inspectionInput(world, {
          findings: [
            {
              violationTypeCode: 'THREE_NO_PRODUCTS',
              description: '标签不全',
              product: foodLot({ productName: ' 麻辣王子 ', brand: '麻辣王子', lotNumber: null }),
            },
          ],
        }),
      },
      { token: world.inspectorA.token },
    );
    expect(logged.errors).toBeUndefined();
    const findingId = logged.data!.logInspection.inspection.findings[0].id as string;
    const read = await app.gql(
      proposedOp('FindingProduct'),
      { id: findingId },
      { token: world.inspectorA.token },
    );
    expect(read.data!.finding).toEqual({
      id: findingId,
      version: 1,
      product: {
        kind: 'FOOD',
        productName: '麻辣王子',
        brand: '麻辣王子',
        specification: '100g/袋',
        lotNumber: null,
        productionDate: '2019-03-01',
        expiryDate: null,
        shelfLife: '9个月',
        shelfLifeDays: null,
        producerName: '平江县某某食品有限公司',
        producerLicence: 'SC10643062600123',
        manufacturer: null,
        approvalNumber: null,
        traceabilityCode: null,
        lotReleaseNumber: null,
        registrationNumber: null,
      },
      // The world's sweep names 某某牌 辣条 of 某食品厂: no match.
      exposedProduct: null,
      sample: null,
    });
    const [row] = await app.query<{ product: Record<string, unknown> }>(
      `SELECT product FROM findings WHERE id = $1`,
      [findingId],
    );
    expect(row.product).toEqual({
      kind: 'FOOD',
      productName: '麻辣王子',
      brand: '麻辣王子',
      specification: '100g/袋',
      productionDate: '2019-03-01',
      shelfLife: '9个月',
      producerName: '平江县某某食品有限公司',
      producerLicence: 'SC10643062600123',
    });
  });

  it('refuses a lot by kind with the path of each field at fault, in Chinese and in English', async () => {
    const input = inspectionInput(world, {
      findings: [
        { violationTypeCode: 'THREE_NO_PRODUCTS', description: '无标签辣条' },
        {
          violationTypeCode: 'THREE_NO_PRODUCTS',
          description: '标签SC号不对',
          product: foodLot({ producerLicence: 'SC1064306260012', productionDate: '2099-01-01' }),
        },
      ],
    });
    const before = await app.query(`SELECT count(*)::int AS n FROM findings`);
    const zh = await app.gql('LogInspection', { input }, { token: world.inspectorA.token });
    expect(refusal(zh)).toEqual({
      code: 'BAD_USER_INPUT',
      paths: [
        'input.findings[1].product.producerLicence',
        'input.findings[1].product.productionDate',
      ],
    });
    const fields = zh.errors![0].extensions!.fields as { path: string; message: string }[];
    expect(fields[0].message).toBe('应为SC加14位数字（食品生产许可证编号）');
    const en = await app.gql(
      'LogInspection',
      { input: { ...input, idempotencyKey: randomUUID() } },
      { token: world.inspectorA.token, headers: { 'accept-language': 'en' } },
    );
    expect((en.errors![0].extensions!.fields as { message: string }[])[0].message).toBe(
      'must be SC followed by 14 digits (food production licence)',
    );
    expect(await app.query(`SELECT count(*)::int AS n FROM findings`)).toEqual(before);
  });

  it('refuses a drug without its approval number and a vaccine with a bad traceability code on addFinding', async () => {
    const logged = await app.gql(
      'LogInspection',
      { input: inspectionInput(world, { findings: [], outcome: 'COMPLIANT' }) },
      { token: world.inspectorA.token },
    );
    const inspectionId = logged.data!.logInspection.inspection.id as string;
    const drug = await app.gql(
      'AddFinding',
      {
        input: {
          idempotencyKey: randomUUID(),
          inspectionId,
          finding: {
            violationTypeCode: 'COUNTERFEIT',
            description: '假药',
            product: {
              kind: 'DRUG',
              productName: '阿莫西林胶囊',
              approvalNumber: '国药准字X20033551',
              lotNumber: '190301',
              expiryDate: '2021-02-28',
            },
          },
        },
      },
      { token: world.inspectorA.token },
    );
    expect(refusal(drug)).toEqual({
      code: 'BAD_USER_INPUT',
      paths: ['input.finding.product.manufacturer', 'input.finding.product.approvalNumber'],
    });
    const vaccine = await app.gql(
      'AddFinding',
      {
        input: {
          idempotencyKey: randomUUID(),
          inspectionId,
          finding: {
            violationTypeCode: 'COUNTERFEIT',
            description: '疫苗追溯码不全',
            product: {
              kind: 'VACCINE',
              productName: '狂犬病疫苗',
              approvalNumber: '国药准字S20120011',
              lotNumber: '201812001',
              productionDate: '2018-12-01',
              expiryDate: '2018-11-30',
              traceabilityCode: '8123',
            },
          },
        },
      },
      { token: world.inspectorA.token },
    );
    expect(refusal(vaccine)).toEqual({
      code: 'BAD_USER_INPUT',
      paths: ['input.finding.product.traceabilityCode', 'input.finding.product.expiryDate'],
    });
  });

  it('ties a finding on an exposed lot to the exposed product, alerts managers and counts it as 发现被曝光产品', async () => {
    const listener = app.app.get(ExposedProductListener);
    const client = new SubscriptionClient(app, {
      authorization: `Bearer ${world.manager.token}`,
    });
    try {
      const before = listener.events.subscriberCount;
      client.subscribe(EXPOSED_PRODUCT_FOUND);
      await waitUntil(() => listener.events.subscriberCount > before);
      const result = await app.gql(
        'LogInspection',
        {
          input: onBatchSweep([
            {
              violationTypeCode: 'EXPOSED_PRODUCT_ON_SALE',
              description: '货架上有被曝光批次的辣条',
              // Full-width letters, other case and spaces: the same lot.
              product: foodLot({
                productName: '香辣条 ',
                brand: '卫 龙',
                lotNumber: 'ｂ２０１９０３０１',
              }),
            },
            {
              violationTypeCode: 'THREE_NO_PRODUCTS',
              description: '同品牌另一批次',
              product: foodLot({ lotNumber: 'B20190302' }),
            },
          ]),
        },
        { token: world.inspectorA.token },
      );
      expect(result.errors).toBeUndefined();
      const [matched, other] = result.data!.logInspection.inspection.findings as { id: string }[];
      const rows = await app.query<{ id: string; exposed_product_id: string | null }>(
        `SELECT id, exposed_product_id FROM findings WHERE id = ANY($1) ORDER BY created_at`,
        [[matched.id, other.id]],
      );
      expect(rows).toEqual([
        { id: matched.id, exposed_product_id: batchProductId },
        { id: other.id, exposed_product_id: null },
      ]);
      const alert = (await client.next()) as Extract<Received, { kind: 'next' }>;
      expect(alert.result.data!.exposedProductFound).toEqual({
        finding: { id: matched.id },
        exposedProduct: { id: batchProductId, productName: '香辣条' },
      });
      await expect(client.next(300)).rejects.toThrow('nothing received');
      const progress = await app.gql(SWEEP_PROGRESS, { sweepId }, { token: world.manager.token });
      expect(progress.data!.sweepProgress.totals).toEqual({
        exposedProductsFound: 1,
        findings: 2,
      });
    } finally {
      await client.dispose();
    }
  });

  it('matches on addFinding too, and keeps the exposed product the inspector named', async () => {
    const logged = await app.gql(
      'LogInspection',
      { input: onBatchSweep([]) },
      { token: world.inspectorA.token },
    );
    const inspectionId = logged.data!.logInspection.inspection.id as string;
    const add = (finding: Record<string, unknown>) =>
      app.gql(
        'AddFinding',
        { input: { idempotencyKey: randomUUID(), inspectionId, finding } },
        { token: world.inspectorA.token },
      );
    const matched = await add({
      violationTypeCode: 'EXPOSED_PRODUCT_ON_SALE',
      description: '被曝光批次',
      product: foodLot(),
    });
    const named = await add({
      violationTypeCode: 'EXPOSED_PRODUCT_ON_SALE',
      description: '检查人员指定的被曝光产品',
      product: foodLot(),
      exposedProductId: (
        await app.query<{ id: string }>(
          `SELECT id FROM exposed_products WHERE product_name = '麻辣片'`,
        )
      )[0].id,
    });
    const ids = [matched.data!.addFinding.finding.id, named.data!.addFinding.finding.id];
    const rows = await app.query<{ product_name: string }>(
      `SELECT p.product_name FROM findings f JOIN exposed_products p ON p.id = f.exposed_product_id
        WHERE f.id = ANY($1) ORDER BY f.created_at`,
      [ids],
    );
    expect(rows.map((row) => row.product_name)).toEqual(['香辣条', '麻辣片']);
  });
});
