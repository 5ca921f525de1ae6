import { Injectable } from '@nestjs/common';
import { onePage } from '@hotline/contracts';
import type { OperatorStatusRow, OperatorStatusView, Page } from '@hotline/contracts';
import { UnitOfWork } from '@hotline/core';
import type { OperatorStatusPeriod } from './operator-status-period.entity';
import { OperatorDirectory } from './operator-directory';
import { OperatorStatesRepository } from './repositories/operator-states.repository';
import { ChangeOperatorStatus } from './use-cases/change-operator-status';
import { toStatusView } from './views';

/** The history report reads at most this many periods. */
const PERIODS_LIMIT = 5000;

/** Operator status: what it is, the supervisor's board, the history report, the operator's own choice, the wrap-up timer. */
@Injectable()
export class OperatorStatusService {
  constructor(
    private readonly states: OperatorStatesRepository,
    private readonly change: ChangeOperatorStatus,
    private readonly directory: OperatorDirectory,
    private readonly uow: UnitOfWork,
  ) {}

  async current(userId: string): Promise<OperatorStatusView> {
    const s = await this.states.find(userId);
    return s
      ? toStatusView(s)
      : { userId, status: 'offline', since: new Date(0).toISOString(), reason: null, version: 0 };
  }

  /** The supervisor's board: every operator with a known status, with their name and extension (one page). */
  async all(): Promise<Page<OperatorStatusRow>> {
    const rows = (await this.states.all()).map(toStatusView);
    const names = await this.directory.names(rows.map((r) => r.userId));
    const items = rows.map((r) => ({
      ...r,
      fullName: names.get(r.userId)?.fullName ?? null,
      extension: names.get(r.userId)?.extension ?? null,
    }));
    return onePage(items);
  }

  async periods(
    userId: string | undefined,
    from: Date,
    to: Date,
  ): Promise<{ periods: OperatorStatusPeriod[]; totals: Record<string, Record<string, number>> }> {
    const periods = await this.states.periods({ userId, from, to }, PERIODS_LIMIT);
    const totals: Record<string, Record<string, number>> = {};
    for (const p of periods) {
      totals[p.userId] ??= {};
      totals[p.userId][p.status] = (totals[p.userId][p.status] ?? 0) + p.durationSeconds;
    }
    return { periods, totals };
  }

  /** The operator's own choice (break / available); 409 while on a call. */
  async set(userId: string, to: 'available' | 'break', reason: string | null): Promise<OperatorStatusView> {
    return (await this.change.execute({ userId, to, cause: 'operator', reason, strict: true }))!;
  }

  /** Job: the wrap-up time is over. A stale timer (status changed since) does nothing. */
  async endWrapUp(userId: string, version: number): Promise<boolean> {
    return this.uow.run(async () => {
      const state = await this.states.find(userId);
      if (!state || state.status !== 'wrap_up' || state.version !== version) return false;
      return !!(await this.change.execute({ userId, to: 'available', cause: 'wrap_up_timer' }));
    });
  }
}
