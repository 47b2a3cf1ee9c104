import { ADMIN_CERTIFICATE, ADMIN_PASSWORD, startTestApp, TestApp } from '../helpers/test-app';

describe('login and access', () => {
  let app: TestApp;
  let adminToken: string;
  let cityId: string;

  beforeAll(async () => {
    app = await startTestApp();
    adminToken = await app.adminToken();
    [{ id: cityId }] = await app.query<{ id: string }>(
      `SELECT id FROM bureaus WHERE code = 'CITY'`,
    );
  });
  afterAll(() => app.close());

  async function createOfficer(
    certificateNumber: string,
    roles: string[],
    password = 'a-good-long-password',
  ) {
    const result = await app.gql(
      'CreateOfficer',
      { input: { name: '张三', certificateNumber, bureauId: cityId, roles, password } },
      { token: adminToken },
    );
    expect(result.errors).toBeUndefined();
    return result.data!.createOfficer.officer as { id: string };
  }

  it('bootstraps the city bureau and an administrator who is also a manager', async () => {
    const result = await app.gql('Login', {
      input: { certificateNumber: ADMIN_CERTIFICATE, password: ADMIN_PASSWORD },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data!.login.officer).toMatchObject({
      certificateNumber: 'admin',
      roles: expect.arrayContaining(['ADMIN', 'MANAGER']),
      bureau: { code: 'CITY', name: '市市场监督管理局', kind: 'MUNICIPAL' },
    });
    expect(new Date(result.data!.login.expiresAt).getTime()).toBeGreaterThan(Date.now());
    const [city] = await app.query(`SELECT division_code FROM bureaus WHERE code = 'CITY'`);
    expect(city.division_code).toBe('640100');
  });

  it('answers Me for the token holder', async () => {
    const result = await app.gql('Me', {}, { token: adminToken });
    expect(result.data!.me).toMatchObject({ name: '系统管理员', bureau: { code: 'CITY' } });
  });

  it('refuses a wrong password with UNAUTHENTICATED', async () => {
    const result = await app.gql('Login', {
      input: { certificateNumber: ADMIN_CERTIFICATE, password: 'not-the-password' },
    });
    expect(result.data).toBeNull();
    expect(result.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a request without a token, or with a forged one', async () => {
    expect((await app.gql('Me')).errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    const [header, payload] = adminToken.split('.');
    const forged = `${header}.${payload}.${Buffer.from('forged').toString('base64url')}`;
    expect((await app.gql('Me', {}, { token: forged })).errors![0].extensions!.code).toBe(
      'UNAUTHENTICATED',
    );
    const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${payload}.`;
    expect((await app.gql('Me', {}, { token: none })).errors![0].extensions!.code).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('stops a deactivated officer at once, token included', async () => {
    const officer = await createOfficer('DEACT-1', ['INSPECTOR']);
    const token = await app.login('DEACT-1', 'a-good-long-password');
    expect((await app.gql('Me', {}, { token })).data!.me.id).toBe(officer.id);
    const deactivated = await app.gql(
      'DeactivateOfficer',
      { id: officer.id },
      { token: adminToken },
    );
    expect(deactivated.data!.deactivateOfficer.officer).toEqual({ id: officer.id, active: false });
    expect((await app.gql('Me', {}, { token })).errors![0].extensions!.code).toBe(
      'UNAUTHENTICATED',
    );
    const login = await app.gql('Login', {
      input: { certificateNumber: 'DEACT-1', password: 'a-good-long-password' },
    });
    expect(login.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
  });

  it('keeps bureau and officer management for ADMIN: others get FORBIDDEN', async () => {
    await createOfficer('INSP-1', ['INSPECTOR']);
    const token = await app.login('INSP-1', 'a-good-long-password');
    const result = await app.gql(
      'CreateBureau',
      {
        input: {
          code: 'X',
          name: '某分局',
          kind: 'SUB_BUREAU',
          divisionCode: '640104',
          parentId: cityId,
        },
      },
      { token },
    );
    expect(result.errors![0].extensions!.code).toBe('FORBIDDEN');
    expect(await app.query(`SELECT 1 FROM bureaus WHERE code = 'X'`)).toHaveLength(0);
  });

  it('refuses a short password and a bad division code with BAD_USER_INPUT naming each field', async () => {
    const officer = await app.gql(
      'CreateOfficer',
      {
        input: {
          name: '李四',
          certificateNumber: 'SHORT-1',
          bureauId: cityId,
          roles: ['INSPECTOR'],
          password: 'short',
        },
      },
      { token: adminToken },
    );
    expect(officer.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(officer.errors![0].extensions!.fields).toEqual([
      { path: 'input.password', message: expect.stringContaining('12') },
    ]);
    const bureau = await app.gql(
      'CreateBureau',
      {
        input: {
          code: 'Y',
          name: '某分局',
          kind: 'SUB_BUREAU',
          divisionCode: '6401',
          parentId: 'not-a-uuid',
        },
      },
      { token: adminToken },
    );
    expect(bureau.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(
      bureau.errors![0].extensions!.fields.map((field: { path: string }) => field.path).sort(),
    ).toEqual(['input.divisionCode', 'input.parentId']);
  });

  it('refuses a duplicate certificate number or bureau code with CONFLICT', async () => {
    await createOfficer('DUP-1', ['INSPECTOR']);
    const again = await app.gql(
      'CreateOfficer',
      {
        input: {
          name: '王五',
          certificateNumber: 'DUP-1',
          bureauId: cityId,
          roles: ['INSPECTOR'],
          password: 'a-good-long-password',
        },
      },
      { token: adminToken },
    );
    expect(again.errors![0].extensions!.code).toBe('CONFLICT');
    const bureau = {
      code: 'XINGQING',
      name: '兴庆分局',
      kind: 'SUB_BUREAU',
      divisionCode: '640104',
      parentId: cityId,
    };
    const first = await app.gql('CreateBureau', { input: bureau }, { token: adminToken });
    expect(first.data!.createBureau.bureau).toMatchObject({
      code: 'XINGQING',
      parent: { id: cityId },
    });
    expect(
      (await app.gql('CreateBureau', { input: bureau }, { token: adminToken })).errors![0]
        .extensions!.code,
    ).toBe('CONFLICT');
  });

  it('stores passwords only as a slow salted hash', async () => {
    const [row] = await app.query(
      `SELECT password_hash FROM officers WHERE certificate_number = 'DUP-1'`,
    );
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
  });

  it('audits officer and bureau changes', async () => {
    const events = await app.query(
      `SELECT action, entity_type FROM audit_events WHERE entity_type IN ('Officer','Bureau') ORDER BY id`,
    );
    expect(events).toEqual(
      expect.arrayContaining([
        { action: 'DEACTIVATE', entity_type: 'Officer' },
        { action: 'CREATE', entity_type: 'Bureau' },
      ]),
    );
    const [event] = await app.query(
      `SELECT after FROM audit_events WHERE entity_type = 'Officer' AND action = 'CREATE' LIMIT 1`,
    );
    expect(JSON.stringify(event.after)).not.toContain('argon2');
  });
});
