import { z } from 'zod';
import { type ConfigFragment, type Env, env, envProblems } from './env-schema';

/**
 * Every setting comes from the environment, is read once at boot into one typed object and validated by one schema: core's
 * part here, each context's part from its fragment (a zod schema over its variables, e.g. libs/calls/src/calls.config.ts),
 * composed by the apps (apps/composition). A bad or missing variable makes loadConfig throw a ConfigError that lists every
 * problem of every part at once.
 */
export type NodeEnv = 'development' | 'production' | 'test';
export type DbType = 'mariadb' | 'mysql';

export interface CoreConfig {
  nodeEnv: NodeEnv;
  http: { host: string; port: number; publicUrl: string; corsOrigins: string[]; trustProxy: boolean };
  db: {
    type: DbType;
    host: string;
    port: number;
    /** A Unix socket of a server on this machine: when set, used instead of host and port. */
    socketPath: string | undefined;
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

/** The whole configuration: core's part, and each context's part under its key (added by the context, declaration merging). */
export interface AppConfig extends CoreConfig {}

export type ContextConfigKey = Exclude<keyof AppConfig, keyof CoreConfig>;
/** The contexts' fragments, one per key of AppConfig that core does not own. */
export type ContextConfigFragments = { [K in ContextConfigKey]: ConfigFragment<AppConfig[K]> };

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

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Core's variables. In production JWT_SECRET and ADMIN_PASSWORD have no default. */
function coreVariables(nodeEnv: NodeEnv) {
  const prod = nodeEnv === 'production';
  return {
    NODE_ENV: env.oneOf<NodeEnv>(['development', 'production', 'test'], 'development'),
    PORT: env.int(3000, 0, 65535),
    HOST: env.string('0.0.0.0'),
    PUBLIC_URL: env.optionalString(),
    CORS_ORIGINS: env.list([]),
    TRUST_PROXY: env.bool(false),
    DB_TYPE: env.oneOf<DbType>(['mariadb', 'mysql'], 'mariadb'),
    DB_HOST: env.string('127.0.0.1'),
    DB_PORT: env.int(3306, 1, 65535),
    DB_SOCKET_PATH: env.optionalString(),
    DB_USER: env.string('root'),
    DB_PASSWORD: env.optionalString(),
    DB_NAME: env.string('hotline'),
    DB_POOL_SIZE: env.int(10, 1, 500),
    DB_ACQUIRE_TIMEOUT_MS: env.int(5000, 100, 600_000),
    DB_QUERY_TIMEOUT_MS: env.int(15000, 100, 3_600_000),
    DB_LOGGING: env.bool(false),
    REDIS_HOST: env.string('127.0.0.1'),
    REDIS_PORT: env.int(6379, 1, 65535),
    REDIS_PASSWORD: env.optionalString(),
    REDIS_DB: env.int(0, 0, 15),
    REDIS_PREFIX: env.string('hotline:'),
    JWT_SECRET: env.string(prod ? undefined : DEFAULT_SECRETS.jwtSecret),
    JWT_ACCESS_TTL_SECONDS: env.int(900, 10, 86400),
    JWT_REFRESH_TTL_SECONDS: env.int(14 * 86400, 60, 365 * 86400),
    LOGIN_LIMIT_PER_IP: env.int(30, 1, 100000),
    LOGIN_LIMIT_PER_USER: env.int(8, 1, 100000),
    LOGIN_WINDOW_SECONDS: env.int(300, 1, 86400),
    SEED_DEMO: env.bool(!prod),
    ADMIN_USERNAME: env.string('admin'),
    ADMIN_PASSWORD: env.string(prod ? undefined : DEFAULT_SECRETS.adminPassword),
    DEMO_PASSWORD: env.string(DEFAULT_SECRETS.demoPassword),
    RECONCILE_EVERY_SECONDS: env.int(60, 1, 86400),
    QUEUE_BOARD_ENABLED: env.bool(true),
    OUTBOX_POLL_MS: env.int(2000, 0, 3_600_000),
    OUTBOX_GRACE_MS: env.int(5000, 0, 3_600_000),
    LOG_LEVEL: env.oneOf(LOG_LEVELS, nodeEnv === 'test' ? 'warn' : 'info'),
    LOG_PRETTY: env.bool(false),
  };
}

type CoreVariables = z.output<z.ZodObject<ReturnType<typeof coreVariables>>>;

function coreSchema(nodeEnv: NodeEnv) {
  return z.object(coreVariables(nodeEnv)).transform((e, ctx): CoreConfig => {
    const publicUrl = env.url(`http://localhost:${e.PORT || 3000}`).safeParse(e.PUBLIC_URL);
    if (!publicUrl.success)
      ctx.addIssue({ code: 'custom', path: ['PUBLIC_URL'], message: publicUrl.error.issues[0].message });
    return toCoreConfig(e, publicUrl.data ?? '');
  });
}

function toCoreConfig(e: CoreVariables, publicUrl: string): CoreConfig {
  return {
    nodeEnv: e.NODE_ENV,
    http: {
      host: e.HOST,
      port: e.PORT,
      publicUrl,
      corsOrigins: e.CORS_ORIGINS,
      trustProxy: e.TRUST_PROXY,
    },
    db: {
      type: e.DB_TYPE,
      host: e.DB_HOST,
      port: e.DB_PORT,
      socketPath: e.DB_SOCKET_PATH || undefined,
      username: e.DB_USER,
      password: e.DB_PASSWORD ?? '',
      database: e.DB_NAME,
      poolSize: e.DB_POOL_SIZE,
      acquireTimeoutMs: e.DB_ACQUIRE_TIMEOUT_MS,
      queryTimeoutMs: e.DB_QUERY_TIMEOUT_MS,
      logging: e.DB_LOGGING,
    },
    redis: {
      host: e.REDIS_HOST,
      port: e.REDIS_PORT,
      password: e.REDIS_PASSWORD,
      db: e.REDIS_DB,
      prefix: e.REDIS_PREFIX.endsWith(':') ? e.REDIS_PREFIX : `${e.REDIS_PREFIX}:`,
    },
    auth: {
      jwtSecret: e.JWT_SECRET,
      accessTtlSeconds: e.JWT_ACCESS_TTL_SECONDS,
      refreshTtlSeconds: e.JWT_REFRESH_TTL_SECONDS,
      loginLimitPerIp: e.LOGIN_LIMIT_PER_IP,
      loginLimitPerUser: e.LOGIN_LIMIT_PER_USER,
      loginWindowSeconds: e.LOGIN_WINDOW_SECONDS,
    },
    seed: {
      demo: e.SEED_DEMO,
      adminUsername: e.ADMIN_USERNAME,
      adminPassword: e.ADMIN_PASSWORD,
      demoPassword: e.DEMO_PASSWORD,
    },
    queues: { reconcileEverySeconds: e.RECONCILE_EVERY_SECONDS, boardEnabled: e.QUEUE_BOARD_ENABLED },
    outbox: { pollMs: e.OUTBOX_POLL_MS, graceMs: e.OUTBOX_GRACE_MS },
    log: { level: e.LOG_LEVEL, pretty: e.LOG_PRETTY },
  };
}

/** Core's part alone (its own tests; the apps load the whole configuration with loadConfig). */
export function loadCoreConfig(source: Env = process.env): CoreConfig {
  const { config, problems } = parseCore(source);
  if (problems.length) throw new ConfigError(problems);
  return config!;
}

/** The whole configuration: core's part and every context's fragment, validated together; every problem in one error. */
export function loadConfig(source: Env, fragments: ContextConfigFragments): AppConfig {
  const { config, problems } = parseCore(source);
  const parts: Record<string, unknown> = {};
  for (const [key, fragment] of Object.entries(fragments) as Array<[string, ConfigFragment<unknown>]>) {
    const parsed = fragment.safeParse(source);
    if (parsed.success) parts[key] = parsed.data;
    else problems.push(...envProblems(parsed.error));
  }
  if (problems.length) throw new ConfigError(problems);
  return { ...config!, ...parts } as AppConfig;
}

/** One context's part alone, e.g. in its own tests. */
export function loadFragment<T>(fragment: ConfigFragment<T>, source: Env): T {
  const parsed = fragment.safeParse(source);
  if (!parsed.success) throw new ConfigError(envProblems(parsed.error));
  return parsed.data;
}

function parseCore(source: Env): { config: CoreConfig | null; problems: string[] } {
  const nodeEnv = env.oneOf<NodeEnv>(['development', 'production', 'test'], 'development').safeParse(source.NODE_ENV);
  const parsed = coreSchema(nodeEnv.success ? nodeEnv.data : 'development').safeParse(source);
  if (!parsed.success) return { config: null, problems: envProblems(parsed.error) };
  const problems = parsed.data.nodeEnv === 'production' ? productionProblems(parsed.data) : [];
  return { config: parsed.data, problems };
}

const WEAK_PASSWORDS = new Set(['', 'password', 'admin', 'admin123', '123456', 'root', 'changeme', 'secret']);

/** Production refuses the development defaults: a leaked laptop secret must never sign production tokens. */
function productionProblems(c: CoreConfig): string[] {
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
