import { Client } from 'pg';
import { Finding } from '../../src/inspections/finding.entity';
import { Inspection } from '../../src/inspections/inspection.entity';
import { op } from '../helpers/contract';
import { FieldWorld, inspectionInput, startFieldWorld } from '../helpers/field-world';
import { GraphQLResponse, TestApp } from '../helpers/test-app';

/**
 * Issue 15: a logInspection costs at most 12 SQL statements, the whole request counted — the
 * officer's authentication, the transaction with its BEGIN and COMMIT, and the payload's nested
 * fields the contract's LogInspection operation selects (the floor, the same transaction by hand
 * in bench/log-inspection.ts, sends 8). The app runs in this process, so a spy on
 * pg's `Client.prototype.query` sees every statement (as in statement-counts.e2e-spec.ts).
 */
const MAX_STATEMENTS = 12;

describe('SQL statements of logInspection', () => {
  let app: TestApp;
  let world: FieldWorld;
  beforeAll(async () => ({ app, world } = await startFieldWorld()));
  afterAll(() => app.close());

  /** Sends LogInspection with `overrides`; returns the response and the SQL it took. */
  async function logged(
    overrides: Record<string, unknown>,
  ): Promise<{ result: GraphQLResponse; statements: string[] }> {
    const spy = jest.spyOn(Client.prototype, 'query');
    try {
      const result = await app.gql(
        'LogInspection',
        { input: inspectionInput(world, overrides) },
        { token: world.inspectorA.token },
      );
      const statements = spy.mock.calls.map(([query]) =>
        typeof query === 'string' ? query : (query as { text: string }).text,
      );
      return { result, statements };
    } finally {
      spy.mockRestore();
    }
  }

  it('logs the first inspection of a new process, reading the reference data, in at most 12', async () => {
    const { result, statements } = await logged({});
    expect(result.errors).toBeUndefined();
    // The process reads the four reference tables once, then keeps them while their version holds.
    expect(statements.filter((sql) => sql.includes('"violation_types"'))).toHaveLength(1);
    expect(statements.length).toBeLessThanOrEqual(MAX_STATEMENTS);
  });

  it('logs an inspection with two findings, answered in full, in at most 12 statements', async () => {
    const { result, statements } = await logged({
      findings: [
        { violationTypeCode: 'THREE_NO_PRODUCTS', description: '货架上有无标签辣条' },
        { violationTypeCode: 'EXPIRED_FOOD', description: '销售超过保质期的食品' },
      ],
    });
    expect(result.errors).toBeUndefined();
    expect(statements.filter((sql) => sql.includes('"violation_types"'))).toHaveLength(0);
    const { inspection } = result.data!.logInspection;
    expect(inspection).toMatchObject({
      premises: { id: world.shopA.id, name: '解放街食品店' },
      category: { code: 'SEASONED_FLOUR_PRODUCTS' },
      officers: [
        { id: world.inspectorA.id, name: '张伟' },
        { id: world.inspectorA2.id, name: '李娜' },
      ],
      findings: [
        { description: '货架上有无标签辣条', violationType: { code: 'THREE_NO_PRODUCTS' } },
        { description: '销售超过保质期的食品', violationType: { code: 'EXPIRED_FOOD' } },
      ],
    });
    expect(statements.length).toBeLessThanOrEqual(MAX_STATEMENTS);
  });

  it('logs a finding on an exposed product, alert included, in at most 12 statements', async () => {
    const { result, statements } = await logged({
      findings: [
        {
          violationTypeCode: 'EXPOSED_PRODUCT_ON_SALE',
          description: '货架上销售被曝光的辣条',
          exposedProductId: world.exposedProductId,
          goods: { quantity: 12.5, unit: 'kg', value: '1234.5' },
        },
      ],
    });
    expect(result.errors).toBeUndefined();
    expect(result.data!.logInspection.inspection.findings).toMatchObject([
      {
        exposedProduct: { id: world.exposedProductId, productName: '辣条' },
        goods: { quantity: 12.5, unit: 'kg', value: '1234.50' },
      },
    ]);
    expect(statements.some((sql) => sql.includes('pg_notify'))).toBe(true);
    expect(statements.length).toBeLessThanOrEqual(MAX_STATEMENTS);
  });

  it('answers and audits exactly what is stored, as a read afterwards finds it', async () => {
    const { result } = await logged({
      findings: [
        {
          violationTypeCode: 'EXPOSED_PRODUCT_ON_SALE',
          description: '货架上销售被曝光的辣条',
          exposedProductId: world.exposedProductId,
          goods: { quantity: 0.125, unit: 'kg', value: '10.10' },
          evidence: [
            {
              fileName: '货架.jpg',
              mediaType: 'image/jpeg',
              sizeBytes: 2048,
              sha256: 'b'.repeat(64),
            },
          ],
        },
        { violationTypeCode: 'THREE_NO_PRODUCTS', description: '无标签食品', severity: 'CRITICAL' },
      ],
      notes: '店主配合检查',
    });
    expect(result.errors).toBeUndefined();
    const answered = result.data!.logInspection.inspection;
    // The same selection read in a request of its own, from the database.
    const selection = op('LogInspection').slice(op('LogInspection').indexOf('inspection {') + 10);
    const reread = await app.gql(
      `query ($id: ID!) { inspection(id: $id) ${selection.slice(0, selection.lastIndexOf('}'))}`,
      { id: answered.id },
      { token: world.inspectorA.token },
    );
    expect(reread.errors).toBeUndefined();
    expect(answered).toEqual(reread.data!.inspection);

    const manager = app.dataSource.manager;
    const stored = {
      inspection: await manager.findOneByOrFail(Inspection, { id: answered.id }),
      findings: await manager.find(Finding, {
        where: { inspectionId: answered.id },
        order: { createdAt: 'ASC', id: 'ASC' },
      }),
    };
    const events = await app.query<{ entity_type: string; entity_id: string; after: unknown }>(
      `SELECT entity_type, entity_id, after FROM audit_events
        WHERE entity_id = ANY($1::uuid[]) ORDER BY id`,
      [[answered.id, ...stored.findings.map((finding) => finding.id)]],
    );
    const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value));
    expect(events).toEqual([
      { entity_type: 'Inspection', entity_id: answered.id, after: plain(stored.inspection) },
      ...stored.findings.map((finding) => ({
        entity_type: 'Finding',
        entity_id: finding.id,
        after: plain(finding),
      })),
    ]);
    expect(stored.findings.map((finding) => finding.description)).toEqual([
      '货架上销售被曝光的辣条',
      '无标签食品',
    ]);
  });
});
