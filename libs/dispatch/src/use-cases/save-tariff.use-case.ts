import { Injectable } from '@nestjs/common';
import type { TariffView } from '@hotline/contracts';
import { Clock, ConflictError, NotFoundError, stripUndefined, UnitOfWork, uuidv7 } from '@hotline/core';
import type { TariffDto, UpdateTariffDto } from '../dispatch.dto';
import { PRICING_CACHE_TOPIC } from '../pricing.service';
import { PricingRepository } from '../repositories/pricing.repository';
import { tariffView } from '../views';

/** An admin creates or edits a tariff; every process's pricing copy is dropped once it commits. */
@Injectable()
export class SaveTariff {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly tariffs: PricingRepository,
  ) {}

  async create(dto: TariffDto, actorId: string): Promise<TariffView> {
    const id = uuidv7();
    await this.uow.run(async (tx) => {
      if (await this.tariffs.tariffExistsFor(dto.legKind, dto.routeType))
        throw new ConflictError(`a tariff for ${dto.legKind} legs on ${dto.routeType} already exists (edit it)`);
      await this.tariffs.insertTariff({ id, ...dto, active: dto.active ?? true, updatedAt: this.clock.now() });
      tx.invalidate(PRICING_CACHE_TOPIC);
      await tx.history({ actorId, entityType: 'bcci_tariff', entityId: id, action: 'created', data: { ...dto } });
    });
    return this.saved(id);
  }

  async update(id: string, dto: UpdateTariffDto, actorId: string): Promise<TariffView> {
    await this.uow.run(async (tx) => {
      if (!(await this.tariffs.findTariff(id))) throw new NotFoundError('Tariff', id);
      const changes = stripUndefined(dto);
      await this.tariffs.updateTariff(id, { ...changes, updatedAt: this.clock.now() });
      tx.invalidate(PRICING_CACHE_TOPIC);
      await tx.history({ actorId, entityType: 'bcci_tariff', entityId: id, action: 'updated', data: { ...changes } });
    });
    return this.saved(id);
  }

  private async saved(id: string): Promise<TariffView> {
    return tariffView((await this.tariffs.findTariff(id))!);
  }
}
