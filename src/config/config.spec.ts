import { ConfigError, directDatabaseUrl, loadConfig } from './config';

describe('configuration', () => {
  it('names a bad variable in its message', () => {
    expect(() => loadConfig({ JWT_SECRET: 'short', PORT: 'x' })).toThrow(ConfigError);
    expect(() => loadConfig({ JWT_SECRET: 'short' })).toThrow(
      /JWT_SECRET: must be at least 32 characters/,
    );
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT/);
  });

  it('leaves the secret of production without JWT_SECRET to the database (one for every instance)', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).jwtSecret).toBeUndefined();
    expect(loadConfig({ NODE_ENV: 'development' }).jwtSecret).toEqual(expect.any(String));
  });

  it.each([
    ['JWT_SECRET', { JWT_SECRET: 'DEMO-ONLY-jwt-secret-change-me-0123456789abcdef' }],
    ['BOOTSTRAP_ADMIN_PASSWORD', { BOOTSTRAP_ADMIN_PASSWORD: 'DEMO-ONLY-admin-password' }],
    ['BOOTSTRAP_ADMIN_PASSWORD', { BOOTSTRAP_ADMIN_PASSWORD: 'demo-password-2019' }],
    [
      'DATABASE_URL',
      { DATABASE_URL: 'postgres://sweep_tracker:DEMO-ONLY-db-password@db:5432/sweep_tracker' },
    ],
    [
      'DATABASE_DIRECT_URL',
      {
        DATABASE_URL: 'postgres://sweep_tracker@pgbouncer:6432/sweep_tracker',
        DATABASE_DIRECT_URL: 'postgres://sweep_tracker:DEMO-ONLY-db-password@db:5432/sweep_tracker',
      },
    ],
    ['SEED_DEMO', { SEED_DEMO: 'true' }],
  ])('refuses production with a demo value of %s, naming it', (name, env) => {
    expect(() => loadConfig({ NODE_ENV: 'production', ...env })).toThrow(
      new RegExp(`^Invalid configuration for production:\\n  ${name}: `),
    );
    expect(() => loadConfig({ NODE_ENV: 'test', ...env })).not.toThrow();
  });

  it('accepts the previous secret of a rotation beside the new one', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      JWT_SECRET: 'n'.repeat(40),
      JWT_SECRET_PREVIOUS: 'o'.repeat(40),
    });
    expect(config).toMatchObject({
      jwtSecret: 'n'.repeat(40),
      jwtPreviousSecrets: ['o'.repeat(40)],
    });
  });

  it('uses the configured secret when there is one', () => {
    const config = loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) });
    expect(config).toMatchObject({
      jwtSecret: 'x'.repeat(40),
      jwtPreviousSecrets: [],
      graphqlIntrospection: false,
    });
  });

  it('sends LISTEN and migrations to DATABASE_DIRECT_URL when set, else to DATABASE_URL', () => {
    const pooled = 'postgres://sweep@pgbouncer:6432/sweeps';
    const direct = 'postgres://sweep@db:5432/sweeps';
    const both = loadConfig({ DATABASE_URL: pooled, DATABASE_DIRECT_URL: direct });
    expect(both).toMatchObject({ databaseUrl: pooled, databaseDirectUrl: direct });
    expect(directDatabaseUrl(both)).toBe(direct);
    expect(directDatabaseUrl(loadConfig({ DATABASE_URL: pooled }))).toBe(pooled);
  });

  it('refuses DATABASE_DIRECT_URL without DATABASE_URL, naming it', () => {
    expect(() => loadConfig({ DATABASE_DIRECT_URL: 'postgres://sweep@db:5432/sweeps' })).toThrow(
      /DATABASE_DIRECT_URL: is set without DATABASE_URL/,
    );
  });

  it('refuses a DATABASE_DIRECT_URL that is not a postgres URL, naming it', () => {
    expect(() => loadConfig({ DATABASE_DIRECT_URL: 'mysql://db/sweeps' })).toThrow(
      /DATABASE_DIRECT_URL: must be a postgres:\/\/ or postgresql:\/\/ URL/,
    );
  });
});
