import { Injectable } from '@nestjs/common';
import type { CallbackAttemptView } from '@hotline/contracts';
import { AuthUser, Clock, UnitOfWork, uuidv7 } from '@hotline/core';
import type { CallbackAttempt } from '../callback-attempt.entity';
import type { CallbackAttemptDto } from '../calls.dto';
import { CallsEvents } from '../calls-events';
import { CallbacksRepository } from '../repositories/callbacks.repository';
import { CallsRepository } from '../repositories/calls.repository';
import { toCallbackView } from '../views';
import { lockWorkableCallback, outboundCallTo } from './callback-guards';

/** An attempt to reach the citizen (no answer, busy...); the task stays open and goes to whoever tried if unassigned. */
@Injectable()
export class RecordCallbackAttempt {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly callbacks: CallbacksRepository,
    private readonly calls: CallsRepository,
    private readonly clock: Clock,
  ) {}

  async execute(id: string, dto: CallbackAttemptDto, user: AuthUser): Promise<CallbackAttemptView> {
    return this.uow.run(async (tx) => {
      const at = this.clock.now();
      const cb = await lockWorkableCallback(this.callbacks, id);
      if (dto.callId) await outboundCallTo(this.calls, dto.callId, cb.phone);
      const attempt: CallbackAttempt = {
        id: uuidv7(),
        callbackId: id,
        operatorId: user.id,
        at,
        result: dto.result,
        note: dto.note ?? null,
        callId: dto.callId ?? null,
      };
      await this.callbacks.insertAttempt(attempt);
      await this.callbacks.updateIfVersion(id, cb.version, {
        attempts: cb.attempts + 1,
        lastAttemptAt: at,
        assigneeId: cb.assigneeId ?? user.id,
        updatedAt: at,
      });
      await tx.history({
        actorId: user.id,
        entityType: 'callback',
        entityId: id,
        action: 'attempt',
        reason: dto.result,
      });
      CallsEvents.callback(tx, toCallbackView((await this.callbacks.findById(id))!, this.clock.nowMs()));
      return { ...attempt, at: at.toISOString() };
    });
  }
}
