import { Injectable } from '@nestjs/common';
import { NotFoundError, ValidationError } from '@hotline/core';
import { UsersService } from '@hotline/identity';

/** Who may be given a ticket: an active operator or supervisor (a 400 naming `assigneeId` otherwise). */
@Injectable()
export class Assignees {
  constructor(private readonly users: UsersService) {}

  async check(userId: string): Promise<void> {
    let user;
    try {
      user = await this.users.get(userId);
    } catch (err) {
      if (err instanceof NotFoundError)
        throw new ValidationError('assigneeId: unknown user', { field: 'assigneeId', constraint: 'exists' });
      throw err;
    }
    if (user.disabled || (user.role !== 'operator' && user.role !== 'supervisor')) {
      throw new ValidationError('assigneeId: must be an active operator or supervisor', { field: 'assigneeId' });
    }
  }
}
