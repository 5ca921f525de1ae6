import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { ERROR_CODES } from '@hotline/contracts';
import {
  AccessTokenVerifier,
  APP_CONFIG,
  type AppConfig,
  AuthUser,
  InvalidationBus,
  UnauthenticatedError,
  VersionedCache,
} from '@hotline/core';
import { SessionPrincipal, SessionsRepository } from '../repositories/sessions.repository';
import { AccessTokens } from './access-tokens';
import { SESSION_ENDED_MESSAGE, USER_DISABLED_MESSAGE } from './auth-messages';

/**
 * The session cache's topic on core's InvalidationBus. Keys are session ids (one session ended) or user ids (every session
 * of that user: disabled, password changed, role or office changed): `tx.invalidate(SESSION_CACHE_TOPIC, [id])`.
 */
export const SESSION_CACHE_TOPIC = 'identity:sessions';

/**
 * The auth guard's and the socket gateway's check, on every request: a valid JWT, then its session and user as they are
 * now, so that a disabled user or an ended session is refused at once and role/office come from the database, not the
 * token. The session's principal (one query: the session joined with its user) is kept in memory per session id
 * (AUTH_SESSION_CACHE_MS, at most AUTH_SESSION_CACHE_MAX sessions); every change that ends a session or changes its user
 * records `tx.invalidate(SESSION_CACHE_TOPIC, …)`, which drops it here synchronously and in every other process through
 * Redis before the change is answered. While this process's invalidation subscriber is not subscribed, a revocation
 * published elsewhere would be lost here: the cache is bypassed (MariaDB answers) until it is, and then dropped whole.
 */
@Injectable()
export class SessionAccessTokenVerifier implements AccessTokenVerifier, OnModuleInit {
  private readonly cache: VersionedCache<string, SessionPrincipal | undefined> | null;

  constructor(
    private readonly access: AccessTokens,
    private readonly sessions: SessionsRepository,
    private readonly bus: InvalidationBus,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    const { sessionCacheMs, sessionCacheMax } = config.identity;
    this.cache =
      sessionCacheMs > 0
        ? new VersionedCache({
            recheckMs: sessionCacheMs,
            maxEntries: sessionCacheMax,
            load: (sid) => this.sessions.principal(sid),
          })
        : null;
  }

  onModuleInit(): void {
    if (this.cache) this.bus.listen(SESSION_CACHE_TOPIC, (keys) => this.forget(keys));
  }

  async verifyAccessToken(token: string): Promise<AuthUser & { sessionId: string }> {
    const claims = await this.access.verify(token);
    const row = await this.principal(claims.sid);
    if (!row || row.sessionUser !== claims.sub) throw new UnauthenticatedError('Invalid access token');
    if (row.disabledAt) throw new UnauthenticatedError(USER_DISABLED_MESSAGE, ERROR_CODES.USER_DISABLED);
    if (row.revokedAt) throw new UnauthenticatedError(SESSION_ENDED_MESSAGE);
    return {
      id: row.id,
      username: row.username,
      fullName: row.fullName,
      role: row.role,
      officeId: row.officeId,
      sessionId: claims.sid,
    };
  }

  private principal(sessionId: string): Promise<SessionPrincipal | undefined> {
    return this.cache && this.bus.live ? this.cache.get(sessionId) : this.sessions.principal(sessionId);
  }

  private forget(keys: readonly string[] | null): void {
    if (!keys) return this.cache?.invalidate();
    const gone = new Set(keys);
    this.cache?.invalidateWhere((row, sid) => gone.has(sid) || (row !== undefined && gone.has(row.sessionUser)));
  }
}
