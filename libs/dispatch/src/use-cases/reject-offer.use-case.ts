import { Injectable } from '@nestjs/common';
import type { LegView } from '@hotline/contracts';
import { type AuthUser, ConflictError, UnitOfWork } from '@hotline/core';
import { cancelTimeout } from '../leg-effects';
import { LegQueries } from '../queries/leg-queries';
import { EndOffer } from './end-offer.use-case';
import { PendingOffers } from './pending-offers';

/** Reject with a reason: the offer ends and the leg is re-routed to the next nearest eligible office. */
@Injectable()
export class RejectOffer {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly offers: PendingOffers,
    private readonly endOffer: EndOffer,
    private readonly queries: LegQueries,
  ) {}

  async execute(legId: string, reason: string, user: AuthUser): Promise<LegView> {
    await this.uow.run(async (tx) => {
      const { assignment } = await this.offers.of(legId, user);
      const event = await this.endOffer.execute({
        assignmentId: assignment.id,
        outcome: 'rejected',
        actorId: user.id,
        reason,
      });
      if (!event) throw new ConflictError('this offer was already answered (accepted, rejected or timed out)');
      cancelTimeout(tx, assignment.id);
    });
    // The leg is no longer the office's: shown as a supervisor sees it.
    return this.queries.get(legId, { ...user, role: 'supervisor', officeId: null });
  }
}
