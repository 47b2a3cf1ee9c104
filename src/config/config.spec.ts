import { ConfigError, loadConfig } from './config';

describe('configuration', () => {
  it('names a bad variable in its message', () => {
    expect(() => loadConfig({ JWT_SECRET: 'short', PORT: 'x' })).toThrow(ConfigError);
    expect(() => loadConfig({ JWT_SECRET: 'short' })).toThrow(
      /JWT_SECRET: must be at least 32 characters/,
    );
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT/);
  });

  it('starts production without JWT_SECRET on a random secret of its own, and says so', () => {
    const first = loadConfig({ NODE_ENV: 'production' });
    const second = loadConfig({ NODE_ENV: 'production' });
    expect(first.jwtSecretGenerated).toBe(true);
    expect(first.jwtSecret.length).toBeGreaterThanOrEqual(32);
    expect(first.jwtSecret).not.toBe(second.jwtSecret);
  });

  it('uses the configured secret when there is one', () => {
    const config = loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) });
    expect(config).toMatchObject({
      jwtSecret: 'x'.repeat(40),
      jwtSecretGenerated: false,
      graphqlIntrospection: false,
    });
  });
});
