import { Injectable } from '@nestjs/common';
import { ERROR_CODES, USER_MACHINE, userState, type UserView } from '@hotline/contracts';
import { assertTransition, Clock, UnitOfWork, ValidationError } from '@hotline/core';
import { SESSION_CACHE_TOPIC } from '../auth/access-token-verifier';
import { SessionsRepository } from '../repositories/sessions.repository';
import { UsersRepository } from '../repositories/users.repository';
import { toUserView } from '../users/user-view';

/** An admin disables an account: refused at once, everywhere — sessions revoked, open sockets closed. Idempotent. */
@Injectable()
export class DisableUserUseCase {
  constructor(
    private readonly users: UsersRepository,
    private readonly sessions: SessionsRepository,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute(input: { id: string; actorId: string; reason?: string }): Promise<UserView> {
    const { id, actorId } = input;
    if (id === actorId) throw new ValidationError('You cannot disable your own account');
    return this.uow.run(async (tx) => {
      const user = await this.users.require(id);
      const from = userState({ disabled: user.disabledAt !== null });
      if (from === 'disabled') return toUserView(user);
      assertTransition(USER_MACHINE, from, 'disabled');
      const now = this.clock.now();
      await this.users.update(id, { disabledAt: now, updatedAt: now });
      await this.sessions.revokeAllOf(id, 'user_disabled', now);
      tx.invalidate(SESSION_CACHE_TOPIC, [id]);
      await tx.history({
        actorId,
        entityType: 'user',
        entityId: id,
        action: 'disabled',
        from,
        to: 'disabled',
        reason: input.reason ?? null,
        at: now,
      });
      tx.disconnectUser(id, { code: ERROR_CODES.USER_DISABLED, message: 'This account has been disabled' });
      return toUserView(await this.users.require(id));
    });
  }
}
