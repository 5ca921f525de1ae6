import type { JobQueue } from '@hotline/core';
import { OperatorTimersReconciler } from './operator-timers.reconciler';
import { callsFixture, T0 } from './testing/calls-fixture';

/** A BullMQ queue reduced to what rearmJob asks: getJob (with a state) and add. */
function fakeQueue(existing: Record<string, string>) {
  const added: Array<{ name: string; data: unknown; opts: { jobId: string; delay?: number } }> = [];
  const removed: string[] = [];
  const queue = {
    getJob: async (id: string) =>
      existing[id] ? { getState: async () => existing[id], remove: async () => void removed.push(id) } : undefined,
    add: async (name: string, data: unknown, opts: { jobId: string; delay?: number }) =>
      void added.push({ name, data, opts }),
  };
  const jobs = { queue: () => queue, queueOf: () => 'calls' } as unknown as JobQueue;
  return { jobs, added, removed };
}

describe('OperatorTimersReconciler', () => {
  it('re-arms the wrap-up and presence timers the table says are pending, leaves the others', async () => {
    const f = callsFixture();
    const since = new Date(T0 - 10_000);
    f.states.rows.set('a', { userId: 'a', status: 'wrap_up', since, reason: null, disconnectedAt: null, version: 7 });
    f.states.rows.set('b', {
      userId: 'b',
      status: 'break',
      since,
      reason: null,
      disconnectedAt: new Date(T0 - 90_000),
      version: 3,
    });
    f.states.rows.set('c', {
      userId: 'c',
      status: 'offline',
      since,
      reason: null,
      disconnectedAt: new Date(T0),
      version: 2,
    });
    f.states.rows.set('d', { userId: 'd', status: 'available', since, reason: null, disconnectedAt: null, version: 2 });
    const { jobs, added, removed } = fakeQueue({ 'calls-wrap-up-end__a__7': 'completed' });
    expect(await new OperatorTimersReconciler(f.repos.states, jobs, f.timers).reconcile()).toBe(2);
    expect(removed).toEqual(['calls-wrap-up-end__a__7']);
    expect(added).toEqual([
      {
        name: 'calls-wrap-up-end',
        data: { userId: 'a', version: 7 },
        opts: { jobId: 'calls-wrap-up-end__a__7', delay: 20_000 },
      },
      {
        name: 'calls-presence-offline',
        data: { userId: 'b', lostAtMs: T0 - 90_000 },
        opts: { jobId: `calls-presence-offline__b__${T0 - 90_000}`, delay: 0 },
      },
    ]);
  });
});
