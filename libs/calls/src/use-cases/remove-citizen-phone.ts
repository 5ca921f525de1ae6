import { Injectable } from '@nestjs/common';
import type { CitizenView } from '@hotline/contracts';
import { ConflictError, NotFoundError, UnitOfWork } from '@hotline/core';
import { CitizensService } from '../citizens.service';
import { requirePhone } from '../phone-input';
import { CitizensRepository } from '../repositories/citizens.repository';

/** Removes a number; the last one stays (a citizen is found by their numbers). Removing the primary promotes the oldest other. */
@Injectable()
export class RemoveCitizenPhone {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly citizens: CitizensRepository,
    private readonly service: CitizensService,
  ) {}

  async execute(id: string, phone: string, actorId: string): Promise<CitizenView> {
    const e164 = requirePhone(phone);
    return this.uow.run(async (tx) => {
      if (!(await this.citizens.exists(id))) throw new NotFoundError('Citizen', id);
      const phones = await this.citizens.lockPhones(id);
      const target = phones.find((p) => p.phone === e164);
      if (!target) throw new NotFoundError(`Phone ${e164} of citizen`, id);
      if (phones.length === 1)
        throw new ConflictError('cannot remove the only phone number of a citizen', 'CONFLICT', { field: 'phone' });
      await this.citizens.deletePhone(e164);
      if (target.isPrimary) await this.citizens.makePrimary(phones.find((p) => p.phone !== e164)!.phone);
      await tx.history({ actorId, entityType: 'citizen', entityId: id, action: 'phone_removed' });
      return this.service.get(id);
    });
  }
}
