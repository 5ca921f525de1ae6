import { createConnection } from 'mysql2/promise';
import { TEST_DB, TEST_DB_PREFIX } from './test-env';

/** Drops this run's databases (Redis keys expire with the next run's setup, once this process is gone). */
export default async function globalTeardown(): Promise<void> {
  if (process.env.KEEP_TEST_DATABASES) return;
  const conn = await createConnection({
    host: TEST_DB.host,
    port: TEST_DB.port,
    user: TEST_DB.user,
    password: TEST_DB.password,
  });
  try {
    const [rows] = await conn.query<Array<{ name: string } & import('mysql2').RowDataPacket>>(
      'SELECT schema_name AS name FROM information_schema.schemata WHERE schema_name LIKE ?',
      [`${TEST_DB_PREFIX}${process.env.HOTLINE_TEST_RUN ?? process.pid}\\_%`],
    );
    for (const { name } of rows) await conn.query(`DROP DATABASE \`${name}\``);
  } finally {
    await conn.end();
  }
}
