import { Injectable } from '@nestjs/common';
import type { LegView } from '@hotline/contracts';
import { type AuthUser, ConflictError } from '@hotline/core';
import { DispatchKit } from '../dispatch-kit';
import { cancelTimeout, emitLeg } from '../leg-effects';
import { LegQueries } from '../queries/leg-queries';
import { PendingOffers } from './pending-offers';

/** Accept the pending offer of the dispatcher's office. Two dispatchers at once: the conditional UPDATE lets one win, the other gets 409. */
@Injectable()
export class AcceptOffer {
  constructor(
    private readonly kit: DispatchKit,
    private readonly offers: PendingOffers,
    private readonly queries: LegQueries,
  ) {}

  async execute(legId: string, user: AuthUser): Promise<LegView> {
    const { uow, clock, records, transitions } = this.kit;
    const now = clock.now();
    await uow.run(async (tx) => {
      const { leg, assignment } = await this.offers.of(legId, user);
      if (!(await records.assignments.end(assignment.id, { state: 'accepted', at: now, actorId: user.id })))
        throw new ConflictError('this offer was already answered (accepted, rejected or timed out)');
      const request = await records.requests.ref(leg.requestId);
      const event = await transitions.apply(tx, leg, {
        to: 'accepted',
        actorId: user.id,
        at: now,
        requestCode: request.requestCode,
        assignmentId: assignment.id,
      });
      cancelTimeout(tx, assignment.id);
      emitLeg(tx, 'dispatch:leg-updated', event, { createdById: request.createdById });
    });
    return this.queries.get(legId, user);
  }
}
