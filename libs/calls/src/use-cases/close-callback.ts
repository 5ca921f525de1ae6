import { Injectable } from '@nestjs/common';
import type { CallbackView } from '@hotline/contracts';
import { CALLBACK_MACHINE } from '@hotline/contracts';
import { assertTransition, AuthUser, Clock, UnitOfWork } from '@hotline/core';
import { CallsEvents } from '../calls-events';
import { CallbacksRepository } from '../repositories/callbacks.repository';
import { CallsRepository } from '../repositories/calls.repository';
import { toCallbackView } from '../views';
import { lockWorkableCallback, outboundCallTo } from './callback-guards';

/** Done: the citizen was reached by this outbound call (which gets the outcome `callback_done` if it had none). */
@Injectable()
export class CloseCallback {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly callbacks: CallbacksRepository,
    private readonly calls: CallsRepository,
    private readonly clock: Clock,
  ) {}

  async execute(id: string, callId: string, user: AuthUser): Promise<CallbackView> {
    return this.uow.run(async (tx) => {
      const now = this.clock.now();
      const cb = await lockWorkableCallback(this.callbacks, id);
      assertTransition(CALLBACK_MACHINE, cb.state, 'done');
      const call = await outboundCallTo(this.calls, callId, cb.phone);
      await this.callbacks.updateIfVersion(id, cb.version, {
        state: 'done',
        openPhone: null,
        closedCallId: callId,
        closedAt: now,
        assigneeId: cb.assigneeId ?? user.id,
        updatedAt: now,
      });
      if (!call.outcome)
        await this.calls.update(callId, { outcome: 'callback_done', updatedAt: now, version: call.version + 1 });
      await tx.history({
        actorId: user.id,
        entityType: 'callback',
        entityId: id,
        action: 'closed',
        from: 'open',
        to: 'done',
        data: { callId },
      });
      const view = toCallbackView((await this.callbacks.findById(id))!, this.clock.nowMs());
      CallsEvents.callback(tx, view);
      return view;
    });
  }
}
