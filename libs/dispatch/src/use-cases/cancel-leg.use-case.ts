import { Injectable } from '@nestjs/common';
import type { LegView } from '@hotline/contracts';
import { type AuthUser, Clock } from '@hotline/core';
import { cancelTimeout } from '../leg-effects';
import { AssignmentsRepository } from '../repositories/assignments.repository';
import { ChangeLeg } from './change-leg';

/** Operator or supervisor, before pickup (the machine's guard). A pending offer is withdrawn and its timer cancelled. */
@Injectable()
export class CancelLeg {
  constructor(
    private readonly change: ChangeLeg,
    private readonly assignments: AssignmentsRepository,
    private readonly clock: Clock,
  ) {}

  execute(legId: string, reason: string, user: AuthUser): Promise<LegView> {
    return this.change.execute({
      legId,
      user,
      to: 'cancelled',
      build: () => ({ reason }),
      also: async (tx, leg) => {
        const pending = await this.assignments.allPending(leg.id);
        await this.assignments.withdrawAll(leg.id, {
          state: 'withdrawn',
          at: this.clock.now(),
          actorId: user.id,
          reason,
        });
        for (const a of pending) cancelTimeout(tx, a.id);
      },
    });
  }
}
