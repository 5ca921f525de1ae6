import { Injectable } from '@nestjs/common';
import type { AuthTokens } from '@hotline/contracts';
import { Clock, UnitOfWork } from '@hotline/core';
import { SESSION_CACHE_TOPIC } from '../auth/access-token-verifier';
import { Credentials } from '../auth/credentials';
import { ClientMeta, SessionIssuer } from '../auth/session-issuer';

/** Log in: a short-lived access JWT and the first refresh token of a new session. */
@Injectable()
export class LoginUseCase {
  constructor(
    private readonly credentials: Credentials,
    private readonly issuer: SessionIssuer,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute(input: { username: string; password: string; meta?: ClientMeta }): Promise<AuthTokens> {
    // argon2 runs before the transaction: no connection is held while hashing.
    const user = await this.credentials.authenticate(input.username, input.password);
    const now = this.clock.now();
    return this.uow.run(async (tx) => {
      const session = await this.issuer.open(user, input.meta ?? {}, now);
      await tx.history({
        actorId: user.id,
        entityType: 'user',
        entityId: user.id,
        action: 'login',
        at: now,
        data: { sessionId: session.id },
      });
      // Its last login moved: the cached account views (GET /auth/me) of the user's other sessions are refreshed.
      tx.invalidate(SESSION_CACHE_TOPIC, [user.id]);
      return this.issuer.issue(user, session, now);
    });
  }
}
