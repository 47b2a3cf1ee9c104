import { ADMIN_CERTIFICATE, startTestApp, TestApp } from '../helpers/test-app';
import { cityBureau } from '../factories/people';

describe('error messages in the caller’s language', () => {
  let app: TestApp;
  let token: string;
  let cityId: string;

  beforeAll(async () => {
    app = await startTestApp();
    token = await app.adminToken();
    cityId = (await cityBureau(app)).id;
  });
  afterAll(() => app.close());

  const badOfficer = () => ({
    input: {
      name: '李四',
      certificateNumber: 'LANG-1',
      bureauId: cityId,
      roles: ['INSPECTOR'],
      password: 'short',
    },
  });

  it('speaks Chinese by default', async () => {
    const login = await app.gql('Login', {
      input: { certificateNumber: ADMIN_CERTIFICATE, password: 'wrong-password' },
    });
    expect(login.errors![0]).toMatchObject({
      message: '执法证号或密码错误，或该账号已停用',
      extensions: { code: 'UNAUTHENTICATED' },
    });
    const invalid = await app.gql('CreateOfficer', badOfficer(), { token });
    expect(invalid.errors![0].message).toBe('输入有误：input.password');
    expect(invalid.errors![0].extensions!.fields).toEqual([
      { path: 'input.password', message: '长度不能少于12个字符' },
    ]);
  });

  it('speaks English with Accept-Language: en, with the same codes and paths', async () => {
    const headers = { 'accept-language': 'en-GB,en;q=0.9' };
    const login = await app.gql(
      'Login',
      { input: { certificateNumber: ADMIN_CERTIFICATE, password: 'wrong-password' } },
      { headers },
    );
    expect(login.errors![0].message).toMatch(/Wrong certificate number or password/);
    const invalid = await app.gql('CreateOfficer', badOfficer(), { token, headers });
    expect(invalid.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ path: 'input.password', message: 'must be at least 12 characters' }],
    });
  });

  it('prefers the first language it speaks in Accept-Language', async () => {
    const result = await app.gql(
      'Me',
      {},
      { headers: { 'accept-language': 'fr;q=1, zh-CN;q=0.8, en;q=0.5' } },
    );
    expect(result.errors![0].message).toBe('未登录或登录已失效，请重新登录');
  });

  it('names the kind of record that was not found', async () => {
    const officer = await app.gql(
      'DeactivateOfficer',
      { id: '00000000-0000-4000-8000-000000000000' },
      { token },
    );
    expect(officer.errors![0]).toMatchObject({
      message: '未找到该执法人员，或不在您的管辖范围内',
      extensions: { code: 'NOT_FOUND' },
    });
  });
});
