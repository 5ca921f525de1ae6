import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { ERROR_CODES, AuthTokens, Role } from '@hotline/contracts';
import {
  AccessTokenVerifier,
  APP_CONFIG,
  AppConfig,
  AuthUser,
  Clock,
  dbManager,
  UnauthenticatedError,
  uuidv7,
  ValidationError,
  writeAudit,
} from '@hotline/core';
import { AuthSession } from './auth-session.entity';
import { dummyPasswordHash, hashPassword, verifyPassword } from './password-hasher';
import { RefreshToken } from './refresh-token.entity';
import { User } from './user.entity';
import { toUserView } from './user-view';

interface AccessClaims {
  sub: string;
  sid: string;
  role: Role;
  officeId: string | null;
  username: string;
}

export interface ClientMeta {
  ip?: string | null;
  userAgent?: string | null;
}

const INVALID_CREDENTIALS = 'Wrong username or password';

/** Login, refresh-token rotation, logout and access-token verification. */
@Injectable()
export class AuthService implements AccessTokenVerifier {
  private readonly logger = new Logger(AuthService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly jwt: JwtService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async login(username: string, password: string, meta: ClientMeta = {}): Promise<AuthTokens> {
    const user = await dbManager(this.db).getRepository(User).findOneBy({ username: username.trim().toLowerCase() });
    // Same message and same argon2 cost whether the user exists or not: no username enumeration.
    const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
    if (!user || !ok) throw new UnauthenticatedError(INVALID_CREDENTIALS, ERROR_CODES.INVALID_CREDENTIALS);
    if (user.disabledAt)
      throw new UnauthenticatedError('This account is disabled: contact an administrator', ERROR_CODES.USER_DISABLED);

    const now = this.clock.now();
    return this.db.transaction(async (m) => {
      const session = m.create(AuthSession, {
        id: uuidv7(),
        userId: user.id,
        createdAt: now,
        lastRefreshedAt: now,
        expiresAt: new Date(now.getTime() + this.config.auth.refreshTtlSeconds * 1000),
        revokedAt: null,
        revokedReason: null,
        ip: meta.ip?.slice(0, 64) ?? null,
        userAgent: meta.userAgent?.slice(0, 200) ?? null,
      });
      await m.insert(AuthSession, session);
      await m.update(User, { id: user.id }, { lastLoginAt: now });
      await writeAudit(m, {
        actorId: user.id,
        entityType: 'user',
        entityId: user.id,
        action: 'login',
        at: now,
        data: { sessionId: session.id },
      });
      return this.issue(m, user, session, now);
    });
  }

  /** Rotation: each refresh token works once. Presenting a used one means it leaked: the whole session is revoked. */
  async refresh(presented: string): Promise<AuthTokens> {
    const [id, secret] = presented.split('.');
    if (!id || !secret) throw new UnauthenticatedError('Invalid refresh token');
    const now = this.clock.now();
    const outcome = await this.db.transaction(async (m) => {
      const token = await m.findOne(RefreshToken, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!token || !sameHash(token.tokenHash, sha256(secret))) return { error: 'Invalid refresh token' };
      const session = await m.findOne(AuthSession, {
        where: { id: token.sessionId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!session || session.revokedAt) return { error: 'This session has ended: log in again' };
      if (token.usedAt) {
        await this.revokeSession(m, session, 'refresh_reuse', now);
        return { error: 'This refresh token was already used: the session has been closed for safety, log in again' };
      }
      if (token.expiresAt <= now || session.expiresAt <= now) return { error: 'The session has expired: log in again' };
      const user = await m.findOneByOrFail(User, { id: session.userId });
      if (user.disabledAt)
        return { error: 'This account is disabled: contact an administrator', code: ERROR_CODES.USER_DISABLED };
      await m.update(RefreshToken, { id: token.id }, { usedAt: now });
      await m.update(AuthSession, { id: session.id }, { lastRefreshedAt: now });
      return { tokens: await this.issue(m, user, session, now) };
    });
    if ('error' in outcome) throw new UnauthenticatedError(outcome.error, outcome.code);
    return outcome.tokens!;
  }

  /** Ends the session of this refresh token; its access tokens are refused from now on. Idempotent. */
  async logout(presented: string): Promise<void> {
    const [id, secret] = presented.split('.');
    if (!id || !secret) throw new ValidationError('refreshToken is malformed', { field: 'refreshToken' });
    await this.db.transaction(async (m) => {
      const token = await m.findOneBy(RefreshToken, { id });
      if (!token || !sameHash(token.tokenHash, sha256(secret))) throw new UnauthenticatedError('Invalid refresh token');
      const session = await m.findOneBy(AuthSession, { id: token.sessionId });
      if (session && !session.revokedAt) await this.revokeSession(m, session, 'logout', this.clock.now());
    });
  }

  /** Ends the session an access token belongs to (logout without the refresh token at hand). */
  async logoutSession(sessionId: string): Promise<void> {
    await this.db.transaction(async (m) => {
      const session = await m.findOneBy(AuthSession, { id: sessionId });
      if (session && !session.revokedAt) await this.revokeSession(m, session, 'logout', this.clock.now());
    });
  }

  async verifyAccessToken(token: string): Promise<AuthUser & { sessionId: string }> {
    let claims: AccessClaims;
    try {
      claims = await this.jwt.verifyAsync<AccessClaims>(token, { algorithms: ['HS256'] });
    } catch (err) {
      if ((err as Error).name === 'TokenExpiredError')
        throw new UnauthenticatedError('Access token expired: refresh it', ERROR_CODES.TOKEN_EXPIRED);
      throw new UnauthenticatedError('Invalid access token');
    }
    // Re-read on every request: a disabled user or an ended session is refused at once, and role/office come from the database.
    const row = await this.db
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
      .where('s.id = :sid', { sid: claims.sid })
      .getRawOne<{
        id: string;
        username: string;
        fullName: string;
        role: Role;
        officeId: string | null;
        disabledAt: Date | null;
        revokedAt: Date | null;
        sessionUser: string;
      }>();
    if (!row || row.sessionUser !== claims.sub) throw new UnauthenticatedError('Invalid access token');
    if (row.disabledAt)
      throw new UnauthenticatedError('This account is disabled: contact an administrator', ERROR_CODES.USER_DISABLED);
    if (row.revokedAt) throw new UnauthenticatedError('This session has ended: log in again');
    return {
      id: row.id,
      username: row.username,
      fullName: row.fullName,
      role: row.role,
      officeId: row.officeId,
      sessionId: claims.sid,
    };
  }

  async changePassword(
    userId: string,
    currentPassword: string,
    newPassword: string,
    currentSessionId?: string,
  ): Promise<void> {
    const user = await dbManager(this.db).getRepository(User).findOneByOrFail({ id: userId });
    if (!(await verifyPassword(user.passwordHash, currentPassword))) {
      throw new ValidationError('currentPassword is wrong', { field: 'currentPassword' });
    }
    if (currentPassword === newPassword)
      throw new ValidationError('newPassword must differ from the current password', { field: 'newPassword' });
    const hash = await hashPassword(newPassword);
    const now = this.clock.now();
    await this.db.transaction(async (m) => {
      await m.update(User, { id: userId }, { passwordHash: hash, mustChangePassword: false, updatedAt: now });
      // Other sessions (another browser, a stolen token) end; this one goes on.
      const others = await m.find(AuthSession, { where: { userId, revokedAt: IsNull() } });
      for (const s of others) if (s.id !== currentSessionId) await this.revokeSession(m, s, 'password_changed', now);
      await writeAudit(m, {
        actorId: userId,
        entityType: 'user',
        entityId: userId,
        action: 'password_changed',
        at: now,
      });
    });
  }

  /** Revokes every open session of a user (disable, admin password reset). */
  async revokeAllSessions(m: EntityManager, userId: string, reason: string, now: Date): Promise<number> {
    const result = await m
      .createQueryBuilder()
      .update(AuthSession)
      .set({ revokedAt: now, revokedReason: reason })
      .where('user_id = :userId AND revoked_at IS NULL', { userId })
      .execute();
    return result.affected ?? 0;
  }

  /** Deletes refresh tokens and sessions that expired more than a week ago. */
  async purgeExpired(): Promise<number> {
    const cutoff = new Date(this.clock.nowMs() - 7 * 86400_000);
    const tokens = await this.db
      .createQueryBuilder()
      .delete()
      .from(RefreshToken)
      .where('expires_at < :cutoff', { cutoff })
      .execute();
    await this.db.createQueryBuilder().delete().from(AuthSession).where('expires_at < :cutoff', { cutoff }).execute();
    return tokens.affected ?? 0;
  }

  private async revokeSession(m: EntityManager, session: AuthSession, reason: string, now: Date): Promise<void> {
    await m.update(AuthSession, { id: session.id }, { revokedAt: now, revokedReason: reason });
    if (reason === 'refresh_reuse')
      this.logger.warn(`Refresh token reuse detected: session ${session.id} of user ${session.userId} revoked`);
  }

  private async issue(m: EntityManager, user: User, session: AuthSession, now: Date): Promise<AuthTokens> {
    const secret = randomBytes(32).toString('base64url');
    const token = m.create(RefreshToken, {
      id: uuidv7(),
      sessionId: session.id,
      tokenHash: sha256(secret),
      createdAt: now,
      expiresAt: session.expiresAt,
      usedAt: null,
    });
    await m.insert(RefreshToken, token);
    const claims: AccessClaims = {
      sub: user.id,
      sid: session.id,
      role: user.role,
      officeId: user.postOfficeId,
      username: user.username,
    };
    const accessToken = await this.jwt.signAsync(claims, {
      expiresIn: this.config.auth.accessTtlSeconds,
      algorithm: 'HS256',
    });
    return {
      accessToken,
      expiresIn: this.config.auth.accessTtlSeconds,
      refreshToken: `${token.id}.${secret}`,
      refreshExpiresAt: session.expiresAt.toISOString(),
      user: toUserView(user),
    };
  }
}

function sha256(s: string): string {
  return createHash('sha256').update(s).digest('hex');
}

function sameHash(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}
