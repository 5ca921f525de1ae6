import { Injectable } from '@nestjs/common';
import type { OperatorStatus, OperatorStatusCause, OperatorStatusView } from '@hotline/contracts';
import { operatorStatusChoices, operatorStatusMoveAllowed } from '@hotline/contracts';
import { Clock, ConflictError, UnitOfWork, uuidv7, type Tx } from '@hotline/core';
import { CallsEvents } from '../calls-events';
import { CallsTimers } from '../calls-timers';
import type { OperatorState } from '../operator-state.entity';
import { OperatorStatesRepository } from '../repositories/operator-states.repository';

export interface StatusChangeInput {
  userId: string;
  to: OperatorStatus;
  cause: OperatorStatusCause;
  reason?: string | null;
  /** Refuse a move the cause may not make with a 409 (the operator's own choice); otherwise it is skipped (null). */
  strict?: boolean;
}

/**
 * Moves an operator's status, in the caller's unit of work (the CTI event, a timer, the presence, the operator): closes the
 * period of the previous status, audits, emits `operator:status` and arms the wrap-up timer. A move its cause may not make
 * (a hangup for an operator already on break) changes nothing.
 */
@Injectable()
export class ChangeOperatorStatus {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly states: OperatorStatesRepository,
    private readonly clock: Clock,
    private readonly timers: CallsTimers,
  ) {}

  execute(input: StatusChangeInput): Promise<OperatorStatusView | null> {
    return this.uow.run(async (tx) => {
      const now = this.clock.now();
      // A socket came back: whatever the status, the pending offline timer is void (before the read: it bumps the version).
      if (input.cause === 'presence:online') await this.states.markConnected(input.userId);
      const cur = await this.states.lockOrCreate(input.userId, now);
      if (!operatorStatusMoveAllowed(cur.status, input.to, input.cause)) {
        if (!input.strict) return null;
        throw new ConflictError(
          `cannot change status from ${cur.status} to ${input.to} (${input.cause})`,
          'ILLEGAL_TRANSITION',
          { from: cur.status, to: input.to, allowed: operatorStatusChoices(cur.status) },
        );
      }
      return this.move(tx, cur, input, now);
    });
  }

  private async move(tx: Tx, cur: OperatorState, input: StatusChangeInput, now: Date): Promise<OperatorStatusView> {
    const { userId, to, cause } = input;
    const since = now < cur.since ? cur.since : now;
    await this.states.insertPeriod({
      id: uuidv7(),
      userId,
      status: cur.status,
      startedAt: cur.since,
      endedAt: since,
      durationSeconds: Math.max(0, Math.round((since.getTime() - cur.since.getTime()) / 1000)),
      endReason: cause,
    });
    const reason = input.reason ?? (cause === 'operator' ? null : cause);
    await this.states.updateIfVersion(userId, cur.version, { status: to, since, reason });
    await tx.history({
      actorId: cause === 'operator' ? userId : null,
      entityType: 'operator_status',
      entityId: userId,
      action: 'status_changed',
      from: cur.status,
      to,
      reason: cause,
    });
    const view: OperatorStatusView = {
      userId,
      status: to,
      since: since.toISOString(),
      reason,
      version: cur.version + 1,
    };
    CallsEvents.status(tx, view);
    if (to === 'wrap_up') this.timers.armWrapUpEnd(tx, userId, view.version);
    return view;
  }
}
