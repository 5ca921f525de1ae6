import { Injectable } from '@nestjs/common';
import type { Tx } from '@hotline/core';
import type { Call } from '../call.entity';
import { CallsTimers } from '../calls-timers';
import { MissedCallCallbacks } from '../missed-call-callbacks';
import { ChangeOperatorStatus } from '../use-cases/change-operator-status';
import type { CtiDecision } from './cti-logic';

/**
 * What a call event changes beside the call, in the same unit of work: the operator's status (answer → on_call, hangup of
 * an answered call → wrap_up or available) and the callback task (a missed inbound call with a number opens one, a late
 * answer cancels the untouched one it had opened).
 */
@Injectable()
export class CtiFollowUps {
  constructor(
    private readonly status: ChangeOperatorStatus,
    private readonly timers: CallsTimers,
    private readonly callbacks: MissedCallCallbacks,
  ) {}

  async apply(tx: Tx, input: { before: Call; saved: Call; decision: CtiDecision }): Promise<void> {
    const { before, saved, decision } = input;
    if (decision.answered && saved.operatorId)
      await this.status.execute({ userId: saved.operatorId, to: 'on_call', cause: 'cti:answer' });
    if (decision.ended && saved.operatorId && saved.answeredAt)
      await this.status.execute({ userId: saved.operatorId, to: this.timers.hangupStatus(), cause: 'cti:hangup' });
    if (decision.unansweredEnd && saved.direction === 'inbound' && saved.phone)
      await this.callbacks.open(tx, { id: saved.id, phone: saved.phone, citizenId: saved.citizenId });
    if (decision.answered && before.endedAt) await this.callbacks.cancelFor(tx, saved.id);
  }
}
