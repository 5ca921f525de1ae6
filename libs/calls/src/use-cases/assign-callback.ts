import { Injectable } from '@nestjs/common';
import type { CallbackView } from '@hotline/contracts';
import { AuthUser, Clock, ForbiddenError, UnitOfWork, ValidationError } from '@hotline/core';
import { CallsEvents } from '../calls-events';
import { OperatorDirectory } from '../operator-directory';
import { CallbacksRepository } from '../repositories/callbacks.repository';
import { toCallbackView } from '../views';
import { lockWorkableCallback } from './callback-guards';

/** Takes a task (operators: for themselves only) or gives it to an operator (supervisors). */
@Injectable()
export class AssignCallback {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly callbacks: CallbacksRepository,
    private readonly directory: OperatorDirectory,
    private readonly clock: Clock,
  ) {}

  async execute(id: string, assigneeId: string | undefined, user: AuthUser): Promise<CallbackView> {
    const target = assigneeId ?? user.id;
    if (user.role === 'operator' && target !== user.id)
      throw new ForbiddenError('Operators can only take callbacks for themselves');
    return this.uow.run(async (tx) => {
      const cb = await lockWorkableCallback(this.callbacks, id);
      if (target !== user.id) {
        const role = await this.directory.role(target);
        if (role !== 'operator' && role !== 'supervisor')
          throw new ValidationError('assigneeId: not an operator', { field: 'assigneeId' });
      }
      await this.callbacks.updateIfVersion(id, cb.version, { assigneeId: target, updatedAt: this.clock.now() });
      await tx.history({
        actorId: user.id,
        entityType: 'callback',
        entityId: id,
        action: 'assigned',
        from: cb.assigneeId,
        to: target,
      });
      const view = toCallbackView((await this.callbacks.findById(id))!, this.clock.nowMs());
      CallsEvents.callback(tx, view);
      return view;
    });
  }
}
