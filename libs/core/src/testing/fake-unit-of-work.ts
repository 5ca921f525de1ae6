import { AsyncLocalStorage } from 'node:async_hooks';
import type { RoomName, ServerEventName, ServerEventPayload } from '@hotline/contracts';
import type { AuditInput } from '../audit/audit';
import type { Effect } from '../outbox/effects';
import type { TxJobOptions, UnitOfWork } from '../outbox/unit-of-work';
import type { JobMap, JobName } from '../queues/queue-map';

/** What a fake transaction recorded: the outbox effects and the history rows, kept only if the work succeeded. */
export class FakeTx {
  readonly effects: Effect[] = [];
  readonly historyRows: AuditInput[] = [];

  constructor(private readonly now: () => number = Date.now) {}

  enqueue<N extends JobName>(name: N, data: JobMap[N], options: TxJobOptions): void {
    const runAt = options.runAt?.getTime() ?? (options.delay ? this.now() + options.delay : undefined);
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

  emit<E extends ServerEventName>(rooms: RoomName | RoomName[], event: E, payload: ServerEventPayload<E>): void {
    this.effects.push({ kind: 'emit', rooms: Array.isArray(rooms) ? rooms : [rooms], event, payload } as Effect);
  }

  emitAll<E extends ServerEventName>(event: E, payload: ServerEventPayload<E>): void {
    this.effects.push({ kind: 'emit', rooms: 'all', event, payload } as Effect);
  }

  disconnectUser(userId: string, reason: { code: string; message: string }): void {
    this.effects.push({ kind: 'disconnect', userId, reason });
  }

  async history(input: AuditInput): Promise<void> {
    this.historyRows.push({ at: new Date(this.now()), ...input });
  }
}

/**
 * The unit of work of unit tests: `run(work)` calls `work(tx)` with a FakeTx and, when the work succeeds, keeps what it
 * recorded (a failed run's effects and history are discarded, as a rollback would). A run inside another joins it. It does
 * not roll back in-memory repositories: a test of a refusal asserts on the answer and the effects, not on repository state.
 */
export class FakeUnitOfWork {
  /** Effects of the committed runs, in order. */
  readonly effects: Effect[] = [];
  readonly history: AuditInput[] = [];
  commits = 0;
  rollbacks = 0;
  private readonly current = new AsyncLocalStorage<FakeTx>();

  constructor(private readonly now: () => number = Date.now) {}

  async run<T>(work: (tx: FakeTx) => Promise<T>): Promise<T> {
    const outer = this.current.getStore();
    if (outer) return work(outer);
    const tx = new FakeTx(this.now);
    try {
      const value = await this.current.run(tx, () => work(tx));
      this.effects.push(...tx.effects);
      this.history.push(...tx.historyRows);
      this.commits++;
      return value;
    } catch (err) {
      this.rollbacks++;
      throw err;
    }
  }

  /** Typed as the real one, for a use case's constructor. */
  get asUnitOfWork(): UnitOfWork {
    return this as unknown as UnitOfWork;
  }

  /** The effects of one kind that committed. */
  effectsOf<K extends Effect['kind']>(kind: K): Array<Extract<Effect, { kind: K }>> {
    return this.effects.filter((e): e is Extract<Effect, { kind: K }> => e.kind === kind);
  }
}
