import { createConnection } from 'mysql2/promise';
import Redis from 'ioredis';
import { TEST_DB, TEST_DB_PREFIX, TEST_REDIS, TEST_REDIS_PREFIX, isStaleRun } from './test-env';

/**
 * Names this run (workers inherit HOTLINE_TEST_RUN) and drops the databases and Redis keys of runs whose process is
 * gone. Each worker creates and migrates its own database on first use.
 */
export default async function globalSetup(): Promise<void> {
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
