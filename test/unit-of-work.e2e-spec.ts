import type { AnnouncementEvent } from '@hotline/contracts';
import { JobQueue, OutboxRelay, UnitOfWork, jobId } from '@hotline/core';
import { DataSource } from 'typeorm';
import {
  ADMIN_PASSWORD,
  type TestApi,
  type TestSocket,
  connectSocket,
  login,
  startApi,
  unique,
} from './helpers/test-app';

/**
 * The unit of work against the real MariaDB and Redis: rows and effects commit together, effects run after the commit, a
 * rollback leaves neither, and effects the fast path could not carry out (a crash, Redis away) are carried out by the poller.
 */
describe('unit of work and transactional outbox', () => {
  let api: TestApi;
  let uow: UnitOfWork;
  let relay: OutboxRelay;
  let ds: DataSource;
  let jobs: JobQueue;
  let socket: TestSocket;

  beforeAll(async () => {
    // The poller is driven by hand here (poll()), the grace period is 0 so a stranded row is the poller's at once.
    api = await startApi({ OUTBOX_POLL_MS: '0', OUTBOX_GRACE_MS: '0', DB_POOL_SIZE: '4' });
    uow = api.app.get(UnitOfWork);
    relay = api.app.get(OutboxRelay);
    ds = api.app.get(DataSource);
    jobs = api.app.get(JobQueue);
    const admin = await login(api, 'admin', ADMIN_PASSWORD);
    ({ socket } = await connectSocket(api, admin.accessToken));
  });
  afterAll(async () => {
    socket?.close();
    await api.close();
  });

  /** The announcement with this text (other tests' deliveries may arrive meanwhile, e.g. a poll that finds their row first). */
  const heardMessage = (message: string) =>
    new Promise<AnnouncementEvent>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no announcement "${message}"`)), 10_000);
      const listener = (p: AnnouncementEvent) => {
        if (p.message !== message) return;
        clearTimeout(timer);
        socket.off('announcement', listener);
        resolve(p);
      };
      socket.on('announcement', listener);
    });
  const announcement = (message: string): AnnouncementEvent => ({
    id: unique('a-'),
    message,
    audience: 'role:admin',
    from: { id: 'system', fullName: 'test' },
    sentAt: new Date().toISOString(),
  });
  /** Outbox rows that mention an id (a job id): the rows of other tests may be on their way out meanwhile. */
  const outboxRowsWith = async (id: string) =>
    Number(
      (await ds.query("SELECT COUNT(*) AS n FROM outbox WHERE JSON_SEARCH(effects, 'one', ?) IS NOT NULL", [id]))[0].n,
    );

  it('commits the rows with their effects, then adds the jobs and emits the events', async () => {
    const id = jobId('uow-test', unique(''));
    const message = unique('Thông báo ');
    const heard = heardMessage(message);
    await uow.run(async (tx) => {
      await tx.history({ actorId: null, entityType: 'uow_test', entityId: id, action: 'created' });
      tx.enqueue('reconcile', { trigger: 'manual' }, { jobId: id, delay: 60_000 });
      tx.emit('role:admin', 'announcement', announcement(message));
    });
    expect((await heard).message).toBe(message);
    const job = await jobs.queue('maintenance').getJob(id);
    expect(job?.name).toBe('reconcile');
    expect(await job?.getState()).toBe('delayed');
    await job?.remove();
  });

  it('rolls back rows and effects together when the work fails', async () => {
    const id = jobId('uow-rollback', unique(''));
    await expect(
      uow.run(async (tx) => {
        await tx.history({ actorId: null, entityType: 'uow_test', entityId: id, action: 'created' });
        tx.enqueue('reconcile', { trigger: 'manual' }, { jobId: id, delay: 60_000 });
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(await jobs.queue('maintenance').getJob(id)).toBeUndefined();
    expect(await ds.query('SELECT COUNT(*) AS n FROM audit_log WHERE entity_id = ?', [id])).toEqual([{ n: '0' }]);
    expect(await outboxRowsWith(id)).toBe(0);
  });

  it('keeps what the fast path could not deliver and the poller carries it out, once', async () => {
    const id = jobId('uow-stranded', unique(''));
    const message = unique('Sau sự cố ');
    const publish = jest
      .spyOn(relay, 'publish')
      .mockRejectedValueOnce(new Error('the process died right after the commit'));
    try {
      await uow.run(async (tx) => {
        tx.enqueue('reconcile', { trigger: 'manual' }, { jobId: id, delay: 60_000 });
        tx.emit('role:admin', 'announcement', announcement(message));
      });
    } finally {
      publish.mockRestore();
    }
    expect(await jobs.queue('maintenance').getJob(id)).toBeUndefined();
    expect(await outboxRowsWith(id)).toBe(1);

    const heard = heardMessage(message);
    expect(await relay.poll()).toBeGreaterThanOrEqual(1);
    expect((await heard).message).toBe(message);
    const job = await jobs.queue('maintenance').getJob(id);
    expect(await job?.getState()).toBe('delayed');
    expect(await outboxRowsWith(id)).toBe(0);
    await job?.remove();
  });

  it('lets a unit of work started inside another join it (one transaction, one outbox row)', async () => {
    const id = unique('nested-');
    const rows = await uow.run(async (outer) => {
      await outer.history({ actorId: null, entityType: 'uow_test', entityId: id, action: 'outer' });
      await uow.run(async (inner) => {
        expect(inner).toBe(outer);
        await inner.history({ actorId: null, entityType: 'uow_test', entityId: id, action: 'inner' });
      });
      return outer.manager.query('SELECT action FROM audit_log WHERE entity_id = ? ORDER BY action', [id]);
    });
    expect(rows).toEqual([{ action: 'inner' }, { action: 'outer' }]);
  });

  it('runs more concurrent units of work than the pool has connections, each with its effects', async () => {
    const ids = Array.from({ length: 20 }, () => jobId('uow-burst', unique('')));
    await Promise.all(
      ids.map((id) =>
        uow.run(async (tx) => {
          await tx.history({ actorId: null, entityType: 'uow_test', entityId: id, action: 'created' });
          tx.enqueue('reconcile', { trigger: 'manual' }, { jobId: id, delay: 60_000 });
        }),
      ),
    );
    const found = await Promise.all(ids.map((id) => jobs.queue('maintenance').getJob(id)));
    expect(found.every(Boolean)).toBe(true);
    await Promise.all(found.map((j) => j?.remove()));
  });
});
