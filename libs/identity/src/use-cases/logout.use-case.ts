import { Injectable } from '@nestjs/common';
import { Clock, UnauthenticatedError, UnitOfWork, ValidationError } from '@hotline/core';
import { SESSION_CACHE_TOPIC } from '../auth/access-token-verifier';
import { INVALID_REFRESH_TOKEN } from '../auth/auth-messages';
import { parseRefreshToken, secretMatches } from '../auth/refresh-token';
import { SessionsRepository } from '../repositories/sessions.repository';

/** Ends a session; its access tokens are refused from the next request on, by every api instance. Idempotent. */
@Injectable()
export class LogoutUseCase {
  constructor(
    private readonly sessions: SessionsRepository,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  /** The session of this refresh token. */
  async execute(presented: string): Promise<void> {
    const parsed = parseRefreshToken(presented);
    if (!parsed) throw new ValidationError('refreshToken is malformed', { field: 'refreshToken' });
    await this.uow.run(async (tx) => {
      const token = await this.sessions.findToken(parsed.id);
      if (!token || !secretMatches(token.tokenHash, parsed.secret))
        throw new UnauthenticatedError(INVALID_REFRESH_TOKEN);
      await this.sessions.revoke(token.sessionId, 'logout', this.clock.now());
      tx.invalidate(SESSION_CACHE_TOPIC, [token.sessionId]);
    });
  }

  /** The session an access token belongs to (logout without the refresh token at hand). */
  async endSession(sessionId: string): Promise<void> {
    await this.uow.run(async (tx) => {
      await this.sessions.revoke(sessionId, 'logout', this.clock.now());
      tx.invalidate(SESSION_CACHE_TOPIC, [sessionId]);
    });
  }
}
