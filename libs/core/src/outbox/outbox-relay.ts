import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { JobsOptions } from 'bullmq';
import { type DataSource, type EntityManager, In } from 'typeorm';
import { InvalidationBus } from '../cache/invalidation-bus';
import { Clock } from '../clock/clock';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { JobQueue } from '../queues/job-queue.service';
import { deferWrite } from '../database/deferred-writes';
import { RealtimeEmitter } from '../realtime/realtime-emitter';
import { uuidv7 } from '../util/uuid';
import type { Effect, JobEffect } from './effects';
import { OutboxRecord } from './outbox-record.entity';

/** A relay that cannot reach Redis in this time gives up: the row stays and the poller carries it out later. */
const PUBLISH_TIMEOUT_MS = 3000;
const POLL_BATCH = 100;
const DELETE_BATCH = 500;
/**
 * Delivered rows are deleted together, at most this long after delivery (one DELETE for a busy second instead of one per
 * unit of work) and always well before the poller would take them (OUTBOX_GRACE_MS): a row still there is re-delivered.
 */
const DELETE_DELAY_MS = 1000;

/**
 * Carries out what units of work recorded in the outbox: jobs (one round trip per queue — a plain add for one job, addBulk
 * for several — with deterministic ids, so a second delivery is a no-op), job cancellations, socket events and
 * disconnections. The fast path runs right after the commit; the poller (every OUTBOX_POLL_MS, in the api and the worker,
 * rows locked with SKIP LOCKED so several processes share the work) takes rows the fast path could not deliver — a crash
 * after the commit, Redis down — with backoff.
 * Delivered rows are deleted in batches, about once a second, off the request path. Delivery is at least once.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(OutboxRelay.name);
  private pollTimer: NodeJS.Timeout | null = null;
  private polling: Promise<number> | null = null;
  private done: string[] = [];
  private deleteTimer: NodeJS.Timeout | null = null;
  private deleting: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly jobs: JobQueue,
    private readonly emitter: RealtimeEmitter,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly bus: InvalidationBus,
  ) {}

  /** Writes the unit of work's effects in its transaction. */
  async record(manager: EntityManager, effects: Effect[]): Promise<OutboxRecord> {
    const now = this.clock.now();
    const row: OutboxRecord = {
      id: uuidv7(),
      effects,
      createdAt: now,
      availableAt: new Date(now.getTime() + this.config.outbox.graceMs),
      attempts: 0,
      lastError: null,
    };
    // A plain statement (every unit of work with effects writes one), sent with the COMMIT (deferWrite).
    await deferWrite(
      manager,
      'INSERT INTO outbox (id, effects, created_at, available_at, attempts, last_error) VALUES (?, ?, ?, ?, ?, ?)',
      [row.id, JSON.stringify(row.effects), row.createdAt, row.availableAt, row.attempts, row.lastError],
    );
    return row;
  }

  /** The fast path, after the commit. Never throws: what it cannot deliver stays for the poller. */
  async deliver(record: Pick<OutboxRecord, 'id' | 'effects'>): Promise<boolean> {
    try {
      await withTimeout(this.publish(record.effects), PUBLISH_TIMEOUT_MS);
      this.markDone(record.id);
      return true;
    } catch (err) {
      this.logger.warn(`Outbox ${record.id}: not delivered yet (the poller retries): ${(err as Error).message}`);
      return false;
    }
  }

  /** Socket events of a notification that changed no row (`UnitOfWork.notify`): sent now, never kept. Never throws. */
  async announce(effects: readonly Effect[]): Promise<void> {
    try {
      await withTimeout(this.publish(effects), PUBLISH_TIMEOUT_MS);
    } catch (err) {
      this.logger.warn(`Notice not sent: ${(err as Error).message}`);
    }
  }

  /**
   * Carries out effects in their order; consecutive jobs go in one round trip per queue. Cache invalidations are applied
   * to this process first, synchronously, whatever happens to the rest (a revoked session is refused here even if Redis
   * is down); their broadcast to the other processes takes its turn in the order.
   */
  async publish(effects: readonly Effect[]): Promise<void> {
    for (const effect of effects) if (effect.kind === 'invalidate') this.bus.invalidateLocal(effect.topic, effect.keys);
    let jobs: JobEffect[] = [];
    for (const effect of effects) {
      if (effect.kind === 'job') {
        jobs.push(effect);
        continue;
      }
      await this.addJobs(jobs);
      jobs = [];
      if (effect.kind === 'cancel-job') await this.jobs.cancel(effect.name, effect.jobId);
      else if (effect.kind === 'disconnect') this.emitter.disconnectUser(effect.userId, effect.reason);
      else if (effect.kind === 'invalidate') await this.bus.broadcast(effect.topic, effect.keys);
      else if (effect.rooms === 'all') this.emitter.toAll(effect.event, effect.payload as never);
      else this.emitter.to(effect.rooms, effect.event, effect.payload as never);
    }
    await this.addJobs(jobs);
  }

  private async addJobs(effects: JobEffect[]): Promise<void> {
    if (!effects.length) return;
    const byQueue = new Map<string, Array<{ name: string; data: unknown; opts: JobsOptions }>>();
    const now = this.clock.nowMs();
    for (const e of effects) {
      const queue = this.jobs.queueOf(e.name);
      const opts: JobsOptions = {
        jobId: e.jobId,
        ...(e.runAt !== undefined ? { delay: Math.max(0, e.runAt - now) } : {}),
        ...(e.priority !== undefined ? { priority: e.priority } : {}),
      };
      byQueue.set(queue, [...(byQueue.get(queue) ?? []), { name: e.name, data: e.data, opts }]);
    }
    // One job (the usual unit of work): a plain add, one Redis script; addBulk wraps even one job in a MULTI pipeline.
    await Promise.all(
      [...byQueue].map(([queue, bulk]) =>
        bulk.length === 1
          ? this.jobs.queue(queue).add(bulk[0].name, bulk[0].data, bulk[0].opts)
          : this.jobs.queue(queue).addBulk(bulk),
      ),
    );
  }

  /** One pass of the poller: rows whose time has come, oldest first. Returns how many were delivered. */
  async poll(): Promise<number> {
    if (this.polling) return this.polling;
    this.polling = this.pollOnce().finally(() => (this.polling = null));
    return this.polling;
  }

  private async pollOnce(): Promise<number> {
    return this.ds.transaction(async (m) => {
      const rows: Array<{ id: string; effects: string | Effect[]; attempts: number }> = await m.query(
        `SELECT id, effects, attempts FROM outbox WHERE available_at <= ? ORDER BY available_at, id LIMIT ${POLL_BATCH} FOR UPDATE SKIP LOCKED`,
        [this.clock.now()],
      );
      const delivered: string[] = [];
      for (const row of rows) {
        const effects = typeof row.effects === 'string' ? (JSON.parse(row.effects) as Effect[]) : row.effects;
        try {
          await withTimeout(this.publish(effects), PUBLISH_TIMEOUT_MS);
          delivered.push(row.id);
        } catch (err) {
          const wait = Math.min(300_000, 1000 * 2 ** Math.min(row.attempts, 8));
          const message = (err as Error).message.slice(0, 500);
          await m.query('UPDATE outbox SET attempts = attempts + 1, available_at = ?, last_error = ? WHERE id = ?', [
            new Date(this.clock.nowMs() + wait),
            message,
            row.id,
          ]);
        }
      }
      if (delivered.length) await m.delete(OutboxRecord, { id: In(delivered) });
      if (rows.length) this.logger.log(`Outbox poller: ${delivered.length} of ${rows.length} delivered`);
      return delivered.length;
    });
  }

  private markDone(id: string): void {
    this.done.push(id);
    if (this.done.length >= DELETE_BATCH) void this.flushDeletes();
    else this.deleteTimer ??= setTimeout(() => void this.flushDeletes(), this.deleteDelayMs());
  }

  private deleteDelayMs(): number {
    return Math.min(DELETE_DELAY_MS, Math.floor(this.config.outbox.graceMs / 2));
  }

  /** Deletes delivered rows in one statement; a failure only means the poller delivers them again (idempotent). */
  private flushDeletes(): Promise<void> {
    if (this.deleteTimer) clearTimeout(this.deleteTimer);
    this.deleteTimer = null;
    const ids = this.done.splice(0);
    if (!ids.length) return this.deleting;
    this.deleting = this.deleting
      .then(() => this.ds.query('DELETE FROM outbox WHERE id IN (?)', [ids]))
      .then(
        () => undefined,
        (err: Error) => this.logger.warn(`Outbox: ${ids.length} delivered row(s) not deleted yet: ${err.message}`),
      );
    return this.deleting;
  }

  onApplicationBootstrap(): void {
    const every = this.config.outbox.pollMs;
    if (every <= 0) return;
    this.pollTimer = setInterval(() => {
      if (this.stopped) return;
      this.poll().catch((err: Error) => this.logger.warn(`Outbox poller: ${err.message}`));
    }, every);
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    if (this.pollTimer) clearInterval(this.pollTimer);
    await this.polling?.catch(() => undefined);
    await this.flushDeletes();
  }
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer from Redis within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
