import { Injectable } from '@nestjs/common';
import type { LegView } from '@hotline/contracts';
import type { AuthUser } from '@hotline/core';
import { DispatchKit } from '../dispatch-kit';
import { cancelTimeout } from '../leg-effects';
import { ChangeLeg } from './change-leg';

/** Operator or supervisor, before pickup (the machine's guard). A pending offer is withdrawn and its timer cancelled. */
@Injectable()
export class CancelLeg {
  constructor(
    private readonly change: ChangeLeg,
    private readonly kit: DispatchKit,
  ) {}

  execute(legId: string, reason: string, user: AuthUser): Promise<LegView> {
    return this.change.execute({
      legId,
      user,
      to: 'cancelled',
      build: () => ({ reason }),
      also: async (tx, leg) => {
        const { assignments } = this.kit.records;
        const pending = await assignments.allPending(leg.id);
        await assignments.withdrawAll(leg.id, {
          state: 'withdrawn',
          at: this.kit.clock.now(),
          actorId: user.id,
          reason,
        });
        for (const a of pending) cancelTimeout(tx, a.id);
      },
    });
  }
}
