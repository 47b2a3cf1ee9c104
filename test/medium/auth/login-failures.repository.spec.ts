import { LoginFailuresRepository } from '../../../src/auth/login-failures.repository';
import { mediumDatabase, type MediumDatabase } from '../medium';

describe('LoginFailuresRepository', () => {
  let db: MediumDatabase;
  const failures = new LoginFailuresRepository();
  const limits = {
    windowSeconds: 300,
    perCertificateAndAddress: 3,
    perAddress: 5,
    perCertificate: 6,
    certificateSpacingSeconds: 15,
  };
  const admit = (certificate: string, address: string) =>
    db.dataSource.transaction((manager) => failures.admit(manager, certificate, address, limits));

  beforeAll(async () => {
    db = await mediumDatabase();
  });
  afterAll(() => db.close());

  it('admits a pair up to its limit, counting each admitted attempt, then refuses until the window passes', async () => {
    expect(await admit('c-1', '10.0.0.1')).toBeNull();
    expect(await admit('c-1', '10.0.0.1')).toBeNull();
    expect(await admit('c-1', '10.0.0.1')).toBeNull();
    const refused = await admit('c-1', '10.0.0.1');
    expect(refused!.retryAfterSeconds).toBeGreaterThan(290);
    expect(refused!.retryAfterSeconds).toBeLessThanOrEqual(300);
    const [row] = await db.query(
      `SELECT count(*)::int AS count FROM login_failures WHERE certificate_number = 'c-1'`,
    );
    expect(row.count).toBe(3);
  });

  it('admits exactly the limit of a parallel burst', async () => {
    const results = await Promise.all(
      Array.from({ length: 12 }, () => admit('c-burst', '10.0.0.9')),
    );
    expect(results.filter((result) => result === null)).toHaveLength(3);
  });

  it('refuses an address past its own limit whatever the certificate', async () => {
    for (const certificate of ['a', 'b', 'c', 'd', 'e'])
      expect(await admit(certificate, '10.0.0.2')).toBeNull();
    expect(await admit('f', '10.0.0.2')).not.toBeNull();
  });

  it('spaces out a certificate’s attempts from every address once it has failed often', async () => {
    for (let index = 0; index < 6; index += 1)
      expect(await admit('c-spread', `10.1.0.${index}`)).toBeNull();
    const slowed = await admit('c-spread', '10.1.0.99');
    expect(slowed!.retryAfterSeconds).toBeGreaterThan(0);
    expect(slowed!.retryAfterSeconds).toBeLessThanOrEqual(15);
    await db.query(
      `UPDATE login_failures SET at = at - interval '16 seconds' WHERE certificate_number = 'c-spread'`,
    );
    expect(await admit('c-spread', '10.1.0.99')).toBeNull();
    expect(await admit('c-spread', '10.1.0.98')).not.toBeNull();
  });

  it('clears one certificate’s failures from one address and prunes those older than a day', async () => {
    await admit('c-3', '10.0.0.3');
    await admit('c-4', '10.0.0.3');
    await db.query(
      `INSERT INTO login_failures (certificate_number, client_address, at)
       VALUES ('c-5', '10.0.0.5', now() - interval '2 days')`,
    );
    await failures.clear(db.manager, 'c-3', '10.0.0.3');
    expect(await db.query(`SELECT 1 FROM login_failures WHERE certificate_number = 'c-3'`)).toEqual(
      [],
    );
    await failures.prune(db.manager);
    expect(await db.query(`SELECT 1 FROM login_failures WHERE certificate_number = 'c-5'`)).toEqual(
      [],
    );
    expect(
      await db.query(`SELECT 1 FROM login_failures WHERE certificate_number = 'c-4'`),
    ).toHaveLength(1);
  });
});
