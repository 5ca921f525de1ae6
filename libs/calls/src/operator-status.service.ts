import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Between, DataSource, EntityManager } from 'typeorm';
import type { OperatorStatus, OperatorStatusRow, OperatorStatusView } from '@hotline/contracts';
import {
  Clock,
  ConflictError,
  dbManager,
  jobId,
  JobQueue,
  Reconcilable,
  ReconcileContributor,
  uuidv7,
  writeAudit,
} from '@hotline/core';
import { CALLS_CONFIG, CallsConfig } from './calls.config';
import { CallsRealtime } from './calls-realtime';
import { OperatorDirectory } from './operator-directory';
import { OperatorState } from './operator-state.entity';
import { OperatorStatusPeriod } from './operator-status-period.entity';

/** Who may move an operator from one status to another. Anything not listed is a 409. */
export type StatusCause =
  'operator' | 'cti:answer' | 'cti:hangup' | 'wrap_up_timer' | 'presence:online' | 'presence:offline';

const TRANSITIONS: Record<StatusCause, { from: OperatorStatus[] | '*'; to: OperatorStatus[] }> = {
  // Operators choose break/available; they cannot leave a call by clicking.
  operator: { from: ['available', 'wrap_up', 'break', 'offline'], to: ['available', 'break'] },
  'cti:answer': { from: '*', to: ['on_call'] },
  'cti:hangup': { from: ['on_call'], to: ['wrap_up', 'available'] },
  wrap_up_timer: { from: ['wrap_up'], to: ['available'] },
  'presence:online': { from: ['offline'], to: ['available'] },
  'presence:offline': { from: ['available', 'wrap_up', 'break'], to: ['offline'] },
};

/** Pure: is this change allowed? */
export function statusTransitionAllowed(from: OperatorStatus, to: OperatorStatus, cause: StatusCause): boolean {
  const rule = TRANSITIONS[cause];
  return (rule.from === '*' || rule.from.includes(from)) && rule.to.includes(to) && from !== to;
}

const toView = (s: OperatorState): OperatorStatusView => ({
  userId: s.userId,
  status: s.status,
  since: s.since.toISOString(),
  reason: s.reason,
  version: s.version,
});

export interface StatusChange {
  view: OperatorStatusView;
  /** Post-commit work: emit, arm timers. */
  after: () => Promise<void>;
}

/** Operator status with history periods (durations for reports); set by the operator, by CTI events and by presence. */
@Injectable()
@ReconcileContributor()
export class OperatorStatusService implements Reconcilable {
  private readonly logger = new Logger(OperatorStatusService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly realtime: CallsRealtime,
    private readonly queue: JobQueue,
    @Inject(CALLS_CONFIG) private readonly config: CallsConfig,
    private readonly directory: OperatorDirectory,
  ) {}

  async current(userId: string): Promise<OperatorStatusView> {
    const s = await dbManager(this.db).getRepository(OperatorState).findOneBy({ userId });
    return s ? toView(s) : { userId, status: 'offline', since: new Date(0).toISOString(), reason: null, version: 0 };
  }

  /** The supervisor's board: every operator with a known status, with their name and extension. */
  async all(): Promise<OperatorStatusRow[]> {
    const rows = (
      await dbManager(this.db)
        .getRepository(OperatorState)
        .find({ order: { since: 'ASC' } })
    ).map(toView);
    const names = await this.directory.names(rows.map((r) => r.userId));
    return rows.map((r) => ({
      ...r,
      fullName: names.get(r.userId)?.fullName ?? null,
      extension: names.get(r.userId)?.extension ?? null,
    }));
  }

  async periods(
    userId: string | undefined,
    from: Date,
    to: Date,
  ): Promise<{ periods: OperatorStatusPeriod[]; totals: Record<string, Record<string, number>> }> {
    const periods = await dbManager(this.db)
      .getRepository(OperatorStatusPeriod)
      .find({
        where: { ...(userId ? { userId } : {}), startedAt: Between(from, to) },
        order: { startedAt: 'ASC' },
        take: 5000,
      });
    const totals: Record<string, Record<string, number>> = {};
    for (const p of periods) {
      totals[p.userId] ??= {};
      totals[p.userId][p.status] = (totals[p.userId][p.status] ?? 0) + p.durationSeconds;
    }
    return { periods, totals };
  }

