import { LOGIN_THROTTLE } from '../../src/auth/login-throttle.service';
import { ADMIN_CERTIFICATE, ADMIN_PASSWORD, startTestApp, TestApp } from '../helpers/test-app';

describe('login throttling', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ TRUST_PROXY: 'loopback' });
  });
  afterAll(() => app.close());

  const attempt = (password: string, address: string) =>
    app.gql(
      'Login',
      { input: { certificateNumber: ADMIN_CERTIFICATE, password } },
      { headers: { 'x-forwarded-for': address } },
    );

  it('refuses further attempts from the same address with TOO_MANY_REQUESTS and a retry time', async () => {
    for (let index = 0; index < LOGIN_THROTTLE.perCertificateAndAddress; index += 1) {
      const failed = await attempt('wrong-password-here', '203.0.113.7');
      expect(failed.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    }
    const throttled = await attempt(ADMIN_PASSWORD, '203.0.113.7');
    expect(throttled.errors![0].extensions!.code).toBe('TOO_MANY_REQUESTS');
    expect(throttled.errors![0].extensions!.retryAfterSeconds).toBeGreaterThan(0);
    expect(throttled.errors![0].extensions!.retryAfterSeconds).toBeLessThanOrEqual(
      LOGIN_THROTTLE.windowSeconds,
    );
  });

  it('does not lock the real officer out from another address', async () => {
    const login = await attempt(ADMIN_PASSWORD, '198.51.100.20');
    expect(login.errors).toBeUndefined();
    expect(login.data!.login.accessToken).toEqual(expect.any(String));
  });

  it('lets the officer in again once the window has passed', async () => {
    await app.query(`UPDATE login_failures SET at = at - make_interval(secs => $1)`, [
      LOGIN_THROTTLE.windowSeconds + 1,
    ]);
    expect((await attempt(ADMIN_PASSWORD, '203.0.113.7')).errors).toBeUndefined();
    const [left] = await app.query(
      `SELECT count(*)::int AS count FROM login_failures WHERE client_address = '203.0.113.7'`,
    );
    expect(left.count).toBe(0);
  });
});
