import { createConnection } from 'mysql2/promise';
import type { AppConfig } from '@hotline/core';

/** Creates the database if it does not exist yet (first start on a fresh server). */
export async function ensureDatabase(config: AppConfig): Promise<void> {
  if (!/^[A-Za-z0-9_]+$/.test(config.db.database)) throw new Error('DB_NAME may contain only letters, digits and _');
  const conn = await createConnection({
    host: config.db.host,
    port: config.db.port,
    ...(config.db.socketPath ? { socketPath: config.db.socketPath } : {}),
    user: config.db.username,
    password: config.db.password,
  });
  try {
    await conn.query(
      `CREATE DATABASE IF NOT EXISTS \`${config.db.database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
    );
  } finally {
    await conn.end();
  }
}
