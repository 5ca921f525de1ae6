import { Injectable } from '@nestjs/common';
import { JobQueue, rearmJob, Reconcilable, ReconcileContributor } from '@hotline/core';
import { CallsTimers, type TimerJob } from './calls-timers';
import { OperatorStatesRepository } from './repositories/operator-states.repository';

/** Re-arms the wrap-up and presence timers from `operator_states` (a Redis wipe or a lost enqueue heals). */
@Injectable()
@ReconcileContributor()
export class OperatorTimersReconciler implements Reconcilable {
  constructor(
    private readonly states: OperatorStatesRepository,
    private readonly jobs: JobQueue,
    private readonly timers: CallsTimers,
  ) {}

  async reconcile(): Promise<number> {
    const due: TimerJob[] = [];
    for (const s of await this.states.withTimers()) {
      if (s.status === 'wrap_up') due.push(this.timers.wrapUpEndOf(s.userId, s.version, s.since));
      if (s.disconnectedAt && s.status !== 'offline') due.push(this.timers.presenceOffline(s.userId, s.disconnectedAt));
    }
    for (const job of due) await rearmJob(this.jobs.queue(this.jobs.queueOf(job.name)), job);
    return due.length;
  }
}
