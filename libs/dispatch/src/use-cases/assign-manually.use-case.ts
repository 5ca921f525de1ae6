import { Injectable } from '@nestjs/common';
import { LEG_MACHINE, type LegView } from '@hotline/contracts';
import { type AuthUser, ConflictError, NotFoundError, ValidationError } from '@hotline/core';
import { PostOfficesService } from '@hotline/geo';
import { DispatchKit } from '../dispatch-kit';
import { LegQueries } from '../queries/leg-queries';
import { OfferLeg } from './offer-leg';

/** A supervisor assigns an office by hand (an unroutable leg, or one still routing). The office still accepts it; no timeout. */
@Injectable()
export class AssignManually {
  constructor(
    private readonly kit: DispatchKit,
    private readonly offices: PostOfficesService,
    private readonly offers: OfferLeg,
    private readonly queries: LegQueries,
  ) {}

  async execute(legId: string, officeId: string, user: AuthUser): Promise<LegView> {
    if (!(await this.offices.exists(officeId)))
      throw new ValidationError(`officeId: unknown post office ${officeId}`, {
        field: 'officeId',
        constraint: 'exists',
      });
    const { uow, clock, records } = this.kit;
    const now = clock.now();
    await uow.run(async (tx) => {
      const leg = await records.legs.find(legId);
      if (!leg) throw new NotFoundError('Leg', legId);
      if (!LEG_MACHINE.can(leg.state, 'assigned'))
        throw new ConflictError(`a leg in state ${leg.state} cannot be assigned by hand (only routing or unroutable)`);
      const request = await records.requests.ref(leg.requestId);
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
