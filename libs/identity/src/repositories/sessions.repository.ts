import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Role } from '@hotline/contracts';
import { BaseRepository } from '@hotline/core';
import { AuthSession } from '../auth-session.entity';
import { RefreshToken } from '../refresh-token.entity';
import { User } from '../user.entity';

/** Who an access token's session belongs to, read on every request. */
export interface SessionPrincipal {
  id: string;
  username: string;
  fullName: string;
  role: Role;
  officeId: string | null;
  disabledAt: Date | null;
  revokedAt: Date | null;
  sessionUser: string;
}

/** A refresh token being exchanged, its session (both locked) and the session's user. */
export interface RefreshCandidate {
  token: RefreshToken;
  session: AuthSession | null;
  user: User | null;
}

/** The session aggregate: auth_sessions and their rotating refresh_tokens. */
@Injectable()
export class SessionsRepository extends BaseRepository {
  constructor(@InjectDataSource() ds: DataSource) {
    super(ds);
  }

  async insertSession(session: AuthSession): Promise<void> {
    await this.repo(AuthSession).insert(session);
  }

  async insertToken(token: RefreshToken): Promise<void> {
    await this.repo(RefreshToken).insert(token);
  }

  findSession(id: string): Promise<AuthSession | null> {
    return this.repo(AuthSession).findOneBy({ id });
  }

  findToken(id: string): Promise<RefreshToken | null> {
    return this.repo(RefreshToken).findOneBy({ id });
  }

  /**
   * The token and its session locked (so that one refresh token presented twice at once has one winner), and the user read
   * without a lock (locking it here, after the session, would invert the order login and disable take: user, then sessions).
   */
  async lockForRefresh(tokenId: string): Promise<RefreshCandidate | null> {
    const token = await this.repo(RefreshToken).findOne({
      where: { id: tokenId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!token) return null;
    const session = await this.repo(AuthSession).findOne({
      where: { id: token.sessionId },
      lock: { mode: 'pessimistic_write' },
    });
    const user = session ? await this.repo(User).findOneBy({ id: session.userId }) : null;
    return { token, session, user };
  }

  async markTokenUsed(tokenId: string, at: Date): Promise<void> {
    await this.repo(RefreshToken).update({ id: tokenId }, { usedAt: at });
  }

  async markRefreshed(sessionId: string, at: Date): Promise<void> {
    await this.repo(AuthSession).update({ id: sessionId }, { lastRefreshedAt: at });
  }

  /** Ends one session if it is still open; says whether it did. */
  async revoke(sessionId: string, reason: string, at: Date): Promise<boolean> {
    const result = await this.manager
      .createQueryBuilder()
      .update(AuthSession)
      .set({ revokedAt: at, revokedReason: reason })
      .where('id = :sessionId AND revoked_at IS NULL', { sessionId })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  /** Ends every open session of a user but `exceptSessionId`; returns how many. */
  async revokeAllOf(userId: string, reason: string, at: Date, exceptSessionId?: string): Promise<number> {
    const qb = this.manager
      .createQueryBuilder()
      .update(AuthSession)
      .set({ revokedAt: at, revokedReason: reason })
      .where('user_id = :userId AND revoked_at IS NULL', { userId });
    if (exceptSessionId) qb.andWhere('id <> :exceptSessionId', { exceptSessionId });
    return (await qb.execute()).affected ?? 0;
  }

  /** The auth guard's one query per request: the session joined with its user. */
  principal(sessionId: string): Promise<SessionPrincipal | undefined> {
    return this.manager
      .createQueryBuilder(AuthSession, 's')
      .innerJoin(User, 'u', 'u.id = s.user_id')
      .select([
        'u.id AS id',
        'u.username AS username',
        'u.full_name AS fullName',
        'u.role AS role',
        'u.post_office_id AS officeId',
      ])
      .addSelect(['u.disabled_at AS disabledAt', 's.revoked_at AS revokedAt', 's.user_id AS sessionUser'])
      .where('s.id = :sid', { sid: sessionId })
      .getRawOne<SessionPrincipal>();
  }

  /** Deletes refresh tokens and sessions that expired before `cutoff`; returns how many of each. */
  async purgeExpired(cutoff: Date): Promise<{ tokens: number; sessions: number }> {
    const tokens = await this.manager
      .createQueryBuilder()
      .delete()
      .from(RefreshToken)
      .where('expires_at < :cutoff', { cutoff })
      .execute();
    const sessions = await this.manager
      .createQueryBuilder()
      .delete()
      .from(AuthSession)
      .where('expires_at < :cutoff', { cutoff })
      .execute();
    return { tokens: tokens.affected ?? 0, sessions: sessions.affected ?? 0 };
  }
}
