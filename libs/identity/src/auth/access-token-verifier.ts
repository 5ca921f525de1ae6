import { Injectable } from '@nestjs/common';
import { ERROR_CODES } from '@hotline/contracts';
import { AccessTokenVerifier, AuthUser, UnauthenticatedError } from '@hotline/core';
import { SessionsRepository } from '../repositories/sessions.repository';
import { AccessTokens } from './access-tokens';
import { SESSION_ENDED_MESSAGE, USER_DISABLED_MESSAGE } from './auth-messages';

/**
 * The auth guard's and the socket gateway's check, on every request: a valid JWT, then ONE query for its session and user,
 * so that a disabled user or an ended session is refused at once and role/office come from the database, not the token.
 */
@Injectable()
export class SessionAccessTokenVerifier implements AccessTokenVerifier {
  constructor(
    private readonly access: AccessTokens,
    private readonly sessions: SessionsRepository,
  ) {}

  async verifyAccessToken(token: string): Promise<AuthUser & { sessionId: string }> {
    const claims = await this.access.verify(token);
    const row = await this.sessions.principal(claims.sid);
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
}
