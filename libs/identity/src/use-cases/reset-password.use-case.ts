import { Injectable } from '@nestjs/common';
import type { UserView } from '@hotline/contracts';
import { Clock, UnitOfWork } from '@hotline/core';
import { SESSION_CACHE_TOPIC } from '../auth/access-token-verifier';
import { Credentials } from '../auth/credentials';
import { SessionsRepository } from '../repositories/sessions.repository';
import { toUserView } from '../users/user-view';

/** An admin sets a temporary password: every session of the user ends and they must choose a new one. */
@Injectable()
export class ResetPasswordUseCase {
  constructor(
    private readonly credentials: Credentials,
    private readonly sessions: SessionsRepository,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute(input: { id: string; newPassword: string; actorId: string }): Promise<UserView> {
    const { id, actorId } = input;
    await this.credentials.account(id);
    const passwordHash = await this.credentials.hash(input.newPassword);
    return this.uow.run(async (tx) => {
      const now = this.clock.now();
      await this.credentials.store(id, { passwordHash, mustChangePassword: true, at: now });
      await this.sessions.revokeAllOf(id, 'password_reset', now);
      tx.invalidate(SESSION_CACHE_TOPIC, [id]);
      await tx.history({ actorId, entityType: 'user', entityId: id, action: 'password_reset', at: now });
      tx.disconnectUser(id, {
        code: 'PASSWORD_RESET',
        message: 'Your password was reset by an administrator: log in again',
      });
      return toUserView(await this.credentials.account(id));
    });
  }
}
