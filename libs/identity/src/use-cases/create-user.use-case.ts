import { Injectable } from '@nestjs/common';
import { ERROR_CODES, type UserView } from '@hotline/contracts';
import { ConflictError, UnitOfWork } from '@hotline/core';
import type { CreateUserDto } from '../identity.dto';
import { UsersRepository } from '../repositories/users.repository';
import { OfficeBinding } from '../users/office-binding';
import { UserFactory } from '../users/user-factory';
import { toUserView } from '../users/user-view';

export function usernameTaken(username: string): ConflictError {
  return new ConflictError(`Username ${username} is already taken`, ERROR_CODES.CONFLICT, { field: 'username' });
}

export function extensionTaken(extension: string): ConflictError {
  return new ConflictError(`Extension ${extension} is already used`, ERROR_CODES.CONFLICT, { field: 'extension' });
}

/** An admin creates a staff account. */
@Injectable()
export class CreateUserUseCase {
  constructor(
    private readonly users: UsersRepository,
    private readonly factory: UserFactory,
    private readonly binding: OfficeBinding,
    private readonly uow: UnitOfWork,
  ) {}

  async execute(dto: CreateUserDto, actorId: string | null): Promise<UserView> {
    await this.binding.check(dto.role, dto.postOfficeId ?? null);
    const user = await this.factory.create(dto);
    await this.uow.run(async (tx) => {
      if (await this.users.usernameTaken(dto.username)) throw usernameTaken(dto.username);
      if (dto.extension && (await this.users.extensionTaken(dto.extension))) throw extensionTaken(dto.extension);
      await this.users.insert(user);
      await tx.history({ actorId, entityType: 'user', entityId: user.id, action: 'created', to: dto.role });
    });
    return toUserView(user);
  }
}
