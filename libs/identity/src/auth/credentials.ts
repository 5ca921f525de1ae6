import { Injectable } from '@nestjs/common';
import { ERROR_CODES } from '@hotline/contracts';
import { NotFoundError, UnauthenticatedError, ValidationError } from '@hotline/core';
import { PasswordHasher } from '../password-hasher';
import { UsersRepository } from '../repositories/users.repository';
import { User } from '../user.entity';
import { INVALID_CREDENTIALS, USER_DISABLED_MESSAGE } from './auth-messages';

/** Passwords of staff accounts: checking them and storing new ones. */
@Injectable()
export class Credentials {
  constructor(
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
  ) {}

  /** The active user with this username and password; the same 401 whether the user exists or not. */
  async authenticate(username: string, password: string): Promise<User> {
    const user = await this.users.findByUsername(username.trim().toLowerCase());
    // Same message and same argon2 cost whether the user exists or not: no username enumeration.
    const ok = await this.hasher.verify(user?.passwordHash ?? (await this.hasher.dummyHash()), password);
    if (!user || !ok) throw new UnauthenticatedError(INVALID_CREDENTIALS, ERROR_CODES.INVALID_CREDENTIALS);
    if (user.disabledAt) throw new UnauthenticatedError(USER_DISABLED_MESSAGE, ERROR_CODES.USER_DISABLED);
    return user;
  }

  /** The account, or a 404. */
  account(userId: string): Promise<User> {
    return this.users.require(userId);
  }

  /** A 400 on `currentPassword` unless it is the user's password. */
  async checkCurrent(userId: string, password: string): Promise<User> {
    const user = await this.users.require(userId);
    if (!(await this.hasher.verify(user.passwordHash, password)))
      throw new ValidationError('currentPassword is wrong', { field: 'currentPassword' });
    return user;
  }

  hash(password: string): Promise<string> {
    return this.hasher.hash(password);
  }

  /** Stores a hash made by `hash` (outside the transaction: argon2 is slow). */
  async store(userId: string, input: { passwordHash: string; mustChangePassword: boolean; at: Date }): Promise<void> {
    const changed = await this.users.update(userId, {
      passwordHash: input.passwordHash,
      mustChangePassword: input.mustChangePassword,
      updatedAt: input.at,
    });
    if (!changed) throw new NotFoundError('User', userId);
  }
}
