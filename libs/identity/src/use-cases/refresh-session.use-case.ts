import { Injectable, Logger } from '@nestjs/common';
import { AuthTokens, ERROR_CODES, type ErrorCode } from '@hotline/contracts';
import { Clock, Tx, UnauthenticatedError, UnitOfWork } from '@hotline/core';
import { SESSION_CACHE_TOPIC } from '../auth/access-token-verifier';
import { INVALID_REFRESH_TOKEN, SESSION_ENDED_MESSAGE, USER_DISABLED_MESSAGE } from '../auth/auth-messages';
import { parseRefreshToken, secretMatches } from '../auth/refresh-token';
import { SessionIssuer } from '../auth/session-issuer';
import { RefreshCandidate, SessionsRepository } from '../repositories/sessions.repository';

type Refusal = { error: string; code?: ErrorCode; reuse?: boolean };

/** Why a refresh is refused (null: it is allowed). Reuse of a used token means it leaked. */
export function refreshRefusal(candidate: RefreshCandidate | null, secret: string, now: Date): Refusal | null {
  if (!candidate || !secretMatches(candidate.token.tokenHash, secret)) return { error: INVALID_REFRESH_TOKEN };
  const { token, session, user } = candidate;
  if (!session || session.revokedAt) return { error: SESSION_ENDED_MESSAGE };
  if (token.usedAt)
    return {
      error: 'This refresh token was already used: the session has been closed for safety, log in again',
      reuse: true,
    };
  if (token.expiresAt <= now || session.expiresAt <= now) return { error: 'The session has expired: log in again' };
  if (!user) return { error: INVALID_REFRESH_TOKEN };
  if (user.disabledAt) return { error: USER_DISABLED_MESSAGE, code: ERROR_CODES.USER_DISABLED };
  return null;
}

/** Rotation: each refresh token works once. Presenting a used one revokes the whole session. */
@Injectable()
export class RefreshSessionUseCase {
  private readonly logger = new Logger(RefreshSessionUseCase.name);

  constructor(
    private readonly sessions: SessionsRepository,
    private readonly issuer: SessionIssuer,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute(presented: string): Promise<AuthTokens> {
    const parsed = parseRefreshToken(presented);
    if (!parsed) throw new UnauthenticatedError(INVALID_REFRESH_TOKEN);
    const now = this.clock.now();
    // A refusal is returned, not thrown, so that the revocation of a reused token's session commits.
    const outcome = await this.uow.run(async (tx): Promise<Refusal | AuthTokens> => {
      const candidate = await this.sessions.lockForRefresh(parsed.id);
      const refusal = refreshRefusal(candidate, parsed.secret, now);
      if (refusal?.reuse) await this.revokeLeaked(tx, candidate!, now);
      if (refusal) return refusal;
      const { token, session, user } = candidate!;
      await this.sessions.markTokenUsed(token.id, now);
      await this.sessions.markRefreshed(session!.id, now);
      return this.issuer.issue(user!, session!, now);
    });
    if ('error' in outcome) throw new UnauthenticatedError(outcome.error, outcome.code);
    return outcome;
  }

  private async revokeLeaked(tx: Tx, candidate: RefreshCandidate, now: Date): Promise<void> {
    await this.sessions.revoke(candidate.session!.id, 'refresh_reuse', now);
    tx.invalidate(SESSION_CACHE_TOPIC, [candidate.session!.id]);
    this.logger.warn(
      `Refresh token reuse detected: session ${candidate.session!.id} of user ${candidate.session!.userId} revoked`,
    );
  }
}
