import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ensureTestDatabase, testConfig } from '../helpers/test-app';

const ROOT = join(__dirname, '../..');

/**
 * The worker's heap cap is one setting, WORKER_MAX_OLD_SPACE_MB, read by the start scripts (and docker/compose.yml): the built
 * worker started by `npm run start:worker` (scripts/worker.mjs) gets it as --max-old-space-size, says its V8 limit at boot, and
 * stops cleanly on SIGTERM passed through the wrapper; a bad value stops the scripts before anything runs.
 */
describe('worker heap cap (WORKER_MAX_OLD_SPACE_MB, built output)', () => {
  const config = testConfig();
  beforeAll(async () => {
    if (!existsSync(join(ROOT, 'dist/apps/worker/src/main.js')))
      throw new Error('dist/ is missing: run `npm run build`');
    await ensureTestDatabase(config);
  });

  const env = (extra: Record<string, string>): Record<string, string> => ({
    PATH: process.env.PATH ?? '',
    NODE_ENV: 'test',
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
    ...extra,
  });

  function start(script: string, extra: Record<string, string>) {
    const child = spawn(process.execPath, [join(ROOT, script)], {
      cwd: ROOT,
      env: env(extra),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    return { child, exited, out: () => out };
  }

  it.each([
    ['scripts/worker.mjs', 'lots'],
    ['scripts/worker.mjs', '32'],
    ['scripts/start.mjs', '12.5'],
  ])('%s refuses WORKER_MAX_OLD_SPACE_MB=%s naming the variable, before anything runs', async (script, value) => {
    const p = start(script, { WORKER_MAX_OLD_SPACE_MB: value });
    const killer = setTimeout(() => p.child.kill('SIGKILL'), 20000);
    const code = await p.exited;
    clearTimeout(killer);
    expect(code).toBe(1);
    expect(p.out()).toContain(
      `WORKER_MAX_OLD_SPACE_MB must be a whole number of megabytes from 64 to 16384 (got "${value}")`,
    );
    expect(p.out()).not.toMatch(/migrat|Reconciler scheduled/i);
  });

  it.each([
    ['160', 160],
    ['', 192], // unset → the default
  ])(
    'npm run start:worker with WORKER_MAX_OLD_SPACE_MB="%s" runs the worker capped at %d MB; SIGTERM stops it cleanly',
    async (value, cap) => {
      const p = start('scripts/worker.mjs', value ? { WORKER_MAX_OLD_SPACE_MB: value } : {});
      const limit = await new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no heap limit logged within 30 s:\n${p.out()}`)), 30000);
        const check = () => {
          const m = /V8 heap limit (\d+) MB \(old space capped/.exec(p.out());
          if (!m) return;
          clearTimeout(timer);
          resolve(Number(m[1]));
        };
        p.child.stdout.on('data', check);
        p.child.stderr.on('data', check);
        void p.exited.then((c) => reject(new Error(`exited with ${c} before being ready:\n${p.out()}`)));
      });
      // V8's limit is the old-space cap plus the young generation (tens of MB); uncapped it would be several GB.
      expect(limit).toBeGreaterThanOrEqual(cap);
      expect(limit).toBeLessThanOrEqual(cap + 96);
      p.child.kill('SIGTERM');
      const killer = setTimeout(() => p.child.kill('SIGKILL'), 15000);
      const code = await p.exited;
      clearTimeout(killer);
      expect(code).toBe(0);
    },
    60000,
  );
});
