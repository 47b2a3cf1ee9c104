import { LoginFailuresRepository } from '../../../src/auth/login-failures.repository';
import { mediumDatabase, type MediumDatabase } from '../medium';

describe('LoginFailuresRepository', () => {
  let db: MediumDatabase;
  const failures = new LoginFailuresRepository();
  const limits = { windowSeconds: 300, perCertificateAndAddress: 3, perAddress: 5 };

  beforeAll(async () => {
    db = await mediumDatabase();
  });
  afterAll(() => db.close());

  it('counts recent failures per certificate and address and per address, up to each limit', async () => {
    for (let i = 0; i < 4; i++) await failures.insert(db.manager, 'C-1', '10.0.0.1');
    await failures.insert(db.manager, 'C-2', '10.0.0.1');
    await failures.insert(db.manager, 'C-1', '10.0.0.2');
    // Outside the window: not counted.
    await db.query(
      `INSERT INTO login_failures (certificate_number, client_address, at)
       VALUES ('C-1', '10.0.0.1', now() - interval '10 minutes')`,
    );

    const recent = await failures.recent(db.manager, 'C-1', '10.0.0.1', limits);
    expect(recent).toMatchObject({ pair: 3, address: 5 });
    expect(recent.pairRetrySeconds).toBeGreaterThan(290);
    expect(recent.pairRetrySeconds).toBeLessThanOrEqual(300);

    const elsewhere = await failures.recent(db.manager, 'C-1', '10.0.0.2', limits);
    expect(elsewhere).toMatchObject({ pair: 1, address: 1 });

    const fresh = await failures.recent(db.manager, 'C-9', '10.0.0.9', limits);
    expect(fresh).toEqual({
      pair: 0,
      address: 0,
      pairRetrySeconds: null,
      addressRetrySeconds: null,
    });
  });

  it('clears one certificate’s failures from one address and prunes those older than a day', async () => {
    await failures.insert(db.manager, 'C-3', '10.0.0.3');
    await failures.insert(db.manager, 'C-4', '10.0.0.3');
    await db.query(
      `INSERT INTO login_failures (certificate_number, client_address, at)
       VALUES ('C-5', '10.0.0.5', now() - interval '2 days')`,
    );
    await failures.clear(db.manager, 'C-3', '10.0.0.3');
    expect(await failures.recent(db.manager, 'C-3', '10.0.0.3', limits)).toMatchObject({
      pair: 0,
      address: 1,
    });
    await failures.prune(db.manager);
    expect(await db.query(`SELECT 1 FROM login_failures WHERE certificate_number = 'C-5'`)).toEqual(
      [],
    );
    expect(
      await db.query(`SELECT 1 FROM login_failures WHERE certificate_number = 'C-4'`),
    ).toHaveLength(1);
  });
});
