import { Injectable } from '@nestjs/common';
import type { UserView } from '@hotline/contracts';
import { Clock, stripUndefined, UnitOfWork } from '@hotline/core';
import { SESSION_CACHE_TOPIC } from '../auth/access-token-verifier';
import type { UpdateUserDto } from '../identity.dto';
import { UsersRepository } from '../repositories/users.repository';
import { User } from '../user.entity';
import { OfficeBinding } from '../users/office-binding';
import { toUserView } from '../users/user-view';
import { extensionTaken } from './create-user.use-case';

/** The role and office after an update: a dispatcher keeps their office unless told otherwise; other roles have none. */
export function scopeAfter(user: Pick<User, 'role' | 'postOfficeId'>, dto: UpdateUserDto) {
  const role = dto.role ?? user.role;
  const officeId = dto.postOfficeId !== undefined ? dto.postOfficeId : role === 'dispatcher' ? user.postOfficeId : null;
  return { role, officeId, changed: role !== user.role || officeId !== user.postOfficeId };
}

/** An admin edits an account's name, role, office or extension. */
@Injectable()
export class UpdateUserUseCase {
  constructor(
    private readonly users: UsersRepository,
    private readonly binding: OfficeBinding,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute(id: string, dto: UpdateUserDto, actorId: string): Promise<UserView> {
    return this.uow.run(async (tx) => {
      const user = await this.users.require(id);
      const scope = scopeAfter(user, dto);
      await this.binding.check(scope.role, scope.officeId);
      if (dto.extension && dto.extension !== user.extension && (await this.users.extensionTaken(dto.extension)))
        throw extensionTaken(dto.extension);
      await this.users.update(id, {
        fullName: dto.fullName ?? user.fullName,
        role: scope.role,
        postOfficeId: scope.officeId,
        extension: dto.extension !== undefined ? dto.extension : user.extension,
        updatedAt: this.clock.now(),
      });
      // The auth guard's cached principal carries name, role and office: every api instance reads them again.
      tx.invalidate(SESSION_CACHE_TOPIC, [id]);
      await tx.history({
        actorId,
        entityType: 'user',
        entityId: id,
        action: 'updated',
        from: user.role,
        to: scope.role,
        data: { fields: Object.keys(stripUndefined(dto)) },
      });
      // Rooms were joined from the old role/office: open sockets reconnect so that the server joins the right rooms.
      if (scope.changed)
        tx.disconnectUser(id, { code: 'SESSION_CHANGED', message: 'Your role or post office changed: reconnecting' });
      return toUserView(await this.users.require(id));
    });
  }
}
