import { createConnection } from 'mysql2/promise';
import { createDataSource } from '@hotline/core';
import { COMPOSITION } from '../apps/composition/src';
import { pendingSchemaChanges } from '../apps/cli/src/migrations';
import { testConfig } from './helpers/test-app';
import { TEST_DB_PREFIX, workerId } from './setup/test-env';

describe('migrations', () => {
  const config = testConfig({ DB_NAME: `${TEST_DB_PREFIX}${workerId()}_migrations` });

  beforeAll(async () => {
    const conn = await createConnection({
      host: config.db.host,
      port: config.db.port,
      user: config.db.username,
      password: config.db.password,
    });
    await conn.query(`DROP DATABASE IF EXISTS \`${config.db.database}\``);
    await conn.query(`CREATE DATABASE \`${config.db.database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    await conn.end();
  });

  it('run up from an empty database; then entities and migrations agree (migration:generate finds nothing); down works', async () => {
    const ds = createDataSource(config, COMPOSITION);
    await ds.initialize();
    try {
      const ran = await ds.runMigrations({ transaction: 'each' });
      expect(ran.length).toBe(ds.migrations.length);
      expect(await pendingSchemaChanges(ds)).toEqual({ up: [], down: [] });

      const [{ n }] = await ds.query('SELECT COUNT(*) AS n FROM administrative_units');
      expect(Number(n)).toBe(135);
      const columns: Array<{ COLUMN_NAME: string; COLUMN_TYPE: string }> = await ds.query(
        "SELECT COLUMN_NAME, COLUMN_TYPE FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = 'users'",
      );
      // snake_case names and millisecond UTC instants
      expect(columns.map((c) => c.COLUMN_NAME)).toEqual(
        expect.arrayContaining(['full_name', 'post_office_id', 'disabled_at', 'created_at']),
      );
      expect(columns.find((c) => c.COLUMN_NAME === 'created_at')?.COLUMN_TYPE).toBe('datetime(3)');

      for (let i = 0; i < ran.length; i++) await ds.undoLastMigration({ transaction: 'each' });
      const tables: unknown[] = await ds.query(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name <> 'migrations'",
      );
      expect(tables).toEqual([]);

      await ds.runMigrations({ transaction: 'each' });
      expect(await pendingSchemaChanges(ds)).toEqual({ up: [], down: [] });
    } finally {
      await ds.destroy();
    }
  });
});
