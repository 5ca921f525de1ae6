import { AsyncLocalStorage } from 'node:async_hooks';
import type { EntityManager } from 'typeorm';
import type { ServerEventName } from '@hotline/contracts';
import type { AuditInput } from '../audit/audit';
import type { Clock } from '../clock/clock';
import type { Effect } from '../outbox/effects';
import { Notices, Tx, type UnitOfWork } from '../outbox/unit-of-work';
import type { JobName } from '../queues/queue-map';
import { FakeClock } from './fake-clock';

/** The real Tx (its effects are recorded exactly as in production), keeping its history rows in memory. */
export class FakeTx extends Tx {
  readonly recorded: AuditInput[] = [];

  constructor(private readonly time: Clock) {
    super({} as EntityManager, time);
  }

  override history(input: AuditInput | readonly AuditInput[]): Promise<void> {
    const at = this.time.now();
    for (const i of Array.isArray(input) ? input : [input as AuditInput]) this.recorded.push({ at, ...i });
    return Promise.resolve();
  }
}

export interface FakeUnitOfWorkHooks {
  /** Called before each outermost run; returns how to restore the in-memory tables if the run throws (a rollback). */
  snapshot?: () => () => void;
  onCommit?: (tx: FakeTx) => void;
}

/**
 * The unit of work of every context's unit tests: `run(work)` calls `work(tx)` with a FakeTx. When the work succeeds what it
 * recorded is kept (`effects`, `history`: what the command committed); when it throws it is dropped and `hooks.snapshot`'s
 * restore puts the in-memory tables back. A run inside another joins it, like the real one.
 */
export class FakeUnitOfWork {
  readonly effects: Effect[] = [];
  readonly history: AuditInput[] = [];
  commits = 0;
  rollbacks = 0;
  private readonly current = new AsyncLocalStorage<FakeTx>();

  constructor(
    private readonly clock: Clock = new FakeClock(),
    private readonly hooks: FakeUnitOfWorkHooks = {},
  ) {}

  async run<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    const outer = this.current.getStore();
    if (outer) return work(outer);
    const tx = new FakeTx(this.clock);
    const restore = this.hooks.snapshot?.() ?? (() => undefined);
    try {
      const value = await this.current.run(tx, () => work(tx));
      this.effects.push(...tx.effects);
      this.history.push(...tx.recorded);
      this.commits++;
      this.hooks.onCommit?.(tx);
      return value;
    } catch (err) {
      this.rollbacks++;
      restore();
      throw err;
    }
  }

  /** Like the real one: the notices go out at once (kept in `effects`), no commit counted. */
  notify(build: (notices: Notices) => void): Promise<void> {
    const notices = new Notices();
    build(notices);
    this.effects.push(...notices.effects);
    return Promise.resolve();
  }

  /** Typed as the real one, for a use case's constructor. */
  get asUnitOfWork(): UnitOfWork {
    return this as unknown as UnitOfWork;
  }

  /** What the commits since the last take recorded, and forget it (one assertion block per command). */
  take(): { effects: Effect[]; history: AuditInput[] } {
    return { effects: this.effects.splice(0), history: this.history.splice(0) };
  }

  effectsOf<K extends Effect['kind']>(kind: K): Array<Extract<Effect, { kind: K }>> {
    return this.effects.filter((e): e is Extract<Effect, { kind: K }> => e.kind === kind);
  }

  /** Payloads of one socket event, in order, with their rooms. */
  emitted(event: ServerEventName): Array<{ rooms: unknown; payload: unknown }> {
    return this.effects.flatMap((e) =>
      e.kind === 'emit' && e.event === event ? [{ rooms: e.rooms, payload: e.payload }] : [],
    );
  }

  jobs(name: JobName): Array<{ data: unknown; jobId: string; runAt?: number }> {
    return this.effects.flatMap((e) =>
      e.kind === 'job' && e.name === name ? [{ data: e.data, jobId: e.jobId, runAt: e.runAt }] : [],
    );
  }

  reset(): void {
    this.effects.length = 0;
    this.history.length = 0;
    this.commits = 0;
    this.rollbacks = 0;
  }
}
