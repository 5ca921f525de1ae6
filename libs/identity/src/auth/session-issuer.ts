import { Injectable } from '@nestjs/common';
import { AuthTokens, ERROR_CODES } from '@hotline/contracts';
import { UnauthenticatedError, uuidv7 } from '@hotline/core';
import { AuthSession } from '../auth-session.entity';
import { RefreshToken } from '../refresh-token.entity';
import { SessionsRepository } from '../repositories/sessions.repository';
import { UsersRepository } from '../repositories/users.repository';
import { User } from '../user.entity';
import { toUserView } from '../users/user-view';
import { AccessTokens } from './access-tokens';
import { USER_DISABLED_MESSAGE } from './auth-messages';
import { newRefreshSecret, sha256 } from './refresh-token';

export interface ClientMeta {
  ip?: string | null;
  userAgent?: string | null;
}

/** Opens sessions and hands out their tokens, inside the caller's unit of work. */
@Injectable()
export class SessionIssuer {
  constructor(
    private readonly access: AccessTokens,
    private readonly sessions: SessionsRepository,
    private readonly users: UsersRepository,
  ) {}

  /** One login = one session = one family of rotating refresh tokens. */
  async open(user: User, meta: ClientMeta, now: Date): Promise<AuthSession> {
    // The user row first (see markLoggedIn): a disable committed since the password check is honoured here too.
    if (!(await this.users.markLoggedIn(user.id, now)))
      throw new UnauthenticatedError(USER_DISABLED_MESSAGE, ERROR_CODES.USER_DISABLED);
    const session: AuthSession = {
      id: uuidv7(),
      userId: user.id,
      createdAt: now,
      lastRefreshedAt: now,
      expiresAt: new Date(now.getTime() + this.access.refreshTtlMs),
      revokedAt: null,
      revokedReason: null,
      ip: meta.ip?.slice(0, 64) ?? null,
      userAgent: meta.userAgent?.slice(0, 200) ?? null,
    };
    await this.sessions.insertSession(session);
    return session;
  }

  /** A new refresh token of the session and a new access token. */
  async issue(user: User, session: AuthSession, now: Date): Promise<AuthTokens> {
    const secret = newRefreshSecret();
    const token: RefreshToken = {
      id: uuidv7(),
      sessionId: session.id,
      tokenHash: sha256(secret),
      createdAt: now,
      expiresAt: session.expiresAt,
      usedAt: null,
    };
    await this.sessions.insertToken(token);
    const accessToken = await this.access.sign({
      sub: user.id,
      sid: session.id,
      role: user.role,
      officeId: user.postOfficeId,
      username: user.username,
    });
    return {
      accessToken,
      expiresIn: this.access.ttlSeconds,
      refreshToken: `${token.id}.${secret}`,
      refreshExpiresAt: session.expiresAt.toISOString(),
      user: toUserView(user),
    };
  }
}
