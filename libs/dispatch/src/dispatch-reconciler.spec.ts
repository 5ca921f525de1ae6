import type { JobQueue } from '@hotline/core';
import { DispatchReconciler } from './dispatch-reconciler';
import { anOffer, dispatchTestbed, seedLeg } from './testing/testbed';

/** A BullMQ queue reduced to what the re-arm needs: jobs by id with a state. */
function fakeQueue(states: Record<string, string> = {}) {
  const added: Array<{ name: string; jobId: string; delay: number }> = [];
  const queue = {
    getJob: async (id: string) =>
      states[id] ? { getState: async () => states[id], remove: async () => void delete states[id] } : undefined,
    add: async (name: string, _data: unknown, opts: { jobId: string; delay: number }) =>
      void added.push({ name, jobId: opts.jobId, delay: opts.delay }),
  };
  return { jobs: { queue: () => queue } as unknown as JobQueue, added };
}

describe('DispatchReconciler', () => {
  it('re-arms from the tables: routing legs, pending offers with a deadline, overdue timers of unfinished legs', async () => {
    const t = dispatchTestbed();
    const routing = seedLeg(t).leg;
    const offered = seedLeg(t, { state: 'assigned', officeId: 'o1' }).leg;
    t.db.assignmentRows.push(anOffer(offered, { id: 'a1', deadlineAt: new Date(t.clock.nowMs() + 60_000) }));
    seedLeg(t, { state: 'delivered' });
    const { jobs, added } = fakeQueue();
    const n = await new DispatchReconciler(jobs, t.clock, t.db.legs as never, t.db.assignments as never).reconcile();
    expect(n).toBe(4);
    expect(added.map((a) => a.jobId).sort()).toEqual(
      [
        `route__${routing.id}__1__0`,
        'accept-timeout__a1',
        `overdue__${routing.id}__${routing.dueAt.getTime()}`,
        `overdue__${offered.id}__${offered.dueAt.getTime()}`,
      ].sort(),
    );
    expect(added.find((a) => a.jobId === 'accept-timeout__a1')!.delay).toBe(60_000);
  });

  it('leaves present jobs alone, re-adds failed ones, and never repeats an overdue warning that already fired', async () => {
    const t = dispatchTestbed();
    const leg = seedLeg(t).leg;
    const overdue = `overdue__${leg.id}__${leg.dueAt.getTime()}`;
    const { jobs, added } = fakeQueue({ [`route__${leg.id}__1__0`]: 'failed', [overdue]: 'completed' });
    await new DispatchReconciler(jobs, t.clock, t.db.legs as never, t.db.assignments as never).reconcile();
    expect(added.map((a) => a.jobId)).toEqual([`route__${leg.id}__1__0`]);
    const again = fakeQueue({ [`route__${leg.id}__1__0`]: 'delayed', [overdue]: 'delayed' });
    await new DispatchReconciler(again.jobs, t.clock, t.db.legs as never, t.db.assignments as never).reconcile();
    expect(again.added).toEqual([]);
  });
});
