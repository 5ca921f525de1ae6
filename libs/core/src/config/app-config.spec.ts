import { ConfigError, DEFAULT_SECRETS, loadConfig } from './app-config';

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
}

describe('loadConfig', () => {
  it('has working development defaults', () => {
    const c = loadConfig({});
    expect(c.nodeEnv).toBe('development');
    expect(c.db).toMatchObject({ type: 'mariadb', host: '127.0.0.1', port: 3306, database: 'hotline' });
    expect(c.redis.prefix).toBe('hotline:');
    expect(c.auth.accessTtlSeconds).toBe(900);
    expect(c.seed.demo).toBe(true);
  });

  it('reads and types every kind of variable', () => {
    const c = loadConfig({
      PORT: '8080',
      DB_TYPE: 'mysql',
      REDIS_PREFIX: 'gl',
      SEED_DEMO: 'no',
      CORS_ORIGINS: 'http://a, http://b',
      TRUST_PROXY: '1',
    });
    expect(c.http.port).toBe(8080);
    expect(c.db.type).toBe('mysql');
    expect(c.redis.prefix).toBe('gl:');
    expect(c.seed.demo).toBe(false);
    expect(c.http.corsOrigins).toEqual(['http://a', 'http://b']);
    expect(c.http.trustProxy).toBe(true);
  });

  it.each([
    [{ PORT: 'abc' }, /PORT must be an integer/],
    [{ PORT: '70000' }, /PORT must be an integer between 0 and 65535/],
    [{ DB_TYPE: 'postgres' }, /DB_TYPE must be one of mariadb, mysql/],
    [{ NODE_ENV: 'staging' }, /NODE_ENV must be one of/],
    [{ SEED_DEMO: 'maybe' }, /SEED_DEMO must be true or false/],
    [{ PUBLIC_URL: 'not a url' }, /PUBLIC_URL must be an absolute URL/],
    [{ REDIS_DB: '99' }, /REDIS_DB must be an integer between 0 and 15/],
    [{ JWT_ACCESS_TTL_SECONDS: '1.5' }, /JWT_ACCESS_TTL_SECONDS must be an integer/],
  ])('refuses %j', (env, message) => {
    expect(problems(env as Record<string, string>).join('\n')).toMatch(message);
  });

  it('lists every problem at once, not only the first', () => {
    const list = problems({ PORT: 'x', DB_PORT: 'y', DB_TYPE: 'oracle', LOG_LEVEL: 'loud' });
    expect(list).toHaveLength(4);
    expect(list.map((p) => p.split(' ')[0]).sort()).toEqual(['DB_PORT', 'DB_TYPE', 'LOG_LEVEL', 'PORT']);
  });

  describe('production', () => {
    const strong = {
      NODE_ENV: 'production',
      JWT_SECRET: 'q8X!vR2#kLm9@pZt4&wYc7^nB1$hJd6%',
      ADMIN_PASSWORD: 'Gl-Hotline-2026-strong',
      DB_PASSWORD: 'a-real-db-password',
      SEED_DEMO: 'false',
    };

    it('starts with strong, explicit secrets', () => {
      expect(problems(strong)).toEqual([]);
    });

    it('requires JWT_SECRET and ADMIN_PASSWORD (no development default)', () => {
      const list = problems({ NODE_ENV: 'production', DB_PASSWORD: 'a-real-db-password', SEED_DEMO: 'false' });
      expect(list).toEqual(expect.arrayContaining(['JWT_SECRET is required', 'ADMIN_PASSWORD is required']));
    });

    it.each([
      [
        'the development JWT secret',
        { JWT_SECRET: DEFAULT_SECRETS.jwtSecret },
        /JWT_SECRET must be set to a random value/,
      ],
      ['a short JWT secret', { JWT_SECRET: 'short' }, /JWT_SECRET/],
      ['a low-entropy JWT secret', { JWT_SECRET: 'a'.repeat(40) }, /JWT_SECRET/],
      ['the default admin password', { ADMIN_PASSWORD: DEFAULT_SECRETS.adminPassword }, /ADMIN_PASSWORD must be set/],
      ['a weak admin password', { ADMIN_PASSWORD: 'admin123' }, /ADMIN_PASSWORD/],
      ['demo users', { SEED_DEMO: 'true' }, /SEED_DEMO must be false in production/],
      ['an empty database password', { DB_PASSWORD: '' }, /DB_PASSWORD must be set/],
    ])('refuses %s', (_name, override, message) => {
      expect(problems({ ...strong, ...override }).join('\n')).toMatch(message);
    });
  });
});
