import { Injectable } from '@nestjs/common';
import type { LegState, LegView } from '@hotline/contracts';
import { type AuthUser, NotFoundError, type Tx } from '@hotline/core';
import type { BcciLeg } from '../bcci-leg.entity';
import { DispatchKit } from '../dispatch-kit';
import { Invitations } from '../invitations';
import { emitLeg } from '../leg-effects';
import { assertLegMove } from '../leg-guards';
import type { TransitionInput } from '../leg-transitions';
import { scopeOffice } from '../office-scope';
import { LegQueries } from '../queries/leg-queries';

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
    private readonly kit: DispatchKit,
    private readonly invitations: Invitations,
    private readonly queries: LegQueries,
  ) {}

  async execute(input: ChangeLegInput): Promise<LegView> {
    const { legId, user, to } = input;
    const { uow, clock, records, transitions } = this.kit;
    const now = clock.now();
    await uow.run(async (tx) => {
      const leg = await records.legs.find(legId, scopeOffice(user));
      if (!leg) throw new NotFoundError('Leg', legId);
      const change = input.build?.(leg) ?? {};
      assertLegMove(
        {
          state: leg.state,
          kind: leg.kind,
          pickedUp: !!leg.pickupChecklist,
          invitations: to === 'returned_to_agency' ? await this.invitations.ofLeg(leg.id) : null,
        },
        to,
      );
      await input.also?.(tx, leg);
      const request = await records.requests.ref(leg.requestId);
      const event = await transitions.apply(tx, leg, {
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
}
