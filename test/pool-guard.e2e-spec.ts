import { DataSource, QueryFailedError } from 'typeorm';
import { DatabaseUnavailableError, PoolMisuseError, asUnavailable, dbManager } from '@hotline/core';
import { ADMIN_PASSWORD, type TestApi, startApi } from './helpers/test-app';

/**
 * The pool can neither be starved by code that takes a second connection inside a transaction, nor waited on forever:
 * a full pool answers 503 with Retry-After within DB_ACQUIRE_TIMEOUT_MS, and the api recovers the moment a connection frees.
 */
describe('database pool guard', () => {
  let api: TestApi;
  let ds: DataSource;
  beforeAll(async () => {
    api = await startApi({ DB_POOL_SIZE: '2', DB_ACQUIRE_TIMEOUT_MS: '400', DB_QUERY_TIMEOUT_MS: '1000' });
    ds = api.app.get(DataSource);
  });
  afterAll(() => api.close());

  it('refuses a second connection taken inside a transaction at once, and the transaction rolls back', async () => {
    const started = Date.now();
    const attempt = ds.transaction(async (m) => {
      await m.query('SELECT 1');
      await ds.query('SELECT 2'); // the bug: the pool instead of the transaction
    });
    await expect(attempt).rejects.toBeInstanceOf(PoolMisuseError);
    expect(Date.now() - started).toBeLessThan(400);
  });

  it('lets code shared by both worlds read through the caller transaction (dbManager)', async () => {
    const holders = await Promise.all(
      [1, 2].map(() =>
        ds.transaction(async (m) => {
          expect(dbManager(ds)).toBe(m);
          // Both connections of the pool are held here: a read through dbManager must not need a third one.
          const [row] = await dbManager(ds).query('SELECT CONNECTION_ID() AS id');
          const [own] = await m.query('SELECT CONNECTION_ID() AS id');
          return row.id === own.id;
        }),
      ),
    );
    expect(holders).toEqual([true, true]);
    expect(dbManager(ds)).toBe(ds.manager);
  });

  it('answers 503 with Retry-After when every connection is busy, then serves again once one frees', async () => {
    const held = [ds.createQueryRunner(), ds.createQueryRunner()];
    await Promise.all(held.map((r) => r.connect()));
    try {
      const started = Date.now();
      const res = await api.http.post('/api/auth/login').send({ username: 'admin', password: ADMIN_PASSWORD });
      expect(res.status).toBe(503);
      expect(res.body).toMatchObject({ statusCode: 503, code: 'SERVICE_UNAVAILABLE' });
      expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect(Date.now() - started).toBeLessThan(5000);
    } finally {
      await Promise.all(held.map((r) => r.release()));
    }
    const ok = await api.http.post('/api/auth/login').send({ username: 'admin', password: ADMIN_PASSWORD });
    expect(ok.status).toBe(200);
    // A connection that arrived after its waiter gave up went back to the pool: both are usable.
    const ids = await Promise.all([1, 2].map(() => ds.transaction((m) => m.query('SELECT CONNECTION_ID() AS id'))));
    expect(ids).toHaveLength(2);
  });

  it('has the server stop a statement running past DB_QUERY_TIMEOUT_MS, reported as unavailable (503), the connection reusable', async () => {
    const started = Date.now();
    const err = await ds.query('SELECT SLEEP(3)').catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(2500);
    expect(err).toBeInstanceOf(QueryFailedError);
    const mapped = asUnavailable(err);
    expect(mapped).toBeInstanceOf(DatabaseUnavailableError);
    expect(mapped?.status).toBe(503);
    // The statement was stopped on the server, so the next query on any pooled connection answers at once.
    const next = Date.now();
    await Promise.all([1, 2].map(() => ds.query('SELECT 1')));
    expect(Date.now() - next).toBeLessThan(500);
    expect((await api.http.get('/health')).status).toBe(200);
  });

  it('fails a query the server never answers at the client-side deadline (DB_QUERY_TIMEOUT_MS + 2 s), and drops that connection', async () => {
    // A server that stopped answering, seen from the pool: this session's server-side timeout is off, and the statement
    // sleeps past the guard's deadline (1 s + 2 s here).
    const runner = ds.createQueryRunner();
    const sleeper = Number((await runner.query('SELECT CONNECTION_ID() AS id'))[0].id);
    await runner.query('SET SESSION max_statement_time = 0');
    const started = Date.now();
    const err = (await runner.query('SELECT SLEEP(6)').catch((e: unknown) => e)) as { driverError?: { code?: string } };
    const waited = Date.now() - started;
    await runner.release();
    expect(waited).toBeGreaterThanOrEqual(2900);
    expect(waited).toBeLessThan(5000);
    expect(err.driverError?.code).toBe('PROTOCOL_SEQUENCE_TIMEOUT');
    expect(asUnavailable(err)?.status).toBe(503);
    // The connection with the statement still running was destroyed on release, not handed out again.
    const ids = await Promise.all(
      [1, 2].map(() => ds.transaction(async (m) => Number((await m.query('SELECT CONNECTION_ID() AS id'))[0].id))),
    );
    expect(ids).not.toContain(sleeper);
    expect((await api.http.get('/health')).status).toBe(200);
    // The server is still sleeping on the dropped connection: end it, so nothing outlives the test.
    await ds.query(`KILL ${sleeper}`).catch(() => undefined);
  }, 20_000);

  it('fails a transaction whose statement hangs at the deadline, its rollback not queued behind the statement', async () => {
    let sleeper = 0;
    const started = Date.now();
    const err = (await ds
      .transaction(async (m) => {
        sleeper = Number((await m.query('SELECT CONNECTION_ID() AS id'))[0].id);
        await m.query('SET SESSION max_statement_time = 0');
        await m.query('SELECT SLEEP(8)');
      })
      .catch((e: unknown) => e)) as { driverError?: { code?: string } };
    const waited = Date.now() - started;
    expect(err.driverError?.code).toBe('PROTOCOL_SEQUENCE_TIMEOUT');
    // 1 s + 2 s and the watchdog's tick, not the 8 s of the statement (nor a second deadline for the ROLLBACK).
    expect(waited).toBeLessThan(5000);
    const res = await api.http.post('/api/auth/login').send({ username: 'admin', password: ADMIN_PASSWORD });
    expect(res.status).toBe(200);
    await ds.query(`KILL ${sleeper}`).catch(() => undefined);
  }, 20_000);
});
