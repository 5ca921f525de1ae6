import { Injectable } from '@nestjs/common';
import { invitationFacts, type InvitationFacts, type LegState, type LegView } from '@hotline/contracts';
import { type AuthUser, Clock, NotFoundError, type Tx, UnitOfWork } from '@hotline/core';
import type { BcciLeg } from '../bcci-leg.entity';
import { DispatchCalendar } from '../dispatch-calendar';
import { emitLeg } from '../leg-effects';
import { assertLegMove } from '../leg-guards';
import { type TransitionInput, LegTransitions } from '../leg-transitions';
import { scopeOffice } from '../office-scope';
import { LegQueries } from '../queries/leg-queries';
import { LegHistoryRepository } from '../repositories/leg-history.repository';
import { LegsRepository } from '../repositories/legs.repository';
import { RequestsRepository } from '../repositories/requests.repository';

export type LegChange = Pick<TransitionInput, 'changes' | 'reason' | 'data'>;

export interface ChangeLegInput {
  legId: string;
  user: AuthUser;
  to: LegState;
  /** The columns, reason and data of the change, from the leg as read (input checks that need the leg throw here). */
  build?: (leg: BcciLeg) => LegChange;
  /** More work in the same unit of work once the move is allowed (a cancel withdraws the pending offers). */
  also?: (tx: Tx, leg: BcciLeg) => Promise<void>;
}

/**
 * The shared step of the dispatcher's lifecycle commands (courier, pickup, delivery, failed attempt, return, cancel): in
 * one unit of work, the leg scoped to the dispatcher's office (404 otherwise), the machine and guards of contracts (409),
 * the conditional change with its history row, and the `dispatch:leg-updated` event; then the leg as the caller sees it.
 */
@Injectable()
export class ChangeLeg {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly legs: LegsRepository,
    private readonly requests: RequestsRepository,
    private readonly history: LegHistoryRepository,
    private readonly transitions: LegTransitions,
    private readonly calendar: DispatchCalendar,
    private readonly queries: LegQueries,
  ) {}

  async execute(input: ChangeLegInput): Promise<LegView> {
    const { legId, user, to } = input;
    const now = this.clock.now();
    await this.uow.run(async (tx) => {
      const leg = await this.legs.find(legId, scopeOffice(user));
      if (!leg) throw new NotFoundError('Leg', legId);
      const change = input.build?.(leg) ?? {};
      assertLegMove(
        {
          state: leg.state,
          kind: leg.kind,
          pickedUp: !!leg.pickupChecklist,
          invitations: to === 'returned_to_agency' ? await this.invitations(leg.id) : null,
        },
        to,
      );
      await input.also?.(tx, leg);
      const request = await this.requests.ref(leg.requestId);
      const event = await this.transitions.apply(tx, leg, {
        ...change,
        to,
        actorId: user.id,
        at: now,
        requestCode: request.requestCode,
      });
      emitLeg(tx, 'dispatch:leg-updated', event, { createdById: request.createdById });
    });
    return this.queries.get(legId, user);
  }

  private async invitations(legId: string): Promise<InvitationFacts> {
    const attempts = (await this.history.failedAttempts([legId])).get(legId) ?? [];
    return invitationFacts(attempts, this.calendar);
  }
}
