import { Client } from 'pg';
import { FieldWorld, inspectionInput, startFieldWorld } from '../helpers/field-world';
import { TestApp } from '../helpers/test-app';

/**
 * The service keeps the reference data in memory while its version holds (issue 15, migration
 * 1796000100000-ReferenceDataVersion): a change, however it is made, is seen by the next request,
 * and a change not yet committed by nobody.
 */
describe('reference data kept in memory', () => {
  let app: TestApp;
  let world: FieldWorld;
  beforeAll(async () => ({ app, world } = await startFieldWorld()));
  afterAll(() => app.close());

  const nameOf = async (code: string): Promise<string | undefined> => {
    const result = await app.gql<{ violationTypes: { code: string; name: string }[] }>(
      '{ violationTypes { code name } }',
      {},
      { token: world.inspectorA.token },
    );
    expect(result.errors).toBeUndefined();
    return result.data!.violationTypes.find((type) => type.code === code)?.name;
  };

  it('accepts a violation type added after the data was read, on the next logInspection', async () => {
    expect(await nameOf('CACHE_TEST_TYPE')).toBeUndefined();
    await app.query(
      `INSERT INTO violation_types (code, name, default_severity, legal_basis)
       VALUES ('CACHE_TEST_TYPE', '缓存测试', 'MINOR', '无')`,
    );
    const result = await app.gql(
      'LogInspection',
      {
        input: inspectionInput(world, {
          findings: [{ violationTypeCode: 'CACHE_TEST_TYPE', description: '新增的问题类型' }],
        }),
      },
      { token: world.inspectorA.token },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.logInspection.inspection.findings).toMatchObject([
      { severity: 'MINOR', violationType: { code: 'CACHE_TEST_TYPE', name: '缓存测试' } },
    ]);
  });

  it('shows a rename once it is committed, and not before', async () => {
    expect(await nameOf('EXPIRED_FOOD')).toBe('销售超过保质期食品');
    const client = new Client({ connectionString: app.databaseUrl });
    await client.connect();
    try {
      await client.query('BEGIN');
      await client.query(
        `UPDATE violation_types SET name = '过期食品' WHERE code = 'EXPIRED_FOOD'`,
      );
      expect(await nameOf('EXPIRED_FOOD')).toBe('销售超过保质期食品');
      await client.query('COMMIT');
      expect(await nameOf('EXPIRED_FOOD')).toBe('过期食品');
    } finally {
      await client.end();
    }
  });

  it('refuses a violation type removed after the data was read', async () => {
    await app.query(
      `INSERT INTO violation_types (code, name, default_severity, legal_basis)
       VALUES ('CACHE_GONE_TYPE', '将被删除', 'MINOR', '无')`,
    );
    expect(await nameOf('CACHE_GONE_TYPE')).toBe('将被删除');
    await app.query(`DELETE FROM violation_types WHERE code = 'CACHE_GONE_TYPE'`);
    const result = await app.gql(
      'LogInspection',
      {
        input: inspectionInput(world, {
          findings: [{ violationTypeCode: 'CACHE_GONE_TYPE', description: '已删除的问题类型' }],
        }),
      },
      { token: world.inspectorA.token },
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [expect.objectContaining({ path: 'input.findings[0].violationTypeCode' })],
    });
  });
});
