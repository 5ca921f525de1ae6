import { randomBytes } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createConnection } from 'mysql2/promise';
import { io, type Socket } from 'socket.io-client';
import request from 'supertest';
import type { AuthTokens, ServerToClientEvents } from '@hotline/contracts';
import { type AppConfig, createDataSource } from '@hotline/core';
// In the e2e project these imports (like every @hotline/... one) resolve into dist/ (jest.config.js): the tests boot the
// compiled api, worker and cli that `npm start` runs, not the TypeScript sources, whose class fields swc compiles otherwise.
import { type ApiAppOptions, createApiApp } from '../../apps/api/src/bootstrap';
import { CliModule } from '../../apps/cli/src/cli.module';
import { DemoSeedService } from '../../apps/cli/src/demo-seed.service';
import { createWorkerApp } from '../../apps/worker/src/bootstrap';
import { COMPOSITION, loadAppConfig } from '../../apps/composition/src';
import { TEST_DB, TEST_DB_PREFIX, TEST_REDIS, TEST_REDIS_PREFIX, workerId } from '../setup/test-env';

export const DEMO_PASSWORD = 'Demo@0269';
export const ADMIN_PASSWORD = 'Admin@0269';

/** A config for this jest worker: its own database, its own Redis prefix (unique per file), quiet logs. */
export function testConfig(env: Record<string, string> = {}): AppConfig {
  return loadAppConfig({
    // The contexts' settings a test put in process.env (e.g. DISPATCH_ACCEPT_TIMEOUT_SECONDS) apply; the rest is this worker's.
    ...process.env,
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: '0',
    DB_TYPE: TEST_DB.type,
    DB_HOST: TEST_DB.host,
    DB_PORT: String(TEST_DB.port),
    DB_USER: TEST_DB.user,
    DB_PASSWORD: TEST_DB.password,
    DB_NAME: `${TEST_DB_PREFIX}${workerId()}`,
    DB_POOL_SIZE: '5',
    REDIS_HOST: TEST_REDIS.host,
    REDIS_PORT: String(TEST_REDIS.port),
    REDIS_PREFIX: `${TEST_REDIS_PREFIX}:${workerId()}:${randomBytes(4).toString('hex')}:`,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    LOGIN_LIMIT_PER_IP: '100000',
    LOGIN_LIMIT_PER_USER: '100000',
    SEED_DEMO: 'true',
    ...env,
  });
}

const migrated = new Set<string>();

/** Creates this worker's database on first use and brings it to the latest migration. */
export async function ensureTestDatabase(config: AppConfig): Promise<void> {
  if (migrated.has(config.db.database)) return;
  const conn = await createConnection({
    host: config.db.host,
    port: config.db.port,
    user: config.db.username,
    password: config.db.password,
  });
  await conn.query(
    `CREATE DATABASE IF NOT EXISTS \`${config.db.database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
  );
  await conn.end();
  const ds = createDataSource(config, COMPOSITION);
  await ds.initialize();
  try {
    await ds.runMigrations({ transaction: 'each' });
  } finally {
    await ds.destroy();
  }
  migrated.add(config.db.database);
}

/** Runs the same seed as `npm start` (admin + demo offices + demo users), idempotently. */
export async function seedDemo(config: AppConfig): Promise<void> {
  const ctx = await NestFactory.createApplicationContext(CliModule.forRoot(config), { logger: false });
  try {
    await ctx.get(DemoSeedService).run();
  } finally {
    await ctx.close();
  }
}

export interface TestApi {
  app: NestFastifyApplication;
  config: AppConfig;
  url: string;
  http: ReturnType<typeof request>;
  close(): Promise<void>;
}

/** The real api (Fastify, socket.io, Redis adapter) on a random port, against this worker's database. */
export async function startApi(
  env: Record<string, string> = {},
  options: { seed?: boolean; config?: AppConfig } & ApiAppOptions = {},
): Promise<TestApi> {
  const config = options.config ?? testConfig(env);
  await ensureTestDatabase(config);
  if (options.seed !== false) await seedDemo(config);
  const app = await createApiApp(config, { logDestination: options.logDestination });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const url = await app.getUrl();
  return { app, config, url, http: request(url), close: () => app.close() };
}

/** The real worker (BullMQ processors) with the same config, so it shares the database and the Redis prefix. */
export async function startWorker(
  config: AppConfig,
  options: { schedule?: boolean } = {},
): Promise<INestApplicationContext> {
  const app = await createWorkerApp(config, { schedule: options.schedule ?? false });
  await app.init();
  return app;
}

export async function login(api: TestApi, username: string, password = DEMO_PASSWORD): Promise<AuthTokens> {
  const res = await api.http.post('/api/auth/login').send({ username, password });
  if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as AuthTokens;
}

export type TestSocket = Socket<ServerToClientEvents>;

/** Connects a socket.io client; resolves once the server says which rooms it joined (or rejects with the auth error). */
export function connectSocket(
  api: TestApi,
  token: string | undefined,
): Promise<{ socket: TestSocket; rooms: string[] }> {
  const socket: TestSocket = io(api.url, {
    path: '/socket.io',
    transports: ['websocket'],
    auth: token === undefined ? {} : { token },
    reconnection: false,
  });
  return new Promise((resolve, reject) => {
    const onError = (e: { code: string; message: string }) => {
      socket.close();
      reject(Object.assign(new Error(e.message), { code: e.code }));
    };
    const onConnectError = (e: Error) => reject(e);
    socket.once('auth:error', onError);
    socket.once('connect_error', onConnectError);
    socket.once('session:ready', (p) => {
      socket.off('auth:error', onError);
      socket.off('connect_error', onConnectError);
      resolve({ socket, rooms: p.rooms });
    });
  });
}

/** Resolves with the next payload of an event (fails the test after `ms`). */
export function nextEvent<E extends keyof ServerToClientEvents>(
  socket: TestSocket,
  event: E,
  ms = 10000,
): Promise<Parameters<ServerToClientEvents[E]>[0]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${String(event)} event within ${ms} ms`)), ms);
    socket.once(
      event as never,
      ((payload: never) => {
        clearTimeout(timer);
        resolve(payload);
      }) as never,
    );
  });
}

export function unique(prefix: string): string {
  return `${prefix}${randomBytes(3).toString('hex')}`;
}
