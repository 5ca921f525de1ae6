import { Injectable } from '@nestjs/common';
import type { CitizenView } from '@hotline/contracts';
import { Clock, ConflictError, NotFoundError, UnitOfWork } from '@hotline/core';
import { CitizensService } from '../citizens.service';
import { requirePhone } from '../phone-input';
import { CitizensRepository } from '../repositories/citizens.repository';

/** Adds another number; a number already owned by another citizen is a 409 (one number, one person). */
@Injectable()
export class AddCitizenPhone {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly citizens: CitizensRepository,
    private readonly service: CitizensService,
    private readonly clock: Clock,
  ) {}

  async execute(input: {
    citizenId: string;
    phone: string;
    label: string | null;
    actorId: string;
  }): Promise<CitizenView> {
    const e164 = requirePhone(input.phone);
    const id = input.citizenId;
    return this.uow.run(async (tx) => {
      if (!(await this.citizens.exists(id))) throw new NotFoundError('Citizen', id);
      const owner = await this.citizens.phoneLink(e164);
      if (owner && owner.citizenId !== id)
        throw new ConflictError(`phone ${e164} already belongs to another citizen`, 'CONFLICT', {
          field: 'phone',
          citizenId: owner.citizenId,
        });
      if (!owner)
        await this.citizens.insertPhone({
          phone: e164,
          citizenId: id,
          isPrimary: false,
          label: input.label,
          createdAt: this.clock.now(),
        });
      await tx.history({ actorId: input.actorId, entityType: 'citizen', entityId: id, action: 'phone_added' });
      return this.service.get(id);
    });
  }
}
