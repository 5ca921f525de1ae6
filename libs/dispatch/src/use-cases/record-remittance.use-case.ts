import { Injectable } from '@nestjs/common';
import type { RemittanceView } from '@hotline/contracts';
import { type AuthUser, ConflictError, NotFoundError, uuidv7, ValidationError } from '@hotline/core';
import { DispatchKit } from '../dispatch-kit';
import type { RemittanceDto } from '../dispatch.dto';
import { scopeOffice } from '../office-scope';
import { RemittancesRepository } from '../repositories/remittances.repository';

/** Fees collected on behalf, remitted to the agency by the office in batches (each fee once: the legs are locked). */
@Injectable()
export class RecordRemittance {
  constructor(
    private readonly kit: DispatchKit,
    private readonly remittances: RemittancesRepository,
  ) {}

  async execute(dto: RemittanceDto, user: AuthUser): Promise<RemittanceView> {
    const officeId = scopeOffice(user) ?? dto.officeId;
    if (!officeId) throw new ValidationError('officeId: say which office remits', { field: 'officeId' });
    if (!dto.legIds.length)
      throw new ValidationError('legIds: list at least one leg', { field: 'legIds', constraint: 'arrayNotEmpty' });
    const { uow, clock, records } = this.kit;
    const now = clock.now();
    const id = uuidv7();
    const amount = await uow.run(async (tx) => {
      const legs = await records.legs.lockForRemittance(dto.legIds, officeId);
      const found = new Set(legs.map((l) => l.id));
      const missing = dto.legIds.find((l) => !found.has(l));
      if (missing) throw new NotFoundError('Leg', missing);
      const bad = legs.find((l) => !l.feeCollected || l.remittanceId);
      if (bad)
        throw new ConflictError(`leg ${bad.id} has no collected fee left to remit`, 'CONFLICT', { legId: bad.id });
      const total = legs.reduce((s, l) => s + (l.feeCollected ?? 0), 0);
      await this.remittances.insert({
        id,
        officeId,
        reference: dto.reference,
        remittedOn: dto.remittedOn,
        amount: total,
        createdById: user.id,
        createdAt: now,
      });
      await records.legs.markRemitted(dto.legIds, id);
      await tx.history({
        actorId: user.id,
        entityType: 'bcci_remittance',
        entityId: id,
        action: 'created',
        data: { officeId, amount: total, legs: legs.length },
      });
      return total;
    });
    const { reference, remittedOn, legIds } = dto;
    return { id, officeId, reference, remittedOn, amount, legIds, createdAt: now.toISOString() };
  }
}
