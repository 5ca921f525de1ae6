import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { APP_CONFIG, AppConfig, Clock, JobQueue } from '@hotline/core';
import type { SlaTimerJob } from '../feedback.jobs';
import type { TicketClocks } from '../entities/ticket.entity';
import { TicketsRepository } from '../repositories/tickets.repository';
import { FireSlaTimer, type FireOutcome } from '../use-cases/fire-sla-timer.use-case';
import { timerJobs } from '../use-cases/ticket-effects';

/**
 * Tickets per reconcile step, and jobs per addBulk. Small steps keep the event loop free for the timers firing meanwhile and keep
 * little in flight: whatever is alive while Redis answers survives the young-generation GCs and is promoted, and promoted garbage
 * is what made the old heap (and RSS) balloon while 200,000 timers were armed.
 */
const RECONCILE_BATCH = 250;
const ADD_CHUNK = 100;
/** Scheduled passes cover the timers due within this horizon (at least 3 reconcile periods)... */
const RECONCILE_HORIZON_MS = 15 * 60_000;
/** ...and one pass an hour is full anyway. */
const FULL_PASS_EVERY_MS = 3_600_000;

/**
 * SLA timers: one BullMQ delayed job per pending warning/breach of each target. Job ids carry the ticket's sla_version, so when due
 * instants move the new timers get new ids and the old ones find a newer version in MySQL and do nothing (they are also removed
 * from Redis, best effort). MySQL is the truth: `reconcile()` re-arms every pending timer from `next_timer_at`.
 */
@Injectable()
export class SlaTimersService {
  private readonly logger = new Logger(SlaTimersService.name);
  private lastFullPassAt = 0;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tickets: TicketsRepository,
    private readonly queue: JobQueue,
    private readonly clock: Clock,
    private readonly firing: FireSlaTimer,
  ) {}

  /** The jobs of a page of tickets; the delay counts from one pinned `timestamp`, so a slow addBulk does not make timers late. */
  private jobsOf(rows: Array<{ id: string; slaClocks: TicketClocks; slaVersion: number }>) {
    const now = this.clock.nowMs();
    const timestamp = Date.now();
    return rows.flatMap((r) =>
      timerJobs(r).map((j) => ({
        name: 'sla-timer',
        data: j.data,
        opts: { jobId: j.jobId, delay: Math.max(0, j.runAt.getTime() - now), timestamp },
      })),
    );
  }

  /**
   * Re-arms every pending timer from MySQL (after a Redis loss or a lost enqueue). Timers already due are enqueued without delay:
   * this is also the startup sweep that emits what was missed while no worker ran. Streamed in pages, soonest timer first (after a
   * Redis loss the nearest deadlines are back first), along the `next_timer_at` index (no sort, no scan of the whole table per
   * page). Per page one ZMSCORE asks the delayed set which timers it holds, a pipeline of EXISTS checks the few it does not (a
   * job key exists while BullMQ keeps the job, the same test BullMQ's own add makes), and only the missing ones are added: a
   * healthy pass over 100,000 tickets sends no job, ~400 Redis commands, and holds at most one page in memory. Scheduled passes
   * stop at the horizon (see below). Returns how many timers were (re-)armed.
   */
  async reconcile(trigger: 'schedule' | 'startup' | 'manual' = 'manual'): Promise<number> {
    const until = this.horizon(trigger);
    const q = this.queue.queue('sla');
    let armed = 0;
    let cursor: { at: Date; id: string } | null = null;
    for (;;) {
      const rows = await this.tickets.timerPage(cursor, until, RECONCILE_BATCH);
      if (!rows.length) break;
      const last = rows[rows.length - 1];
      cursor = { at: last.nextTimerAt, id: last.id };
      const jobs = this.jobsOf(rows);
      if (jobs.length) {
        const missing = await this.missing(q, jobs);
        for (let i = 0; i < missing.length; i += ADD_CHUNK) await q.addBulk(missing.slice(i, i + ADD_CHUNK));
        armed += missing.length;
      }
      if (rows.length < RECONCILE_BATCH) break;
      await new Promise((r) => setImmediate(r)); // let the timers that fire meanwhile run
    }
    return armed;
  }

  /**
   * Scheduled passes (every RECONCILE_EVERY_SECONDS) only cover the timers due within the horizon, plus a full pass hourly: a
   * timer lost from Redis is back ≥ horizon − period before it is due, and the worker is not re-reading 100,000 tickets a
   * minute. Startup and manual passes are full (the startup one is the sweep after a Redis loss or a down time): null.
   */
  private horizon(trigger: 'schedule' | 'startup' | 'manual'): Date | null {
    const nowMs = this.clock.nowMs();
    const full = trigger !== 'schedule' || nowMs - this.lastFullPassAt >= FULL_PASS_EVERY_MS;
    if (full) {
      this.lastFullPassAt = nowMs;
      return null;
    }
    return new Date(nowMs + Math.max(RECONCILE_HORIZON_MS, 3 * this.config.queues.reconcileEverySeconds * 1000));
  }

  /**
   * The jobs of a page Redis does not hold. One ZMSCORE against the delayed set (where a healthy timer waits); only the few
   * not found there (due, running, done) are checked one by one: ~400 commands for 100,000 tickets instead of 200,000.
   */
  private async missing<J extends { opts: { jobId: string } }>(q: Queue, jobs: J[]): Promise<J[]> {
    // The queue's own ioredis connection (BullMQ's interface type hides the plain commands).
    const redis = (await q.getBackend().client) as unknown as Redis;
    const scores = await redis.zmscore(q.toKey('delayed'), ...jobs.map((j) => j.opts.jobId));
    const unsure = jobs.filter((_, i) => scores[i] === null);
    if (!unsure.length) return [];
    // Per unsure job: does BullMQ still keep it, and is it one it gave up on (failed set)? A failed timer of the version
    // MySQL still says is pending would block its id forever (an add with a kept id is a no-op): it counts as missing,
    // is removed and armed again with the same id.
    const pipe = redis.pipeline();
    for (const j of unsure) pipe.exists(q.toKey(j.opts.jobId)).zscore(q.toKey('failed'), j.opts.jobId);
    const res = (await pipe.exec()) ?? [];
    const kept = (i: number) => !res[2 * i]?.[0] && res[2 * i]?.[1] === 1;
    const failed = (i: number) => !res[2 * i + 1]?.[0] && res[2 * i + 1]?.[1] !== null;
    for (const j of unsure.filter((_, i) => kept(i) && failed(i))) await this.removeFailed(q, j.opts.jobId);
    return unsure.filter((_, i) => !kept(i) || failed(i));
  }

  /** Removes a timer job BullMQ gave up on (its failed reason is logged: what made the handler throw is worth knowing). */
  private async removeFailed(q: Queue, id: string): Promise<void> {
    try {
      const job = await q.getJob(id);
      if (!job) return;
      this.logger.warn(
        `SLA timer ${id} had failed after ${job.attemptsMade} attempt(s) (${job.failedReason}); armed again from MySQL`,
      );
      await job.remove();
    } catch (err) {
      // The add below is then a no-op for this id; the next pass tries again.
      this.logger.warn(`SLA timer ${id}: could not remove the failed job: ${(err as Error).message}`);
    }
  }

  /** A timer fired (the worker's `sla-timer` job): the FireSlaTimer use case, through the one ticket change path. */
  fire(job: SlaTimerJob): Promise<FireOutcome> {
    return this.firing.execute(job);
  }
}
