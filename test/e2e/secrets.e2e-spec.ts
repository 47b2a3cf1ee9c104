import { startTestApp, TestApp } from '../helpers/test-app';
import { createTestDatabase, dropTestDatabase } from '../setup/database';

/**
 * Issue 17, item 7: production without JWT_SECRET signs with a secret generated once and kept in
 * the database, so every instance accepts every instance's tokens and a restart keeps sessions;
 * a rotation accepts the previous secret beside the new one.
 */
describe('the token signing secret in production', () => {
  let databaseUrl: string;
  const started: TestApp[] = [];
  const start = async (env: Record<string, string | undefined> = {}) => {
    const app = await startTestApp(
      { NODE_ENV: 'production', JWT_SECRET: undefined, ...env },
      {
        databaseUrl,
      },
    );
    started.push(app);
    return app;
  };
  const me = async (app: TestApp, token: string) =>
    (await app.gql('Me', {}, { token })).errors?.[0].extensions?.code ?? 'OK';

  beforeAll(async () => {
    databaseUrl = await createTestDatabase();
  });
  afterAll(async () => {
    for (const app of started) await app.close();
    await dropTestDatabase(databaseUrl);
  });

  it('is generated once, shared by every instance and kept across a restart', async () => {
    const first = await start();
    const second = await start();
    const token = await first.adminToken();
    expect(await me(second, token)).toBe('OK');
    const stored = await first.query(`SELECT name FROM server_secrets`);
    expect(stored).toEqual([{ name: 'jwt' }]);

    await first.close();
    started.splice(started.indexOf(first), 1);
    const restarted = await start();
    expect(await me(restarted, token)).toBe('OK');
  });

  it('accepts tokens of the previous secret during a rotation, and signs with the new one', async () => {
    const old = 'o'.repeat(40);
    const fresh = 'n'.repeat(40);
    const before = await start({ JWT_SECRET: old });
    const oldToken = await before.adminToken();
    const rotating = await start({ JWT_SECRET: fresh, JWT_SECRET_PREVIOUS: old });
    expect(await me(rotating, oldToken)).toBe('OK');
    const newToken = await rotating.adminToken();
    // The old secret alone does not accept the new secret's tokens; after the rotation the old
    // secret's tokens are refused.
    expect(await me(before, newToken)).toBe('UNAUTHENTICATED');
    const after = await start({ JWT_SECRET: fresh });
    expect(await me(after, oldToken)).toBe('UNAUTHENTICATED');
    expect(await me(after, newToken)).toBe('OK');
  });
});
