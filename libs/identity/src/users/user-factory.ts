import { Injectable } from '@nestjs/common';
import type { Role } from '@hotline/contracts';
import { Clock, uuidv7 } from '@hotline/core';
import { PasswordHasher } from '../password-hasher';
import { User } from '../user.entity';

export interface NewUserInput {
  username: string;
  fullName: string;
  password: string;
  role: Role;
  postOfficeId?: string | null;
  extension?: string | null;
}

/** A new, active account with its password hashed (outside any transaction: argon2 is slow). */
@Injectable()
export class UserFactory {
  constructor(
    private readonly hasher: PasswordHasher,
    private readonly clock: Clock,
  ) {}

  async create(input: NewUserInput): Promise<User> {
    const now = this.clock.now();
    return Object.assign(new User(), {
      id: uuidv7(),
      username: input.username,
      fullName: input.fullName,
      passwordHash: await this.hasher.hash(input.password),
      role: input.role,
      postOfficeId: input.postOfficeId ?? null,
      extension: input.extension ?? null,
      disabledAt: null,
      mustChangePassword: false,
      lastLoginAt: null,
      createdAt: now,
      updatedAt: now,
      version: 1,
    });
  }
}
