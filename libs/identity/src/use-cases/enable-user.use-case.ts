import { Injectable } from '@nestjs/common';
import { USER_MACHINE, userState, type UserView } from '@hotline/contracts';
import { assertTransition, Clock, UnitOfWork } from '@hotline/core';
import { SESSION_CACHE_TOPIC } from '../auth/access-token-verifier';
import { UsersRepository } from '../repositories/users.repository';
import { toUserView } from '../users/user-view';

/** An admin enables a disabled account again (its old sessions stay ended). Idempotent. */
@Injectable()
export class EnableUserUseCase {
  constructor(
    private readonly users: UsersRepository,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute(id: string, actorId: string): Promise<UserView> {
    return this.uow.run(async (tx) => {
      const user = await this.users.require(id);
      const from = userState({ disabled: user.disabledAt !== null });
      if (from === 'active') return toUserView(user);
      assertTransition(USER_MACHINE, from, 'active');
      await this.users.update(id, { disabledAt: null, updatedAt: this.clock.now() });
      tx.invalidate(SESSION_CACHE_TOPIC, [id]);
      await tx.history({ actorId, entityType: 'user', entityId: id, action: 'enabled', from, to: 'active' });
      return toUserView(await this.users.require(id));
    });
  }
}
