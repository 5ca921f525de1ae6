/**
 * Every setting comes from the environment, is read once at boot into this typed object and validated.
 * A bad or missing variable makes loadConfig throw a ConfigError that lists every problem at once.
 */
export type NodeEnv = 'development' | 'production' | 'test';
export type DbType = 'mariadb' | 'mysql';

export interface AppConfig {
  nodeEnv: NodeEnv;
  http: { host: string; port: number; publicUrl: string; corsOrigins: string[]; trustProxy: boolean };
  db: {
    type: DbType;
    host: string;
    port: number;
    username: string;
    password: string;
    database: string;
    poolSize: number;
    acquireTimeoutMs: number;
    queryTimeoutMs: number;
    logging: boolean;
  };
  redis: { host: string; port: number; password: string | undefined; db: number; prefix: string };
  auth: {
    jwtSecret: string;
    accessTtlSeconds: number;
    refreshTtlSeconds: number;
    loginLimitPerIp: number;
    loginLimitPerUser: number;
    loginWindowSeconds: number;
  };
  seed: { demo: boolean; adminUsername: string; adminPassword: string; demoPassword: string };
  queues: { reconcileEverySeconds: number; boardEnabled: boolean };
  outbox: { pollMs: number; graceMs: number };
  log: { level: string; pretty: boolean };
}

/** Values that are fine on a laptop and forbidden in production. */
export const DEFAULT_SECRETS = {
  jwtSecret: 'dev-only-jwt-secret-change-me-0269-3888-222',
  adminPassword: 'Admin@0269',
  demoPassword: 'Demo@0269',
} as const;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

/** Reads one variable with a parser; parsers push problems instead of throwing so every problem is reported together. */
class Reader {
  readonly problems: string[] = [];
  constructor(private readonly env: Env) {}

  private raw(name: string, fallback: string | undefined): string | undefined {
    const value = this.env[name];
    if (value === undefined || value === '') return fallback;
    return value;
  }

  string(name: string, fallback?: string): string {
    const v = this.raw(name, fallback);
    if (v === undefined) {
      this.problems.push(`${name} is required`);
      return '';
    }
    return v;
  }

  optionalString(name: string): string | undefined {
    return this.raw(name, undefined);
  }

  int(name: string, fallback: number, min: number, max: number): number {
    const v = this.raw(name, String(fallback))!;
    const n = Number(v);
    if (!/^-?\d+$/.test(v.trim()) || !Number.isSafeInteger(n) || n < min || n > max) {
      this.problems.push(`${name} must be an integer between ${min} and ${max} (got "${v}")`);
      return fallback;
    }
    return n;
  }

  bool(name: string, fallback: boolean): boolean {
    const v = this.raw(name, fallback ? 'true' : 'false')!.toLowerCase();
    if (['true', '1', 'yes', 'on'].includes(v)) return true;
    if (['false', '0', 'no', 'off'].includes(v)) return false;
    this.problems.push(`${name} must be true or false (got "${v}")`);
    return fallback;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const v = this.raw(name, fallback)!;
    if (!allowed.includes(v as T)) {
      this.problems.push(`${name} must be one of ${allowed.join(', ')} (got "${v}")`);
      return fallback;
    }
    return v as T;
  }

  list(name: string, fallback: string[]): string[] {
    const v = this.raw(name, undefined);
    return v === undefined
      ? fallback
      : v
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean);
  }

  url(name: string, fallback: string): string {
    const v = this.raw(name, fallback)!;
    try {
      new URL(v);
    } catch {
      this.problems.push(`${name} must be an absolute URL (got "${v}")`);
    }
    return v.replace(/\/+$/, '');
  }
}

