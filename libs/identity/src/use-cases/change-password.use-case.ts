import { Injectable } from '@nestjs/common';
import { Clock, UnitOfWork, ValidationError } from '@hotline/core';
import { SESSION_CACHE_TOPIC } from '../auth/access-token-verifier';
import { Credentials } from '../auth/credentials';
import { SessionsRepository } from '../repositories/sessions.repository';

export interface ChangePasswordInput {
  userId: string;
  currentPassword: string;
  newPassword: string;
  /** The session asking: it goes on, the others (another browser, a stolen token) end. */
  currentSessionId?: string;
}

/** A staff member changes their own password. */
@Injectable()
export class ChangePasswordUseCase {
  constructor(
    private readonly credentials: Credentials,
    private readonly sessions: SessionsRepository,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute(input: ChangePasswordInput): Promise<void> {
    await this.credentials.checkCurrent(input.userId, input.currentPassword);
    if (input.currentPassword === input.newPassword)
      throw new ValidationError('newPassword must differ from the current password', { field: 'newPassword' });
    const passwordHash = await this.credentials.hash(input.newPassword);
    const now = this.clock.now();
    await this.uow.run(async (tx) => {
      await this.credentials.store(input.userId, { passwordHash, mustChangePassword: false, at: now });
      await this.sessions.revokeAllOf(input.userId, 'password_changed', now, input.currentSessionId);
      tx.invalidate(SESSION_CACHE_TOPIC, [input.userId]);
      await tx.history({
        actorId: input.userId,
        entityType: 'user',
        entityId: input.userId,
        action: 'password_changed',
        at: now,
      });
    });
  }
}
