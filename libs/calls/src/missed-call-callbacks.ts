import { Injectable } from '@nestjs/common';
import { CALLBACK_MACHINE } from '@hotline/contracts';
import { assertTransition, Clock, uuidv7, type Tx } from '@hotline/core';
import type { Callback } from './callback.entity';
import { CallsEvents } from './calls-events';
import { CallbacksRepository } from './repositories/callbacks.repository';
import { toCallbackView } from './views';

/** The CTI side of callback tasks, inside the event's unit of work: a missed call opens (or bumps) one, a late answer voids it. */
@Injectable()
export class MissedCallCallbacks {
  constructor(
    private readonly callbacks: CallbacksRepository,
    private readonly clock: Clock,
  ) {}

  /** One open task per number: created, or its missed count bumped. */
  async open(tx: Tx, call: { id: string; phone: string; citizenId: string | null }): Promise<Callback> {
    const cb = await this.callbacks.openOrBump({
      id: uuidv7(),
      phone: call.phone,
      citizenId: call.citizenId,
      callId: call.id,
      at: this.clock.now(),
    });
    CallsEvents.callback(tx, toCallbackView(cb, this.clock.nowMs()));
    return cb;
  }

  /** An answer arrived after the hangup that made this call "missed": its task, if untouched, is cancelled. */
  async cancelFor(tx: Tx, callId: string): Promise<Callback | null> {
    const cb = await this.callbacks.openOfSourceCall(callId);
    if (!cb || cb.attempts > 0 || cb.missedCount > 1) return null;
    assertTransition(CALLBACK_MACHINE, cb.state, 'cancelled');
    const now = this.clock.now();
    if (
      !(await this.callbacks.updateIfVersion(cb.id, cb.version, {
        state: 'cancelled',
        openPhone: null,
        closedAt: now,
        updatedAt: now,
      }))
    )
      return null;
    await tx.history({
      actorId: null,
      entityType: 'callback',
      entityId: cb.id,
      action: 'cancelled',
      from: 'open',
      to: 'cancelled',
      reason: 'the call was answered after all',
    });
    const saved = (await this.callbacks.findById(cb.id))!;
    CallsEvents.callback(tx, toCallbackView(saved, this.clock.nowMs()));
    return saved;
  }
}
