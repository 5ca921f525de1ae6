import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createConnection } from 'mysql2/promise';
import Redis from 'ioredis';
import { TEST_DB, TEST_DB_PREFIX, TEST_REDIS, TEST_REDIS_PREFIX, isStaleRun } from './test-env';

/**
 * Names this run (workers inherit HOTLINE_TEST_RUN) and drops the databases and Redis keys of runs whose process is
 * gone. Each worker creates and migrates its own database on first use.
 */
export default async function globalSetup(): Promise<void> {
  assertDistIsFresh();
  process.env.HOTLINE_TEST_RUN = String(process.pid);
  const conn = await createConnection({
    host: TEST_DB.host,
    port: TEST_DB.port,
    user: TEST_DB.user,
    password: TEST_DB.password,
  });
  try {
    const [rows] = await conn.query<Array<{ name: string } & import('mysql2').RowDataPacket>>(
      'SELECT schema_name AS name FROM information_schema.schemata WHERE schema_name LIKE ?',
      [`${TEST_DB_PREFIX}%`],
    );
    for (const { name } of rows) {
      const pid = name.slice(TEST_DB_PREFIX.length).split('_')[0];
      if (isStaleRun(pid)) await conn.query(`DROP DATABASE \`${name}\``);
    }
  } finally {
    await conn.end();
  }
  const redis = new Redis({ host: TEST_REDIS.host, port: TEST_REDIS.port, maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    const stale = new Map<string, boolean>();
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${TEST_REDIS_PREFIX}:*`, 'COUNT', 1000);
      cursor = next;
      const doomed = keys.filter((k) => {
        const pid = k.split(':')[1].split('_')[0];
        if (!stale.has(pid)) stale.set(pid, isStaleRun(pid));
        return stale.get(pid);
      });
      if (doomed.length) await redis.unlink(...doomed);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

const ROOT = join(__dirname, '../..');
const SOURCE_DIRS = [
  'apps/api/src',
  'apps/worker/src',
  'apps/cli/src',
  'apps/composition/src',
  ...readdirSync(join(ROOT, 'libs')).flatMap((l) => [`libs/${l}/src`, `libs/${l}/data`]),
];

/**
 * The e2e suites run the compiled dist/ (jest.config.js), so a missing or stale build would test another program: every
 * source file that tsc compiles must have its output in dist/, written after the source's last change.
 */
function assertDistIsFresh(): void {
  if (!existsSync(join(ROOT, 'dist')))
    throw new Error(
      'dist/ is missing: the e2e suites test the compiled app that `npm start` runs; run `npm run build` first (`npm test` does)',
    );
  const stale: string[] = [];
  for (const dir of SOURCE_DIRS) {
    for (const file of filesUnder(join(ROOT, dir))) {
      const rel = relative(ROOT, file);
      if (
        rel.endsWith('.spec.ts') ||
        rel.endsWith('.d.ts') ||
        !(rel.endsWith('.ts') || /^libs\/[^/]+\/data\/[^/]+\.json$/.test(rel))
      )
        continue;
      const out = join(ROOT, 'dist', rel.replace(/\.ts$/, '.js'));
      if (!existsSync(out) || statSync(out).mtimeMs < statSync(file).mtimeMs) stale.push(rel);
    }
  }
  if (stale.length) {
    const list = stale.slice(0, 5).join(', ') + (stale.length > 5 ? ` and ${stale.length - 5} more` : '');
    throw new Error(
      `dist/ is older than the sources (${list}): the e2e suites test the compiled app that \`npm start\` runs; run \`npm run build\` first (\`npm test\` does)`,
    );
  }
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)],
  );
}
