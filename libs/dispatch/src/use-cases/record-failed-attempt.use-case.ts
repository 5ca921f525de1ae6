import { Injectable } from '@nestjs/common';
import type { LegView } from '@hotline/contracts';
import type { AuthUser } from '@hotline/core';
import { ChangeLeg } from './change-leg';

/** Circular 17/2017: a failed delivery attempt (an invitation of the citizen), with its reason. */
@Injectable()
export class RecordFailedAttempt {
  constructor(private readonly change: ChangeLeg) {}

  execute(legId: string, reason: string, user: AuthUser): Promise<LegView> {
    return this.change.execute({
      legId,
      user,
      to: 'failed_attempt',
      build: (leg) => ({ reason, changes: { failedAttempts: leg.failedAttempts + 1 } }),
    });
  }
}
