import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@hotline/core';
import { CallsTimers } from './calls-timers';
import { OperatorStatesRepository } from './repositories/operator-states.repository';
import { ChangeOperatorStatus } from './use-cases/change-operator-status';

/**
 * Socket presence (called by the api's gateway): an operator's first socket makes them available (from offline), the last
 * one going away makes them offline after the grace period unless they come back.
 */
@Injectable()
export class OperatorPresenceService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly states: OperatorStatesRepository,
    private readonly change: ChangeOperatorStatus,
    private readonly timers: CallsTimers,
  ) {}

  /** A socket of this operator connected: the offline timer is void; offline → available. */
  async online(userId: string): Promise<void> {
    await this.change.execute({ userId, to: 'available', cause: 'presence:online' });
  }

  /** The operator's last socket went away: offline after the grace period unless they come back. */
  async lost(userId: string): Promise<void> {
    await this.uow.run(async (tx) => {
      const lostAt = this.timers.armPresenceOffline(tx, userId);
      await this.states.markDisconnected(userId, lostAt);
    });
  }

  /** Job: still gone since the same instant → offline. */
  async expired(userId: string, lostAtMs: number): Promise<boolean> {
    return this.uow.run(async () => {
      const state = await this.states.find(userId);
      if (!state?.disconnectedAt || state.disconnectedAt.getTime() !== lostAtMs) return false;
      return !!(await this.change.execute({ userId, to: 'offline', cause: 'presence:offline' }));
    });
  }
}
