import type { EntityManager } from 'typeorm';
import type { LegEvent, LegState } from '@hotline/contracts';
import { ConflictError, uuidv7 } from '@hotline/core';
import { BcciLegHistory } from './bcci-leg-history.entity';
import { BcciLeg } from './bcci-leg.entity';
import { assertTransition } from './leg-state';
import { plainInsert } from './plain-insert';

export interface TransitionInput {
  to: LegState;
  actorId: string | null;
  reason?: string | null;
  at: Date;
  /** Extra columns written with the state change. */
  changes?: Partial<BcciLeg>;
  data?: Record<string, unknown> | null;
  /** Extra WHERE conditions (e.g. the routing attempt) for the conditional UPDATE. */
  where?: Partial<Pick<BcciLeg, 'routingAttempt'>>;
}

/**
 * The one way a leg changes state: checks the transition table (409), then a conditional UPDATE on the state and the
 * version read, so two concurrent writers cannot both win (the loser gets 409), plus the history row, in the caller's
 * transaction. Returns the event to emit after commit.
 */
export async function transitionLeg(
  m: EntityManager,
  leg: BcciLeg,
  input: TransitionInput,
  requestCode: string,
  assignmentId: string | null = null,
): Promise<LegEvent> {
  assertTransition(leg.state, input.to);
  const qb = m
    .createQueryBuilder()
    .update(BcciLeg)
    .set({ ...(input.changes ?? {}), state: input.to, updatedAt: input.at, version: () => 'version + 1' } as never)
    .where('id = :id AND state = :state AND version = :version', {
      id: leg.id,
      state: leg.state,
      version: leg.version,
    });
  if (input.where?.routingAttempt !== undefined)
    qb.andWhere('routing_attempt = :attempt', { attempt: input.where.routingAttempt });
  const result = await qb.execute();
  if (!result.affected)
    throw new ConflictError(`leg ${leg.id} changed meanwhile (it is no longer ${leg.state})`, 'CONFLICT', {
      legId: leg.id,
    });
  await plainInsert(m, BcciLegHistory, [
    {
      id: uuidv7(),
      legId: leg.id,
      at: input.at,
      actorId: input.actorId,
      fromState: leg.state,
      toState: input.to,
      reason: input.reason ?? null,
      data: input.data ?? null,
    },
  ]);
  const officeId = input.changes && 'officeId' in input.changes ? (input.changes.officeId ?? null) : leg.officeId;
  return {
    legId: leg.id,
    requestId: leg.requestId,
    requestCode,
    officeId,
    assignmentId,
    from: leg.state,
    to: input.to,
    reason: input.reason ?? null,
    remoteArea: leg.remoteArea,
    deadlineAt: null,
    at: input.at.toISOString(),
  };
}
