import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { SlaAlertEvent } from '@hotline/contracts';
import { CitizensService } from '@hotline/calls';
import { Clock, JobQueue, RealtimeEmitter, jobId, writeAudit } from '@hotline/core';
import { SlaCalendarService, fireTimer } from '@hotline/sla';
import type { SlaTimerJob } from '../feedback.jobs';
import { Ticket, TicketClocks } from '../entities/ticket.entity';
import { allTimers, clockColumns } from '../ticket-sla';
import { raisePriority } from '../ticket-transitions';
import { toTicketView } from './ticket-view';

/** Tickets per reconcile step; small steps keep the worker's event loop free for the timers firing meanwhile. */
const RECONCILE_BATCH = 500;
const ID_SLICE = 5000;

export const timerJobId = (ticketId: string, target: string, kind: string, version: number) => jobId('sla', ticketId, target, kind, `v${version}`);

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

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly queue: JobQueue,
    private readonly clock: Clock,
    private readonly realtime: RealtimeEmitter,
    private readonly calendars: SlaCalendarService,
    private readonly citizens: CitizensService,
  ) {}

  /** Call after the commit. Arms the ticket's pending timers and removes those of the previous version (if the version moved). */
  async arm(ticket: Pick<Ticket, 'id' | 'slaClocks' | 'slaVersion'>, previous?: { version: number; clocks: TicketClocks }): Promise<number> {
    if (previous && previous.version !== ticket.slaVersion) {
      await Promise.all(
        allTimers(previous.clocks).map((t) =>
          this.queue.cancel('sla-timer', timerJobId(ticket.id, t.target, t.kind, previous.version)).catch((err) => this.logger.warn(`cancel: ${err.message}`)),
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
      const data: SlaTimerJob = { ticketId: ticket.id, target: t.target, kind: t.kind, version: ticket.slaVersion, at: t.at };
      return { name: 'sla-timer', data, opts: { jobId: timerJobId(ticket.id, t.target, t.kind, ticket.slaVersion), delay: Math.max(0, Date.parse(t.at) - now), timestamp } };
    });
  }

  /**
   * Re-arms every pending timer from MySQL (after a Redis loss or a lost enqueue). Timers already due are enqueued without delay:
   * this is also the startup sweep that emits what was missed while no worker ran. Only the timers Redis does not hold are added
   * (their ids are read from the queue's sets first), so a healthy pass over 100,000 tickets adds nothing and leaves the timers
   * that are firing meanwhile undisturbed. Returns how many timers were (re-)armed.
   */
  async reconcile(): Promise<number> {
    const present = await this.pendingJobIds();
    let armed = 0;
    let after = '';
    for (;;) {
      // Raw rows (no entity hydration): this pass reads every open ticket while timers keep firing in the same process.
      const raw: Array<{ id: string; sla_version: number; sla_clocks: string | TicketClocks }> = await this.db.query(
        'SELECT id, sla_version, sla_clocks FROM tickets WHERE next_timer_at IS NOT NULL AND id > ? ORDER BY id LIMIT ?',
        [after, RECONCILE_BATCH],
      );
      const rows = raw.map((r) => ({ id: r.id, slaVersion: Number(r.sla_version), slaClocks: typeof r.sla_clocks === 'string' ? (JSON.parse(r.sla_clocks) as TicketClocks) : r.sla_clocks }));
      if (!rows.length) break;
      const jobs = rows.flatMap((r) => this.jobsOf(r)).filter((j) => !present.has(j.opts.jobId));
      if (jobs.length) await this.queue.queue('sla').addBulk(jobs);
      armed += jobs.length;
      after = rows[rows.length - 1].id;
      if (rows.length < RECONCILE_BATCH) break;
      await new Promise((r) => setImmediate(r)); // let the timers that fire meanwhile run
    }
    return armed;
  }

  /**
   * Ids of the sla queue's jobs that are still to run (delayed, waiting, prioritized, active). The delayed set (every armed timer)
   * is read in slices so that no single huge reply stalls the timers firing meanwhile; an id missed because the set moved between
   * slices is merely added again, which BullMQ ignores (same job id).
   */
  private async pendingJobIds(): Promise<Set<string>> {
    const q = this.queue.queue('sla');
    const ids = new Set(await q.getRanges(['wait', 'prioritized', 'active'], 0, -1));
    for (let start = 0; ; start += ID_SLICE) {
      const slice = await q.getRanges(['delayed'], start, start + ID_SLICE - 1);
      for (const id of slice) ids.add(id);
      if (slice.length < ID_SLICE) break;
      await new Promise((r) => setImmediate(r));
    }
    return ids;
  }

  /** A timer fired: re-check MySQL (version, clock) and act once — mark the state, escalate a breach, write history, notify. */
  async fire(job: SlaTimerJob): Promise<'stale' | 'noop' | 'acted'> {
    const now = this.clock.now();
    let alert: SlaAlertEvent | null = null;
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
        if (clock.runningSince && !clock.metAt && due && Date.parse(due) > now.getTime() && !(job.kind === 'warning' ? clock.warned : clock.breached)) {
          throw new TimerNotDueError(`timer ${job.target}/${job.kind} of ${t.code} fired before ${due}`);
        }
        return;
      }
      t.slaClocks = { ...t.slaClocks, [job.target]: next };
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
      await m.update(Ticket, { id }, { slaClocks, priority, queue, assigneeId, updatedAt, version, ...clockColumns(slaClocks) });
      await writeAudit(m, {
        actorId: null,
        entityType: 'ticket',
        entityId: t.id,
        action: job.kind === 'warning' ? 'sla_warning' : 'sla_breached',
        reason: `${job.target} ${job.kind}`,
        data: { target: job.target, dueAt: clock.dueAt, warnAt: clock.warnAt, firedAt: now.toISOString(), lateMs: now.getTime() - Date.parse(job.at) },
        at: now,
      });
      if (escalated !== 'none') {
        await writeAudit(m, { actorId: null, entityType: 'ticket', entityId: t.id, action: 'escalated', to: escalated === 'raise_priority' ? t.priority : 'supervisors', reason: `${job.target} breached`, at: now });
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
    if (!alert || !changed) return (await this.db.getRepository(Ticket).exist({ where: { id: job.ticketId, slaVersion: job.version } })) ? 'noop' : 'stale';
    const a = alert as SlaAlertEvent;
    const rooms = new Set<`role:supervisor` | `user:${string}`>(['role:supervisor']);
    if (previousAssignee) rooms.add(`user:${previousAssignee}`);
    this.realtime.to([...rooms], 'ticket:sla', a);
    const [citizen] = await this.citizens.getMany([(changed as Ticket).citizenId]);
    this.realtime.to(['role:operator', 'role:supervisor'], 'ticket:changed', { ticket: toTicketView(changed, null, citizen ?? null), action: a.kind === 'warning' ? 'sla_warning' : 'sla_breached' });
    return 'acted';
  }
}
