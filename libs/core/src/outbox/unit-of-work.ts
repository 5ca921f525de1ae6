import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { RoomName, ServerEventName, ServerEventPayload } from '@hotline/contracts';
import { type AuditInput, writeAudit } from '../audit/audit';
import { Clock } from '../clock/clock';
import {
  activeTransaction,
  activeUnitOfWork,
  bindUnitOfWork,
  runInTransactionContext,
} from '../database/transaction-context';
import type { JobMap, JobName } from '../queues/queue-map';
import type { Effect } from './effects';
import { OutboxRecord } from './outbox-record.entity';
import { OutboxRelay } from './outbox-relay';

export interface TxJobOptions {
  /** Deterministic: the entity's stable id + attempt/version (re-enqueueing the same work is a no-op). */
  jobId: string;
  /** Run this long after now (the clock's now), or at `runAt`. */
  delay?: number;
  runAt?: Date;
  priority?: number;
}

/**
 * Socket events to send: what a live notification that changes no row (a screen-pop) records, and the base of `Tx`.
 */
export class Notices {
  readonly effects: Effect[] = [];

  emit<E extends ServerEventName>(rooms: RoomName | RoomName[], event: E, payload: ServerEventPayload<E>): void {
    this.effects.push({ kind: 'emit', rooms: Array.isArray(rooms) ? rooms : [rooms], event, payload } as Effect);
  }

  emitAll<E extends ServerEventName>(event: E, payload: ServerEventPayload<E>): void {
    this.effects.push({ kind: 'emit', rooms: 'all', event, payload } as Effect);
  }
}

/**
 * One use case's transaction: its manager (repositories find it on their own), and what it decided to do outside MySQL —
 * jobs, job cancellations, socket events, socket disconnections. Those are written to the outbox in the same transaction and
 * carried out by the relay after the commit, so a crash between the commit and Redis loses nothing.
 */
export class Tx extends Notices {
  constructor(
    readonly manager: EntityManager,
    private readonly clock: Clock,
  ) {
    super();
  }

  enqueue<N extends JobName>(name: N, data: JobMap[N], options: TxJobOptions): void {
    const runAt = options.runAt?.getTime() ?? (options.delay ? this.clock.nowMs() + options.delay : undefined);
    this.effects.push({
      kind: 'job',
      name,
      data,
      jobId: options.jobId,
      ...(runAt !== undefined ? { runAt } : {}),
      ...(options.priority !== undefined ? { priority: options.priority } : {}),
    });
  }

  cancelJob(name: JobName, jobId: string): void {
    this.effects.push({ kind: 'cancel-job', name, jobId });
  }

  disconnectUser(userId: string, reason: { code: string; message: string }): void {
    this.effects.push({ kind: 'disconnect', userId, reason });
  }

  /**
   * Every process drops its cached copies of these keys of the topic (all of it without keys) once this commits: this
   * process synchronously, the others through Redis, before `uow.run` returns; retried by the outbox poller if Redis did
   * not take it.
   */
  invalidate(topic: string, keys?: readonly string[]): void {
    this.effects.push({ kind: 'invalidate', topic, keys: keys ? [...new Set(keys)] : null });
  }

  /** The history row of a change (who, when, from, to, why), in this transaction; several rows in one INSERT. */
  history(input: AuditInput | readonly AuditInput[]): Promise<void> {
    const at = this.clock.now();
    const inputs: readonly AuditInput[] = Array.isArray(input) ? input : [input as AuditInput];
    return writeAudit(
      this.manager,
      inputs.map((i) => ({ at, ...i })),
    );
  }
}

/**
 * The one way a use case writes: `uow.run(tx => ...)` runs it in a transaction (every repository query joins it; the pool
 * guard refuses a second connection), records its effects in the outbox with its rows, and hands them to the relay once
 * committed. The api and the worker use the same use cases through it. A unit of work started inside another joins it.
 */
@Injectable()
export class UnitOfWork {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly relay: OutboxRelay,
  ) {}

  async run<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    const active = activeTransaction();
    if (active) {
      const outer = activeUnitOfWork<Tx>();
      if (outer && outer.manager === active) return work(outer);
      // Inside a plain transaction (not a unit of work's): join it too (a second connection would be refused); its
      // effects go to the outbox with its rows and the poller carries them out once it committed.
      return this.joinPlain(active, work);
    }
    let record: OutboxRecord | null = null;
    const result = await this.ds.transaction(async (manager) => {
      const tx = new Tx(manager, this.clock);
      // The transaction's context (opened by the pool guard) carries the unit too: a unit started inside joins it.
      // Without the guard (a bare DataSource) the unit opens that context itself.
      const value = bindUnitOfWork(tx) ? await work(tx) : await runInTransactionContext(manager, () => work(tx), tx);
      if (tx.effects.length) record = await this.relay.record(manager, tx.effects);
      return value;
    });
    if (record) await this.relay.deliver(record);
    return result;
  }

  /**
   * A live notification that changes no row (a screen-pop built from reads): there is nothing to commit and so nothing an
   * outbox row would make durable — the events go out at once, with no transaction. Never throws; a notice Redis could not
   * take is logged and dropped (what it showed is in the lists). Anything that writes goes through `run`.
   */
  async notify(build: (notices: Notices) => void): Promise<void> {
    const notices = new Notices();
    build(notices);
    if (notices.effects.length) await this.relay.announce(notices.effects);
  }

  private async joinPlain<T>(manager: EntityManager, work: (tx: Tx) => Promise<T>): Promise<T> {
    const tx = new Tx(manager, this.clock);
    const value = await runInTransactionContext(manager, () => work(tx), tx);
    if (tx.effects.length) await this.relay.record(manager, tx.effects);
    return value;
  }
}
