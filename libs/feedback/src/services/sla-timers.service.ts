import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import type { SlaAlertEvent } from '@hotline/contracts';
import { CitizensService } from '@hotline/calls';
import { APP_CONFIG, AppConfig, Clock, dbManager, jobId, JobQueue, RealtimeEmitter, writeAudit } from '@hotline/core';
import { SlaCalendarService, fireTimer } from '@hotline/sla';
import type { SlaTimerJob } from '../feedback.jobs';
import { OverdueDossier } from '../entities/overdue-dossier.entity';
import { Ticket, TicketClocks } from '../entities/ticket.entity';
import { allTimers, clockColumns } from '../ticket-sla';
import { raisePriority } from '../ticket-transitions';
import { toTicketView } from './ticket-view';

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

export const timerJobId = (ticketId: string, target: string, kind: string, version: number) =>
  jobId('sla', ticketId, target, kind, `v${version}`);

/** A fired timer that reached the worker before its instant (clock skew, a deadline that moved later): BullMQ retries it. */
export class TimerNotDueError extends Error {}

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
    @InjectDataSource() private readonly db: DataSource,
    private readonly queue: JobQueue,
    private readonly clock: Clock,
    private readonly realtime: RealtimeEmitter,
    private readonly calendars: SlaCalendarService,
    private readonly citizens: CitizensService,
  ) {}

  /** Call after the commit. Arms the ticket's pending timers and removes those of the previous version (if the version moved). */
  async arm(
    ticket: Pick<Ticket, 'id' | 'slaClocks' | 'slaVersion'>,
    previous?: { version: number; clocks: TicketClocks },
  ): Promise<number> {
    if (previous && previous.version !== ticket.slaVersion) {
      await Promise.all(
        allTimers(previous.clocks).map((t) =>
          this.queue
            .cancel('sla-timer', timerJobId(ticket.id, t.target, t.kind, previous.version))
            .catch((err) => this.logger.warn(`cancel: ${err.message}`)),
        ),
      );
    }
    const jobs = this.jobsOf(ticket);
    if (!jobs.length) return 0;
    await this.queue.queue('sla').addBulk(jobs);
    return jobs.length;
  }

  private jobsOf(ticket: Pick<Ticket, 'id' | 'slaClocks' | 'slaVersion'>) {
    const now = this.clock.nowMs();
    // BullMQ counts the delay from `timestamp`: pin it to the same instant, so a slow addBulk does not make timers late.
    const timestamp = Date.now();
    return allTimers(ticket.slaClocks).map((t) => {
      // Ids and the version only: the instant is in MySQL (the handler re-reads the clock anyway).
      const data: SlaTimerJob = { ticketId: ticket.id, target: t.target, kind: t.kind, version: ticket.slaVersion };
      return {
        name: 'sla-timer',
        data,
        opts: {
          jobId: timerJobId(ticket.id, t.target, t.kind, ticket.slaVersion),
          delay: Math.max(0, Date.parse(t.at) - now),
          timestamp,
        },
      };
    });
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
    // Scheduled passes (every RECONCILE_EVERY_SECONDS) only cover the timers due within the horizon, plus a full pass hourly:
    // a timer lost from Redis is back ≥ horizon − period before it is due, and the worker is not re-reading 100,000 tickets a
    // minute. Startup and manual passes are full (the startup one is the sweep after a Redis loss or a down time).
    const nowMs = this.clock.nowMs();
    const full = trigger !== 'schedule' || nowMs - this.lastFullPassAt >= FULL_PASS_EVERY_MS;
    const until = full
      ? null
      : new Date(nowMs + Math.max(RECONCILE_HORIZON_MS, 3 * this.config.queues.reconcileEverySeconds * 1000));
    if (full) this.lastFullPassAt = nowMs;
    const q = this.queue.queue('sla');
    // The queue's own ioredis connection (BullMQ's interface type hides the plain commands).
    const redis = (await q.getBackend().client) as unknown as Redis;
    const delayedKey = q.toKey('delayed');
    const failedKey = q.toKey('failed');
    let armed = 0;
    let cursor: { at: Date; id: string } | null = null;
    for (;;) {
      // Raw rows (no entity hydration): this pass reads every open ticket while timers keep firing in the same process.
      const window = until ? ' AND next_timer_at <= ?' : '';
      const raw: Array<{ id: string; sla_version: number; sla_clocks: string | TicketClocks; next_timer_at: Date }> =
        await dbManager(this.db).query(
          cursor
            ? `SELECT id, sla_version, sla_clocks, next_timer_at FROM tickets WHERE (next_timer_at > ? OR (next_timer_at = ? AND id > ?))${window} ORDER BY next_timer_at, id LIMIT ?`
            : `SELECT id, sla_version, sla_clocks, next_timer_at FROM tickets WHERE next_timer_at IS NOT NULL${window} ORDER BY next_timer_at, id LIMIT ?`,
          [...(cursor ? [cursor.at, cursor.at, cursor.id] : []), ...(until ? [until] : []), RECONCILE_BATCH],
        );
      if (!raw.length) break;
      const jobs = raw.flatMap((r) =>
        this.jobsOf({
          id: r.id,
          slaVersion: Number(r.sla_version),
          slaClocks: typeof r.sla_clocks === 'string' ? (JSON.parse(r.sla_clocks) as TicketClocks) : r.sla_clocks,
        }),
      );
      const last = raw[raw.length - 1];
      cursor = { at: new Date(last.next_timer_at), id: last.id };
      if (jobs.length) {
        // One ZMSCORE per page against the delayed set (where a healthy timer waits); only the few not found there (due,
        // running, done) are checked one by one: ~400 commands for 100,000 tickets instead of 200,000.
        const scores = await redis.zmscore(delayedKey, ...jobs.map((j) => j.opts.jobId));
        const unsure = jobs.filter((_, i) => scores[i] === null);
        let missing = unsure;
        if (unsure.length) {
          // Per unsure job: does BullMQ still keep it, and is it one it gave up on (failed set)? A failed timer of the version
          // MySQL still says is pending would block its id forever (an add with a kept id is a no-op): it counts as missing,
          // is removed and armed again with the same id.
          const pipe = redis.pipeline();
          for (const j of unsure) pipe.exists(q.toKey(j.opts.jobId)).zscore(failedKey, j.opts.jobId);
          const res = (await pipe.exec()) ?? [];
          const kept = (i: number) => !res[2 * i]?.[0] && res[2 * i]?.[1] === 1;
          const failed = (i: number) => !res[2 * i + 1]?.[0] && res[2 * i + 1]?.[1] !== null;
          missing = unsure.filter((_, i) => !kept(i) || failed(i));
          const gaveUp = unsure.filter((_, i) => kept(i) && failed(i));
          for (const j of gaveUp) await this.removeFailed(q, j.opts.jobId);
        }
        for (let i = 0; i < missing.length; i += ADD_CHUNK) await q.addBulk(missing.slice(i, i + ADD_CHUNK));
        armed += missing.length;
      }
      if (raw.length < RECONCILE_BATCH) break;
      await new Promise((r) => setImmediate(r)); // let the timers that fire meanwhile run
    }
    return armed;
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

  /** A timer fired: re-check MySQL (version, clock) and act once — mark the state, escalate a breach, write history, notify. */
  async fire(job: SlaTimerJob): Promise<'stale' | 'noop' | 'acted'> {
    const now = this.clock.now();
    let alert: SlaAlertEvent | null = null;
    let missedWarning: SlaAlertEvent | null = null;
    let previousAssignee: string | null = null;
    let changed: Ticket | null = null;
    await this.db.transaction(async (m) => {
      const t = await m.findOne(Ticket, { where: { id: job.ticketId }, lock: { mode: 'pessimistic_write' } });
      if (!t || t.slaVersion !== job.version) return;
      const clock = t.slaClocks[job.target];
      if (!clock) return;
      const next = fireTimer(clock, job.kind, now);
      if (!next) {
        const due = job.kind === 'warning' ? clock.warnAt : clock.dueAt;
        if (
          clock.runningSince &&
          !clock.metAt &&
          due &&
          Date.parse(due) > now.getTime() &&
          !(job.kind === 'warning' ? clock.warned : clock.breached)
        ) {
          throw new TimerNotDueError(`timer ${job.target}/${job.kind} of ${t.code} fired before ${due}`);
        }
        return;
      }
      t.slaClocks = { ...t.slaClocks, [job.target]: next };
      // A breach acting before its warning was recorded (both missed while no worker ran, and the breach won the race for the
      // row): the warning is recorded and announced first, so each threshold is reported once whatever the order.
      if (job.kind === 'breach' && !clock.warned && clock.warnAt) {
        await writeAudit(m, {
          actorId: null,
          entityType: 'ticket',
          entityId: t.id,
          action: 'sla_warning',
          reason: `${job.target} warning`,
          data: {
            target: job.target,
            dueAt: clock.dueAt,
            warnAt: clock.warnAt,
            firedAt: now.toISOString(),
            lateMs: now.getTime() - Date.parse(clock.warnAt),
          },
          at: now,
        });
        missedWarning = {
          ticketId: t.id,
          code: t.code,
          target: job.target,
          kind: 'warning',
          dueAt: clock.warnAt,
          firedAt: now.toISOString(),
          assigneeId: t.assigneeId,
          priority: t.priority,
          queue: t.queue,
          escalated: 'none',
        };
      }
      const escalated = job.kind === 'breach' && job.target !== 'forward' ? t.escalation : 'none';
      previousAssignee = t.assigneeId;
      if (escalated === 'raise_priority') t.priority = raisePriority(t.priority);
      if (escalated === 'supervisor_queue') {
        t.queue = 'supervisors';
        t.assigneeId = null;
      }
      Object.assign(t, clockColumns(t.slaClocks));
      t.updatedAt = now;
      t.version += 1;
      // A plain UPDATE of what changed (the row is locked): no entity diffing on the hot path of a breach storm.
      const { id, slaClocks, priority, queue, assigneeId, updatedAt, version } = t;
      await m.update(
        Ticket,
        { id },
        { slaClocks, priority, queue, assigneeId, updatedAt, version, ...clockColumns(slaClocks) },
      );
      await writeAudit(m, {
        actorId: null,
        entityType: 'ticket',
        entityId: t.id,
        action: job.kind === 'warning' ? 'sla_warning' : 'sla_breached',
        reason: `${job.target} ${job.kind}`,
        data: {
          target: job.target,
          dueAt: clock.dueAt,
          warnAt: clock.warnAt,
          firedAt: now.toISOString(),
          lateMs:
            now.getTime() -
            Date.parse((job.kind === 'warning' ? clock.warnAt : clock.dueAt) ?? job.at ?? now.toISOString()),
        },
        at: now,
      });
      if (escalated !== 'none') {
        await writeAudit(m, {
          actorId: null,
          entityType: 'ticket',
          entityId: t.id,
          action: 'escalated',
          to: escalated === 'raise_priority' ? t.priority : 'supervisors',
          reason: `${job.target} breached`,
          at: now,
        });
      }
      alert = {
        ticketId: t.id,
        code: t.code,
        target: job.target,
        kind: job.kind,
        dueAt: (job.kind === 'warning' ? clock.warnAt : clock.dueAt)!,
        firedAt: now.toISOString(),
        assigneeId: t.assigneeId,
        priority: t.priority,
        queue: t.queue,
        escalated,
      };
      changed = t;
    });
    if (!alert || !changed)
      return (await dbManager(this.db)
        .getRepository(Ticket)
        .exist({ where: { id: job.ticketId, slaVersion: job.version } }))
        ? 'noop'
        : 'stale';
    const a = alert as SlaAlertEvent;
    const rooms = new Set<`role:supervisor` | `user:${string}`>(['role:supervisor']);
    if (previousAssignee) rooms.add(`user:${previousAssignee}`);
    if (missedWarning) this.realtime.to([...rooms], 'ticket:sla', missedWarning);
    this.realtime.to([...rooms], 'ticket:sla', a);
    const ticket = changed as Ticket;
    // The same view as the REST answer: the citizen, and the overdue-dossier block when the ticket has one.
    const [[citizen], overdue] = await Promise.all([
      this.citizens.getMany([ticket.citizenId]),
      ticket.kind === 'overdue_dossier'
        ? dbManager(this.db).getRepository(OverdueDossier).findOneBy({ ticketId: ticket.id })
        : Promise.resolve(null),
    ]);
    this.realtime.to(['role:operator', 'role:supervisor'], 'ticket:changed', {
      ticket: toTicketView(ticket, overdue, citizen ?? null),
      action: a.kind === 'warning' ? 'sla_warning' : 'sla_breached',
    });
    return 'acted';
  }
}
