import { Injectable } from '@nestjs/common';
import type { CitizenView } from '@hotline/contracts';
import { ConflictError, UnitOfWork } from '@hotline/core';
import { CitizenInput, CitizensService } from '../citizens.service';
import { requirePhone } from '../phone-input';
import { CitizensRepository } from '../repositories/citizens.repository';

/** A new contact; a number that already belongs to somebody is a 409 naming that citizen. */
@Injectable()
export class CreateCitizen {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly citizens: CitizensRepository,
    private readonly service: CitizensService,
  ) {}

  async execute(phone: string, input: CitizenInput, actorId: string): Promise<CitizenView> {
    const e164 = requirePhone(phone);
    return this.uow.run(async () => {
      const owner = await this.citizens.phoneLink(e164);
      if (owner)
        throw new ConflictError(`phone ${e164} already belongs to citizen ${owner.citizenId}`, 'CONFLICT', {
          field: 'phone',
          citizenId: owner.citizenId,
        });
      return this.service.findOrCreateByPhone(e164, input, actorId);
    });
  }
}
