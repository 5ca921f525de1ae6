import type { EntityManager } from 'typeorm';
import { type AuditInput, Clock, type Effect, Tx, type UnitOfWork } from '@hotline/core';

/** A clock that stands still unless told to move. */
export class FixedClock extends Clock {
  constructor(private at: number = Date.parse('2026-03-02T02:00:00Z')) {
    super();
  }

  override now(): Date {
    return new Date(this.at);
  }

  override nowMs(): number {
    return this.at;
  }

  override travel(ms: number): void {
    this.at += ms;
  }

  set(iso: string): void {
    this.at = Date.parse(iso);
  }
}

/** A transaction that keeps its history rows in memory instead of writing audit_log. */
export class FakeTx extends Tx {
  readonly histories: AuditInput[] = [];

  constructor(private readonly time: Clock) {
    super({} as EntityManager, time);
  }

  override history(input: AuditInput | readonly AuditInput[]): Promise<void> {
    const at = this.time.now();
    for (const i of Array.isArray(input) ? input : [input as AuditInput]) this.histories.push({ at, ...i });
    return Promise.resolve();
  }
}

/**
 * The unit of work of the unit tests: `run(work)` calls `work(tx)` with a FakeTx; when the work succeeds its effects and
 * history rows are kept (`effects`, `histories`: what the command "committed"), when it throws they are dropped and
 * `rollback` restores the in-memory tables. A run inside another joins it, as the real one does.
 */
export class FakeUnitOfWork {
  readonly effects: Effect[] = [];
  readonly histories: AuditInput[] = [];
  commits = 0;
  private current: FakeTx | null = null;

  constructor(
    private readonly clock: Clock,
    private readonly hooks: { snapshot?: () => () => void; onCommit?: (tx: FakeTx) => void } = {},
  ) {}

  async run<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    if (this.current) return work(this.current);
    const tx = new FakeTx(this.clock);
    const restore = this.hooks.snapshot?.() ?? (() => undefined);
    this.current = tx;
    try {
      const result = await work(tx);
      this.effects.push(...tx.effects);
      this.histories.push(...tx.histories);
      this.commits++;
      this.hooks.onCommit?.(tx);
      return result;
    } catch (err) {
      restore();
      throw err;
    } finally {
      this.current = null;
    }
  }

  /** What the last commits recorded, and forget it (one assertion block per command). */
  take(): { effects: Effect[]; histories: AuditInput[] } {
    return { effects: this.effects.splice(0), histories: this.histories.splice(0) };
  }

  asUnitOfWork(): UnitOfWork {
    return this as unknown as UnitOfWork;
  }
}
