import type { ServerEventName } from '@hotline/contracts';
import type { AuditLogEntry, Effect, JobName } from '@hotline/core';
import { Clock, Tx, type UnitOfWork } from '@hotline/core';

/** A clock that stands still unless told to move. */
export class FixedClock extends Clock {
  constructor(private ms: number) {
    super();
  }
  override now(): Date {
    return new Date(this.ms);
  }
  override nowMs(): number {
    return this.ms;
  }
  override travel(ms: number): void {
    this.ms += ms;
  }
}

/**
 * The unit of work of unit tests: `run(work)` calls `work(tx)` with a real `Tx` over a fake manager, keeps what a committed
 * unit recorded (effects, history rows) and drops what a failed one did (the in-memory repositories are not rolled back).
 * A `run` inside another joins it, like the real one.
 */
export class FakeUnitOfWork {
  readonly effects: Effect[] = [];
  readonly history: AuditLogEntry[] = [];
  commits = 0;
  private current: { tx: Tx; history: AuditLogEntry[] } | null = null;

  constructor(private readonly clock: Clock) {}

  /** Typed as the real one for constructors. */
  get uow(): UnitOfWork {
    return this as unknown as UnitOfWork;
  }

  async run<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    if (this.current) return work(this.current.tx);
    const history: AuditLogEntry[] = [];
    const manager = { insert: async (_entity: unknown, row: AuditLogEntry) => void history.push(row) };
    this.current = { tx: new Tx(manager as never, this.clock), history };
    try {
      const value = await work(this.current.tx);
      this.effects.push(...this.current.tx.effects);
      this.history.push(...history);
      this.commits++;
      return value;
    } finally {
      this.current = null;
    }
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
  }
}