  /**
   * Changes the status inside the caller's transaction (or its own); returns null when the transition does not
   * apply (e.g. a hangup for an operator already on break) and `strict` is false. Call `after()` once committed.
   */
  async change(
    userId: string,
    to: OperatorStatus,
    cause: StatusCause,
    opts: { m?: EntityManager; reason?: string | null; strict?: boolean } = {},
  ): Promise<StatusChange | null> {
    const run = async (m: EntityManager): Promise<StatusChange | null> => {
      const now = this.clock.now();
      await m.query(
        'INSERT INTO `operator_states` (`user_id`, `status`, `since`, `reason`, `disconnected_at`, `version`) VALUES (?, ?, ?, NULL, NULL, 1) ON DUPLICATE KEY UPDATE `user_id` = `user_id`',
        [userId, 'offline', now],
      );
      const cur = await m.findOneOrFail(OperatorState, { where: { userId }, lock: { mode: 'pessimistic_write' } });
      if (!statusTransitionAllowed(cur.status, to, cause)) {
        if (opts.strict)
          throw new ConflictError(`cannot change status from ${cur.status} to ${to} (${cause})`, 'ILLEGAL_TRANSITION', {
            from: cur.status,
            to,
          });
        return null;
      }
      const since = now < cur.since ? cur.since : now;
      await m.insert(OperatorStatusPeriod, {
        id: uuidv7(),
        userId,
        status: cur.status,
        startedAt: cur.since,
        endedAt: since,
        durationSeconds: Math.max(0, Math.round((since.getTime() - cur.since.getTime()) / 1000)),
        endReason: cause,
      });
      const reason = opts.reason ?? (cause === 'operator' ? null : cause);
      await m.update(
        OperatorState,
        { userId, version: cur.version },
        {
          status: to,
          since,
          reason,
          version: cur.version + 1,
          ...(cause === 'presence:online' ? { disconnectedAt: null } : {}),
        },
      );
      await writeAudit(m, {
        actorId: cause === 'operator' ? userId : null,
        entityType: 'operator_status',
        entityId: userId,
        action: 'status_changed',
        from: cur.status,
        to,
        reason: cause,
        at: now,
      });
      const view: OperatorStatusView = {
        userId,
        status: to,
        since: since.toISOString(),
        reason,
        version: cur.version + 1,
      };
      return {
        view,
        after: async () => {
          this.realtime.status(view);
          if (to === 'wrap_up') await this.armWrapUp(userId, view.version, this.config.wrapUpSeconds * 1000);
        },
      };
    };
    return opts.m ? run(opts.m) : this.db.transaction(run);
  }

  /** The operator's own choice (break / available). */
  async set(userId: string, to: 'available' | 'break', reason: string | null): Promise<OperatorStatusView> {
    const change = await this.change(userId, to, 'operator', { reason, strict: true });
    await change!.after();
    return change!.view;
  }

  /** After a hangup: wrap-up for the configured time (or straight back to available). */
  hangupStatus(): OperatorStatus {
    return this.config.wrapUpSeconds > 0 ? 'wrap_up' : 'available';
  }

  private async armWrapUp(userId: string, version: number, delayMs: number): Promise<void> {
    try {
      await this.queue.enqueue(
        'calls-wrap-up-end',
        { userId, version },
        { jobId: jobId('calls-wrap-up-end', userId, version), delay: Math.max(0, delayMs) },
      );
    } catch (err) {
      // The reconciler re-arms it from operator_states.
      this.logger.warn({ err }, 'Could not arm the wrap-up timer');
    }
  }

  /** Job: the wrap-up time is over. A stale timer (status changed since) does nothing. */
  async endWrapUp(userId: string, version: number): Promise<boolean> {
    const state = await dbManager(this.db).getRepository(OperatorState).findOneBy({ userId });
    if (!state || state.status !== 'wrap_up' || state.version !== version) return false;
    const change = await this.change(userId, 'available', 'wrap_up_timer');
    await change?.after();
    return !!change;
  }

  // ---- socket presence (called by the api's gateway)

  /** A socket of this operator connected: cancel the offline timer; offline → available. */
  async presenceOnline(userId: string): Promise<void> {
    await dbManager(this.db).getRepository(OperatorState).update({ userId }, { disconnectedAt: null });
    const change = await this.change(userId, 'available', 'presence:online');
    await change?.after();
  }

  /** The operator's last socket went away: offline after the grace period unless they come back. */
  async presenceLost(userId: string): Promise<void> {
    const lostAt = new Date(Math.floor(this.clock.nowMs()));
    await dbManager(this.db).query(
      'INSERT INTO `operator_states` (`user_id`, `status`, `since`, `reason`, `disconnected_at`, `version`) VALUES (?, ?, ?, NULL, ?, 1) ON DUPLICATE KEY UPDATE `disconnected_at` = VALUES(`disconnected_at`)',
      [userId, 'offline', lostAt, lostAt],
    );
    await this.queue.enqueue(
      'calls-presence-offline',
      { userId, lostAtMs: lostAt.getTime() },
      {
        jobId: jobId('calls-presence-offline', userId, lostAt.getTime()),
        delay: this.config.presenceGraceSeconds * 1000,
      },
    );
  }

  /** Job: still gone since the same instant → offline. */
  async presenceExpired(userId: string, lostAtMs: number): Promise<boolean> {
    const state = await dbManager(this.db).getRepository(OperatorState).findOneBy({ userId });
    if (!state?.disconnectedAt || state.disconnectedAt.getTime() !== lostAtMs) return false;
    const change = await this.change(userId, 'offline', 'presence:offline');
    await change?.after();
    return !!change;
  }

  /** Re-arms wrap-up and presence timers from the table (a Redis wipe heals). */
  async reconcile(): Promise<number> {
    let n = 0;
    const states = await dbManager(this.db).getRepository(OperatorState).find();
    for (const s of states) {
      if (s.status === 'wrap_up') {
        await this.armWrapUp(
          s.userId,
          s.version,
          s.since.getTime() + this.config.wrapUpSeconds * 1000 - this.clock.nowMs(),
        );
        n++;
      }
      if (s.disconnectedAt && s.status !== 'offline') {
        const delay = s.disconnectedAt.getTime() + this.config.presenceGraceSeconds * 1000 - this.clock.nowMs();
        await this.queue.enqueue(
          'calls-presence-offline',
          { userId: s.userId, lostAtMs: s.disconnectedAt.getTime() },
          { jobId: jobId('calls-presence-offline', s.userId, s.disconnectedAt.getTime()), delay: Math.max(0, delay) },
        );
        n++;
      }
    }
    return n;
  }
}
