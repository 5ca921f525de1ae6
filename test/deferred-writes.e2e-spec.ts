import { UnitOfWork, deferWrite } from '@hotline/core';
import { DataSource } from 'typeorm';
import { roundTrips as spyRoundTrips } from './helpers/round-trips';
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

  const roundTrips = (work: () => Promise<unknown>) => spyRoundTrips(ds, work);

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

  it('answers a multi-statement query sent after queued writes with its own results, as it would alone', async () => {
    const id = unique('dw-');
    const [alone, batched] = await uow.run(async (tx) => {
      const first = await tx.manager.query('SELECT 1 AS one;\nSELECT 2 AS two');
      await tx.history({ actorId: null, entityType: 'dw_test', entityId: id, action: 'queued' });
      const second = await tx.manager.query('SELECT 1 AS one;\nSELECT action FROM audit_log WHERE entity_id = ?', [id]);
      return [first, second];
    });
    expect(alone).toEqual([[{ one: 1 }], [{ two: 2 }]]);
    expect(batched).toEqual([[{ one: 1 }], [{ action: 'queued' }]]);
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
