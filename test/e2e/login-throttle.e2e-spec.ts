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

describe('login throttling under attack', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ TRUST_PROXY: 'loopback' });
  });
  afterAll(() => app.close());
  beforeEach(() => app.query(`DELETE FROM login_failures`));

  const attempt = (password: string, address: string, certificateNumber = ADMIN_CERTIFICATE) =>
    app.gql(
      'Login',
      { input: { certificateNumber, password } },
      { headers: { 'x-forwarded-for': address } },
    );

  it('evaluates exactly 5 guesses of a parallel burst of 20, however they interleave, and none gets a token', async () => {
    const passwords = Array.from({ length: 20 }, (_, index) =>
      index === 12 ? ADMIN_PASSWORD : `wrong-password-${index}`,
    );
    // The right password comes 13th: with check-then-record it was let through.
    const results = await Promise.all(
      passwords.map((password) => attempt(password, '203.0.113.50')),
    );
    const codes = results.map((result) => result.errors?.[0].extensions?.code ?? 'OK');
    expect(codes.filter((code) => code === 'UNAUTHENTICATED').length).toBeLessThanOrEqual(
      LOGIN_THROTTLE.perCertificateAndAddress,
    );
    expect(codes.filter((code) => code === 'TOO_MANY_REQUESTS').length).toBeGreaterThanOrEqual(
      20 - LOGIN_THROTTLE.perCertificateAndAddress,
    );
    // At most the 5 admitted attempts ran; the right password got through only if it was one of them.
    expect(codes.filter((code) => code !== 'TOO_MANY_REQUESTS')).toHaveLength(
      LOGIN_THROTTLE.perCertificateAndAddress,
    );
  });

  it('counts every address of one IPv6 /64 together', async () => {
    for (let index = 0; index < LOGIN_THROTTLE.perCertificateAndAddress; index += 1) {
      const failed = await attempt('wrong-password-here', `2001:db8:7:7::${index + 1}`);
      expect(failed.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    }
    const throttled = await attempt(ADMIN_PASSWORD, '2001:db8:7:7:ffff:1:2:3');
    expect(throttled.errors![0].extensions!.code).toBe('TOO_MANY_REQUESTS');
    const otherPrefix = await attempt(ADMIN_PASSWORD, '2001:db8:7:8::1');
    expect(otherPrefix.errors).toBeUndefined();
  });

  it('slows one certificate down across many addresses, and counts it whatever its case', async () => {
    for (let index = 0; index < LOGIN_THROTTLE.perCertificate; index += 1) {
      const certificate = index % 2 ? ADMIN_CERTIFICATE.toUpperCase() : ` ${ADMIN_CERTIFICATE} `;
      const failed = await attempt('wrong-password-here', `198.18.0.${index + 1}`, certificate);
      expect(failed.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    }
    const slowed = await attempt(ADMIN_PASSWORD, '198.18.1.1');
    expect(slowed.errors![0].extensions!.code).toBe('TOO_MANY_REQUESTS');
    expect(slowed.errors![0].extensions!.retryAfterSeconds).toBeLessThanOrEqual(
      LOGIN_THROTTLE.certificateSpacingSeconds,
    );
    await app.query(
      `UPDATE login_failures SET at = at - make_interval(secs => $1) WHERE certificate_number = $2`,
      [LOGIN_THROTTLE.certificateSpacingSeconds + 1, ADMIN_CERTIFICATE],
    );
    expect((await attempt(ADMIN_PASSWORD, '198.18.1.1')).errors).toBeUndefined();
  });
});
