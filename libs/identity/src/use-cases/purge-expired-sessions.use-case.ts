import { Injectable } from '@nestjs/common';
import { Clock, UnitOfWork } from '@hotline/core';
import { SESSION_CACHE_TOPIC } from '../auth/access-token-verifier';
import { SessionsRepository } from '../repositories/sessions.repository';

/** Expired refresh tokens are kept this long, so that a late replay is still recognised as reuse. */
export const EXPIRED_SESSION_RETENTION_MS = 7 * 86_400_000;

/** Deletes refresh tokens and sessions that expired more than a week ago (a maintenance job). */
@Injectable()
export class PurgeExpiredSessionsUseCase {
  constructor(
    private readonly sessions: SessionsRepository,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  /** How many refresh tokens were deleted. */
  execute(): Promise<number> {
    const cutoff = new Date(this.clock.nowMs() - EXPIRED_SESSION_RETENTION_MS);
    return this.uow.run(async (tx) => {
      const purged = await this.sessions.purgeExpired(cutoff);
      // Their access tokens expired long ago; dropping every cached session (once a purge deleted some) costs one
      // query per active session, and no cache can keep a row that no longer exists.
      if (purged.sessions) tx.invalidate(SESSION_CACHE_TOPIC);
      return purged.tokens;
    });
  }
}
