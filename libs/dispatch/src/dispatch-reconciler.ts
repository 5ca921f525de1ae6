import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { Clock, JobQueue, Reconcilable, ReconcileContributor, rearmJob } from '@hotline/core';
import { overdueJob, routeJob, timeoutJob } from './leg-effects';
import { AssignmentsRepository } from './repositories/assignments.repository';
import { LegsRepository } from './repositories/legs.repository';

type JobSpec = ReturnType<typeof routeJob> | ReturnType<typeof overdueJob> | ReturnType<typeof timeoutJob>;

/**
 * The dispatch context's reconciler contributor: re-arms, from MySQL, the routing job of every leg in `routing`, the
 * timeout of every pending offer with a deadline and the overdue timer of every unfinished leg (same deterministic ids;
 * core's rearmJob re-adds failed and lost jobs). A Redis flush heals at the next reconcile run.
 */
@Injectable()
@ReconcileContributor()
export class DispatchReconciler implements Reconcilable {
  constructor(
    private readonly jobs: JobQueue,
    private readonly clock: Clock,
    private readonly legs: LegsRepository,
    private readonly assignments: AssignmentsRepository,
  ) {}

  async reconcile(): Promise<number> {
    const queue = this.jobs.queue('dispatch');
    const [routing, unfinished, pending] = await Promise.all([
      this.legs.routingLegs(),
      this.legs.unfinishedLegs(),
      this.assignments.pendingWithDeadline(),
    ]);
    for (const leg of routing) await this.rearm(queue, routeJob(leg));
    for (const a of pending) await this.rearm(queue, timeoutJob({ id: a.id, deadlineAt: a.deadlineAt! }));
    // An overdue timer tells once: one that completed did its work (MySQL keeps no trace of it), so only a missing or
    // failed one is armed again — re-adding a completed one would repeat the warning at every reconcile run.
    for (const leg of unfinished) await this.rearm(queue, overdueJob(leg), { completedIsDone: true });
    return routing.length + pending.length + unfinished.length;
  }

  private async rearm(queue: Queue, job: JobSpec, opts: { completedIsDone?: boolean } = {}): Promise<void> {
    if (opts.completedIsDone && (await (await queue.getJob(job.jobId))?.getState()) === 'completed') return;
    const delay = job.runAt ? Math.max(0, job.runAt.getTime() - this.clock.nowMs()) : 0;
    const priority = 'priority' in job ? job.priority : undefined;
    await rearmJob(queue, {
      name: job.name,
      data: job.data,
      opts: { jobId: job.jobId, delay, ...(priority !== undefined ? { priority } : {}) },
    });
  }
}
