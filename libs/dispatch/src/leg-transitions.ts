import { Injectable } from '@nestjs/common';
import { LEG_MACHINE, type LegEvent, type LegState } from '@hotline/contracts';
import { assertTransition, ConflictError, type Tx } from '@hotline/core';
import type { BcciLeg } from './bcci-leg.entity';
import { LEG_ENTITY, LEG_STATE_CHANGED } from './repositories/leg-history.repository';
import { LegsRepository } from './repositories/legs.repository';

export interface TransitionInput {
  to: LegState;
  actorId: string | null;
  reason?: string | null;
  at: Date;
  /** Extra columns written with the state change. */
  changes?: Partial<BcciLeg>;
  data?: Record<string, unknown> | null;
  /** Also conditional on the routing attempt (routing's own moves: a stale job must not win). */
  routingAttempt?: number;
  requestCode: string;
  assignmentId?: string | null;
}

/**
 * The one way a leg changes state: the machine of contracts (409 ILLEGAL_TRANSITION), then a conditional UPDATE on the
 * state and version read, so two concurrent writers cannot both win (the loser gets 409), and the history row in
 * audit_log (entity `bcci_leg`), in the caller's unit of work. Returns the event payload; the caller emits it on `tx`.
 */
@Injectable()
export class LegTransitions {
  constructor(private readonly legs: LegsRepository) {}

  async apply(tx: Tx, leg: BcciLeg, input: TransitionInput): Promise<LegEvent> {
    assertTransition(LEG_MACHINE, leg.state, input.to);
    const won = await this.legs.updateState({
      leg,
      to: input.to,
      at: input.at,
      changes: input.changes,
      routingAttempt: input.routingAttempt,
    });
    if (!won)
      throw new ConflictError(`leg ${leg.id} changed meanwhile (it is no longer ${leg.state})`, 'CONFLICT', {
        legId: leg.id,
      });
    await tx.history({
      actorId: input.actorId,
      entityType: LEG_ENTITY,
      entityId: leg.id,
      action: LEG_STATE_CHANGED,
      from: leg.state,
      to: input.to,
      reason: input.reason ?? null,
      data: input.data ?? null,
      at: input.at,
    });
    const officeId = input.changes && 'officeId' in input.changes ? (input.changes.officeId ?? null) : leg.officeId;
    return {
      legId: leg.id,
      requestId: leg.requestId,
      requestCode: input.requestCode,
      officeId,
      assignmentId: input.assignmentId ?? null,
      from: leg.state,
      to: input.to,
      reason: input.reason ?? null,
      remoteArea: leg.remoteArea,
      deadlineAt: null,
      at: input.at.toISOString(),
    };
  }
}
