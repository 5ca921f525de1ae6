import { UnitOfWork, deferWrite } from '@hotline/core';
import { DataSource } from 'typeorm';
import { type TestApi, startApi, unique } from './helpers/test-app';

/**
 * Deferred writes against the real MariaDB: they travel with the transaction's next statement (START TRANSACTION with the
 * first one, the writes with the COMMIT), the transaction reads its own writes, a failing deferred write rolls the whole
 * unit back, a ROLLBACK drops the queue, and Vietnamese text and question marks survive the client-side formatting.
 */
describe('deferred writes (one round trip per unit of work)', () => {
  let api: TestApi;
  let uow: UnitOfWork;
  let ds: DataSource;

  beforeAll(async () => {
    api = await startApi({ DB_POOL_SIZE: '3' });
    uow = api.app.get(UnitOfWork);
    ds = api.app.get(DataSource);
  });
  afterAll(async () => {
    await api.close();
  });

  /** Every round trip of the pool's connections while `work` runs: the SQL text of each query sent. */
  async function roundTrips(work: () => Promise<unknown>): Promise<string[]> {
    const pool = (ds.driver as unknown as { pool: { on(e: string, f: (c: object) => void): void } }).pool;
    const sent: string[] = [];
    const seen = new WeakSet<object>();
    const spy = (conn: object) => {
      if (seen.has(conn)) return;
      seen.add(conn);
      const c = conn as { connection?: { addCommand: (cmd: { sql?: string }) => unknown } };
      const inner = c.connection ?? (conn as { addCommand: (cmd: { sql?: string }) => unknown });
      const add = inner.addCommand.bind(inner);
      inner.addCommand = (cmd) => {
        if (typeof cmd.sql === 'string') sent.push(cmd.sql);
        return add(cmd);
      };
    };
    pool.on('acquire', spy);
    const all = (ds.driver as unknown as { pool: { _allConnections: { toArray(): object[] } } }).pool._allConnections;
    all.toArray().forEach(spy);
    await work();
    return sent;
  }

  const history = (entityId: string) =>
    ds.query('SELECT action, reason FROM audit_log WHERE entity_id = ? ORDER BY action', [entityId]);

  it('sends a unit of work that reads, writes its history and commits in two round trips', async () => {
    const id = unique('dw-');
    const sent = await roundTrips(() =>
      uow.run(async (tx) => {
        await tx.manager.query('SELECT 1 AS one');
        await tx.history({ actorId: null, entityType: 'dw_test', entityId: id, action: 'a', reason: 'Đăng ký?' });
        await tx.history({ actorId: null, entityType: 'dw_test', entityId: id, action: 'b', reason: "it's 100% ?" });
      }),
    );
    const mine = sent.filter((s) => !/outbox WHERE available_at|DELETE FROM outbox/.test(s));
    expect(mine).toHaveLength(2);
    expect(mine[0]).toMatch(/^START TRANSACTION;\nSELECT 1/);
    expect(mine[1]).toMatch(/^INSERT INTO audit_log[\s\S]*;\nINSERT INTO audit_log[\s\S]*;\nCOMMIT$/);
    expect(await history(id)).toEqual([
      { action: 'a', reason: 'Đăng ký?' },
      { action: 'b', reason: "it's 100% ?" },
    ]);
  });

  it('lets the transaction read its own deferred writes', async () => {
    const id = unique('dw-');
    const seen = await uow.run(async (tx) => {
      await tx.history({ actorId: null, entityType: 'dw_test', entityId: id, action: 'created' });
      return tx.manager.query('SELECT action FROM audit_log WHERE entity_id = ?', [id]);
    });
    expect(seen).toEqual([{ action: 'created' }]);
  });

  it('rolls the whole unit back when a deferred write fails at the commit, with the failing error', async () => {
    const id = unique('dw-');
    await expect(
      uow.run(async (tx) => {
        await tx.history({ actorId: null, entityType: 'dw_test', entityId: id, action: 'kept?' });
        await deferWrite(tx.manager, 'INSERT INTO no_such_table (x) VALUES (?)', [1]);
      }),
    ).rejects.toThrow(/no_such_table/);
    expect(await history(id)).toEqual([]);
    // The connection is clean for the next unit: no transaction left open, nothing queued.
    await uow.run(async (tx) => tx.history({ actorId: null, entityType: 'dw_test', entityId: id, action: 'after' }));
    expect(await history(id)).toEqual([{ action: 'after', reason: null }]);
  });

  it('drops the queue on a rollback, before and after the first statement reached the server', async () => {
    const early = unique('dw-');
    const late = unique('dw-');
    await expect(
      uow.run(async (tx) => {
        await tx.history({ actorId: null, entityType: 'dw_test', entityId: early, action: 'x' });
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    await expect(
      uow.run(async (tx) => {
        await tx.manager.query('SELECT 1');
        await tx.history({ actorId: null, entityType: 'dw_test', entityId: late, action: 'x' });
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(await history(early)).toEqual([]);
    expect(await history(late)).toEqual([]);
  });

  it('writes at once outside a transaction', async () => {
    const id = unique('dw-');
    await deferWrite(
      ds.manager,
      "INSERT INTO audit_log (id, at, actor_id, entity_type, entity_id, action) VALUES (UUID(), NOW(3), NULL, 'dw_test', ?, 'plain')",
      [id],
    );
    expect(await history(id)).toEqual([{ action: 'plain', reason: null }]);
  });

  it('keeps concurrent units on a small pool apart (each its own queue)', async () => {
    const ids = Array.from({ length: 12 }, () => unique('dw-'));
    await Promise.all(
      ids.map((id, i) =>
        uow.run(async (tx) => {
          await tx.history({ actorId: null, entityType: 'dw_test', entityId: id, action: `a${i}` });
          await tx.manager.query('SELECT SLEEP(0.01)');
          await tx.history({ actorId: null, entityType: 'dw_test', entityId: id, action: `b${i}` });
        }),
      ),
    );
    for (const [i, id] of ids.entries())
      expect(await history(id)).toEqual([
        { action: `a${i}`, reason: null },
        { action: `b${i}`, reason: null },
      ]);
  });
});
