import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Injectable } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { DiscoveryModule } from '@nestjs/core';
import { JOB_CATALOG, JobHandler, JobRegistry, UnitOfWork } from '@hotline/core';
import { JOB_CATALOG as JOB_CATALOG_OF_APPS } from '../apps/composition/src';
import { ensureTestDatabase, testConfig } from './helpers/test-app';
import { AnnounceHandler } from '../apps/worker/src/handlers/announce.handler';

const ROOT = join(__dirname, '..');

function run(
  script: string,
  env: Record<string, string>,
): Promise<{ code: number | null; stderr: string; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, script)], {
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    let stdout = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.on('data', (d) => (stdout += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 20000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr, stdout });
    });
  });
}

describe('processes refuse a bad configuration (built output, as `npm start` runs it)', () => {
  beforeAll(() => {
    if (!existsSync(join(ROOT, 'dist/apps/api/src/main.js')))
      throw new Error('dist/ is missing: `npm test` builds first; run `npm run build`');
  });

  it.each(['dist/apps/api/src/main.js', 'dist/apps/worker/src/main.js'])(
    '%s exits non-zero listing every bad variable',
    async (script) => {
      const { code, stderr } = await run(script, { PORT: 'eighty', DB_TYPE: 'oracle', REDIS_PORT: '-1' });
      expect(code).toBe(1);
      expect(stderr).toMatch(/Invalid configuration/);
      expect(stderr).toMatch(/PORT must be an integer/);
      expect(stderr).toMatch(/DB_TYPE must be one of mariadb, mysql/);
      expect(stderr).toMatch(/REDIS_PORT must be an integer/);
    },
  );

  it('production with the default JWT secret refuses to start', async () => {
    const { code, stderr } = await run('dist/apps/api/src/main.js', {
      NODE_ENV: 'production',
      JWT_SECRET: 'dev-only-jwt-secret-change-me-0269-3888-222',
      ADMIN_PASSWORD: 'a-strong-admin-password',
      DB_PASSWORD: 'a-db-password',
      SEED_DEMO: 'false',
    });
    expect(code).toBe(1);
    expect(stderr).toMatch(/JWT_SECRET must be set to a random value/);
  });
});

describe('graceful shutdown on SIGTERM (built api and worker against the real services)', () => {
  const config = testConfig();
  beforeAll(() => ensureTestDatabase(config));

  function envFor(): Record<string, string> {
    return {
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: String(30000 + Math.floor(Math.random() * 20000)),
      DB_HOST: config.db.host,
      DB_PORT: String(config.db.port),
      DB_USER: config.db.username,
      DB_PASSWORD: config.db.password,
      DB_NAME: config.db.database,
      DB_TYPE: config.db.type,
      REDIS_HOST: config.redis.host,
      REDIS_PORT: String(config.redis.port),
      REDIS_PREFIX: config.redis.prefix,
      LOG_LEVEL: 'info',
    };
  }

  it.each([
    ['dist/apps/api/src/main.js', /api listening on/],
    ['dist/apps/worker/src/main.js', /Reconciler scheduled/],
  ])('%s stops cleanly (exit 0) after closing queues, sockets and connections', async (script, ready) => {
    const child = spawn(process.execPath, [join(ROOT, script)], {
      env: { PATH: process.env.PATH ?? '', ...envFor() },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let signal: string | null = null;
    const exited = new Promise<number | null>((resolve) =>
      child.on('exit', (code, sig) => {
        signal = sig;
        resolve(code);
      }),
    );
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`not ready within 20 s:\n${out}`)), 20000);
      child.stdout.on('data', (d) => {
        out += d;
        if (ready.test(out)) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.stderr.on('data', (d) => (out += d));
      void exited.then((c) => reject(new Error(`exited with ${c} before being ready:\n${out}`)));
    });
    const t0 = Date.now();
    child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), 15000);
    const code = await exited;
    clearTimeout(killer);
    // On a failure, say how it ended and what it printed last (a signal: the process did not exit by itself).
    const how = code === 0 ? 'exit 0' : `exit ${code}, signal ${signal}, last output:\n${out.slice(-3000)}`;
    expect({ how, tookUnder15s: Date.now() - t0 < 15000 }).toEqual({ how: 'exit 0', tookUnder15s: true });
  });
});

@Injectable()
class SecondAnnounceHandler {
  @JobHandler('announce')
  async handle(): Promise<void> {}
}

describe('the worker refuses to boot when a job has two handlers or none', () => {
  // The registry alone, with the real discovery: a failed init cannot be closed cleanly by Nest (close() re-awaits the
  // failed init), so this module holds no connections.
  async function boot(providers: Array<new (...args: never[]) => unknown>): Promise<void> {
    const moduleRef = await Test.createTestingModule({
      imports: [DiscoveryModule],
      providers: [
        JobRegistry,
        ...providers,
        { provide: UnitOfWork, useValue: { run: () => Promise.resolve() } },
        { provide: JOB_CATALOG, useValue: JOB_CATALOG_OF_APPS },
      ],
    }).compile();
    await moduleRef.init();
  }

  it('two handlers for "announce"', async () => {
    await expect(boot([AnnounceHandler, SecondAnnounceHandler])).rejects.toThrow(
      /job "announce" has 2 handlers: AnnounceHandler.handle, SecondAnnounceHandler.handle/,
    );
  });

  it('no handler for "reconcile"', async () => {
    await expect(boot([AnnounceHandler])).rejects.toThrow(/job "reconcile" has no handler/);
  });
});
