import { Injectable } from '@nestjs/common';
import { LEG_MACHINE, type LegView } from '@hotline/contracts';
import { type AuthUser, Clock, ConflictError, NotFoundError, UnitOfWork, ValidationError } from '@hotline/core';
import { PostOfficesService } from '@hotline/geo';
import { LegQueries } from '../queries/leg-queries';
import { LegsRepository } from '../repositories/legs.repository';
import { RequestsRepository } from '../repositories/requests.repository';
import { OfferLeg } from './offer-leg';

/** A supervisor assigns an office by hand (an unroutable leg, or one still routing). The office still accepts it; no timeout. */
@Injectable()
export class AssignManually {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly offices: PostOfficesService,
    private readonly legs: LegsRepository,
    private readonly requests: RequestsRepository,
    private readonly offers: OfferLeg,
    private readonly queries: LegQueries,
  ) {}

  async execute(legId: string, officeId: string, user: AuthUser): Promise<LegView> {
    if (!(await this.offices.exists(officeId)))
      throw new ValidationError(`officeId: unknown post office ${officeId}`, {
        field: 'officeId',
        constraint: 'exists',
      });
    const now = this.clock.now();
    await this.uow.run(async (tx) => {
      const leg = await this.legs.find(legId);
      if (!leg) throw new NotFoundError('Leg', legId);
      if (!LEG_MACHINE.can(leg.state, 'assigned'))
        throw new ConflictError(`a leg in state ${leg.state} cannot be assigned by hand (only routing or unroutable)`);
      const request = await this.requests.ref(leg.requestId);
      await this.offers.offer(tx, {
        leg,
        request,
        officeId,
        distanceKm: null,
        deadline: null,
        manual: true,
        actorId: user.id,
        now,
      });
    });
    return this.queries.get(legId, user);
  }
}