export function loadConfig(env: Env = process.env): AppConfig {
  const r = new Reader(env);
  const nodeEnv = r.oneOf<NodeEnv>('NODE_ENV', ['development', 'production', 'test'], 'development');
  const port = r.int('PORT', 3000, 0, 65535);
  const host = r.string('HOST', '0.0.0.0');
  const config: AppConfig = {
    nodeEnv,
    http: {
      host,
      port,
      publicUrl: r.url('PUBLIC_URL', `http://localhost:${port || 3000}`),
      corsOrigins: r.list('CORS_ORIGINS', []),
      trustProxy: r.bool('TRUST_PROXY', false),
    },
    db: {
      type: r.oneOf<DbType>('DB_TYPE', ['mariadb', 'mysql'], 'mariadb'),
      host: r.string('DB_HOST', '127.0.0.1'),
      port: r.int('DB_PORT', 3306, 1, 65535),
      username: r.string('DB_USER', 'root'),
      password: r.optionalString('DB_PASSWORD') ?? '',
      database: r.string('DB_NAME', 'hotline'),
      poolSize: r.int('DB_POOL_SIZE', 10, 1, 500),
      acquireTimeoutMs: r.int('DB_ACQUIRE_TIMEOUT_MS', 5000, 100, 600_000),
      queryTimeoutMs: r.int('DB_QUERY_TIMEOUT_MS', 15000, 100, 3_600_000),
      logging: r.bool('DB_LOGGING', false),
    },
    redis: {
      host: r.string('REDIS_HOST', '127.0.0.1'),
      port: r.int('REDIS_PORT', 6379, 1, 65535),
      password: r.optionalString('REDIS_PASSWORD'),
      db: r.int('REDIS_DB', 0, 0, 15),
      prefix: r.string('REDIS_PREFIX', 'hotline:'),
    },
    auth: {
      jwtSecret: r.string('JWT_SECRET', nodeEnv === 'production' ? undefined : DEFAULT_SECRETS.jwtSecret),
      accessTtlSeconds: r.int('JWT_ACCESS_TTL_SECONDS', 900, 10, 86400),
      refreshTtlSeconds: r.int('JWT_REFRESH_TTL_SECONDS', 14 * 86400, 60, 365 * 86400),
      loginLimitPerIp: r.int('LOGIN_LIMIT_PER_IP', 30, 1, 100000),
      loginLimitPerUser: r.int('LOGIN_LIMIT_PER_USER', 8, 1, 100000),
      loginWindowSeconds: r.int('LOGIN_WINDOW_SECONDS', 300, 1, 86400),
    },
    seed: {
      demo: r.bool('SEED_DEMO', nodeEnv !== 'production'),
      adminUsername: r.string('ADMIN_USERNAME', 'admin'),
      adminPassword: r.string('ADMIN_PASSWORD', nodeEnv === 'production' ? undefined : DEFAULT_SECRETS.adminPassword),
      demoPassword: r.string('DEMO_PASSWORD', DEFAULT_SECRETS.demoPassword),
    },
    queues: {
      reconcileEverySeconds: r.int('RECONCILE_EVERY_SECONDS', 60, 1, 86400),
      boardEnabled: r.bool('QUEUE_BOARD_ENABLED', true),
    },
    outbox: {
      pollMs: r.int('OUTBOX_POLL_MS', 2000, 0, 3_600_000),
      graceMs: r.int('OUTBOX_GRACE_MS', 5000, 0, 3_600_000),
    },
    log: {
      level: r.oneOf(
        'LOG_LEVEL',
        ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'],
        nodeEnv === 'test' ? 'warn' : 'info',
      ),
      pretty: r.bool('LOG_PRETTY', false),
    },
  };
  if (!config.redis.prefix.endsWith(':')) config.redis.prefix += ':';
  if (nodeEnv === 'production') r.problems.push(...productionProblems(config));
  if (r.problems.length) throw new ConfigError(r.problems);
  return config;
}

const WEAK_PASSWORDS = new Set(['', 'password', 'admin', 'admin123', '123456', 'root', 'changeme', 'secret']);

/** Production refuses the development defaults: a leaked laptop secret must never sign production tokens. */
function productionProblems(c: AppConfig): string[] {
  const problems: string[] = [];
  const secret = c.auth.jwtSecret;
  if (secret === DEFAULT_SECRETS.jwtSecret || secret.length < 32 || new Set(secret).size < 10) {
    problems.push(
      'JWT_SECRET must be set to a random value of at least 32 characters in production (not the development default)',
    );
  }
  if (c.seed.adminPassword === DEFAULT_SECRETS.adminPassword || isWeak(c.seed.adminPassword)) {
    problems.push('ADMIN_PASSWORD must be set to a strong, non-default password in production');
  }
  if (c.seed.demo) problems.push('SEED_DEMO must be false in production (demo users have published passwords)');
  if (isWeak(c.db.password)) problems.push('DB_PASSWORD must be set to a non-default password in production');
  return problems;
}

function isWeak(password: string): boolean {
  return password.length < 10 || WEAK_PASSWORDS.has(password.toLowerCase());
}
