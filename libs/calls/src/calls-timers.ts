import { Inject, Injectable } from '@nestjs/common';
import type { JobsOptions } from 'bullmq';
import { Clock, jobId, type JobMap, type Tx } from '@hotline/core';
import { CALLS_CONFIG, type CallsConfig } from './calls.config';

type TimerName = 'calls-wrap-up-end' | 'calls-presence-offline';

/** A timer as BullMQ takes it (for rearmJob) — deterministic id, absolute time turned into a delay. */
export interface TimerJob<N extends TimerName = TimerName> {
  name: N;
  data: JobMap[N];
  opts: JobsOptions & { jobId: string };
}

/**
 * The operator-status timers, in one place: the end of the wrap-up (id = user + status version) and the offline after the
 * presence grace period (id = user + the instant the last socket went away). Armed on the unit of work (after the commit)
 * or re-armed by the reconciler; a stale timer finds the version or the instant changed and does nothing.
 */
@Injectable()
export class CallsTimers {
  constructor(
    @Inject(CALLS_CONFIG) private readonly config: CallsConfig,
    private readonly clock: Clock,
  ) {}

  /** After a hangup: wrap-up for the configured time (or straight back to available). */
  hangupStatus(): 'wrap_up' | 'available' {
    return this.config.wrapUpSeconds > 0 ? 'wrap_up' : 'available';
  }

  armWrapUpEnd(tx: Tx, userId: string, version: number): void {
    const job = this.wrapUpEnd(userId, version, new Date(this.clock.nowMs() + this.config.wrapUpSeconds * 1000));
    tx.enqueue(job.name, job.data, { jobId: job.opts.jobId, delay: job.opts.delay });
  }

  /** The last socket went away now: returns that instant (the timer's identity), the offline timer is armed. */
  armPresenceOffline(tx: Tx, userId: string): Date {
    const lostAt = new Date(Math.floor(this.clock.nowMs()));
    const job = this.presenceOffline(userId, lostAt);
    tx.enqueue(job.name, job.data, { jobId: job.opts.jobId, delay: this.config.presenceGraceSeconds * 1000 });
    return lostAt;
  }

  /** The wrap-up timer of a status that started at `since`. */
  wrapUpEndOf(userId: string, version: number, since: Date): TimerJob<'calls-wrap-up-end'> {
    return this.wrapUpEnd(userId, version, new Date(since.getTime() + this.config.wrapUpSeconds * 1000));
  }

  presenceOffline(userId: string, lostAt: Date): TimerJob<'calls-presence-offline'> {
    const runAt = lostAt.getTime() + this.config.presenceGraceSeconds * 1000;
    return {
      name: 'calls-presence-offline',
      data: { userId, lostAtMs: lostAt.getTime() },
      opts: { jobId: jobId('calls-presence-offline', userId, lostAt.getTime()), delay: this.delayUntil(runAt) },
    };
  }

  private wrapUpEnd(userId: string, version: number, runAt: Date): TimerJob<'calls-wrap-up-end'> {
    return {
      name: 'calls-wrap-up-end',
      data: { userId, version },
      opts: { jobId: jobId('calls-wrap-up-end', userId, version), delay: this.delayUntil(runAt.getTime()) },
    };
  }

  private delayUntil(ms: number): number {
    return Math.max(0, ms - this.clock.nowMs());
  }
}
