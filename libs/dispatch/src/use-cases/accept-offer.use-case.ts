import { Injectable } from '@nestjs/common';
import type { LegView } from '@hotline/contracts';
import { type AuthUser, Clock, ConflictError, UnitOfWork } from '@hotline/core';
import { cancelTimeout, emitLeg } from '../leg-effects';
import { LegTransitions } from '../leg-transitions';
import { LegQueries } from '../queries/leg-queries';
import { AssignmentsRepository } from '../repositories/assignments.repository';
import { RequestsRepository } from '../repositories/requests.repository';
import { PendingOffers } from './pending-offers';

/** Accept the pending offer of the dispatcher's office. Two dispatchers at once: the conditional UPDATE lets one win, the other gets 409. */
@Injectable()
export class AcceptOffer {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly offers: PendingOffers,
    private readonly assignments: AssignmentsRepository,
    private readonly requests: RequestsRepository,
    private readonly transitions: LegTransitions,
    private readonly queries: LegQueries,
  ) {}

  async execute(legId: string, user: AuthUser): Promise<LegView> {
    const now = this.clock.now();
    await this.uow.run(async (tx) => {
      const { leg, assignment } = await this.offers.of(legId, user);
      if (!(await this.assignments.end(assignment.id, { state: 'accepted', at: now, actorId: user.id })))
        throw new ConflictError('this offer was already answered (accepted, rejected or timed out)');
      const request = await this.requests.ref(leg.requestId);
      const event = await this.transitions.apply(tx, leg, {
        to: 'accepted',
        actorId: user.id,
        at: now,
        requestCode: request.requestCode,
        assignmentId: assignment.id,
      });
      emitLeg(tx, 'dispatch:leg-updated', event, { createdById: request.createdById });
      cancelTimeout(tx, assignment.id);
    });
    return this.queries.get(legId, user);
  }
}
