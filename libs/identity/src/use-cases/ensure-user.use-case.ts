import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@hotline/core';
import { UsersRepository } from '../repositories/users.repository';
import { NewUserInput, UserFactory } from '../users/user-factory';

/** Seeding: creates the account unless the username exists. Says whether it did. */
@Injectable()
export class EnsureUserUseCase {
  constructor(
    private readonly users: UsersRepository,
    private readonly factory: UserFactory,
    private readonly uow: UnitOfWork,
  ) {}

  async execute(input: NewUserInput): Promise<boolean> {
    if (await this.users.usernameTaken(input.username)) return false;
    const user = await this.factory.create(input);
    return this.uow.run(async () => {
      if (await this.users.usernameTaken(input.username)) return false;
      await this.users.insert(user);
      return true;
    });
  }
}
