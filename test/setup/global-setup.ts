import { createConnection } from 'mysql2/promise';
import Redis from 'ioredis';
import { TEST_DB, TEST_DB_PREFIX, TEST_REDIS, TEST_REDIS_PREFIX } from './test-env';

/** Drops the databases and Redis keys left by an earlier run; each worker creates and migrates its own on first use. */
export default async function globalSetup(): Promise<void> {
  const conn = await createConnection({ host: TEST_DB.host, port: TEST_DB.port, user: TEST_DB.user, password: TEST_DB.password });
  try {
    const [rows] = await conn.query<Array<{ name: string } & import('mysql2').RowDataPacket>>(
      'SELECT schema_name AS name FROM information_schema.schemata WHERE schema_name LIKE ?',
      [`${TEST_DB_PREFIX}%`],
    );
    for (const row of rows) await conn.query(`DROP DATABASE \`${row.name}\``);
  } finally {
    await conn.end();
  }
  const redis = new Redis({ host: TEST_REDIS.host, port: TEST_REDIS.port, maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${TEST_REDIS_PREFIX}*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) await redis.unlink(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
