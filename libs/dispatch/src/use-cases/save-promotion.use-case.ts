import { Injectable } from '@nestjs/common';
import type { PromotionView } from '@hotline/contracts';
import { Clock, NotFoundError, stripUndefined, UnitOfWork, uuidv7, ValidationError } from '@hotline/core';
import type { PromotionDto, UpdatePromotionDto } from '../dispatch.dto';
import { PRICING_CACHE_TOPIC } from '../pricing.service';
import { PricingRepository } from '../repositories/pricing.repository';
import { promotionView } from '../views';

/** The window must not end before it starts, and the rule names at least one leg kind. */
function checkRule(rule: { startsOn: string; endsOn: string; legKinds: readonly string[] }): void {
  if (rule.endsOn < rule.startsOn)
    throw new ValidationError('endsOn: the window ends before it starts', { field: 'endsOn', constraint: 'dateOrder' });
  if (!rule.legKinds.length)
    throw new ValidationError('legKinds: name at least one leg kind', {
      field: 'legKinds',
      constraint: 'arrayNotEmpty',
    });
}

/** An admin creates or edits a promotion rule; every process's pricing copy is dropped once it commits. */
@Injectable()
export class SavePromotion {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly promotions: PricingRepository,
  ) {}

  async create(dto: PromotionDto, actorId: string): Promise<PromotionView> {
    checkRule(dto);
    const id = uuidv7();
    await this.uow.run(async (tx) => {
      await this.promotions.insertPromotion({
        id,
        name: dto.name,
        startsOn: dto.startsOn,
        endsOn: dto.endsOn,
        percent: dto.percent,
        legKinds: dto.legKinds,
        serviceLevels: dto.serviceLevels ?? [],
        fields: dto.fields ?? [],
        active: dto.active ?? true,
        updatedAt: this.clock.now(),
      });
      tx.invalidate(PRICING_CACHE_TOPIC);
      await tx.history({ actorId, entityType: 'bcci_promotion', entityId: id, action: 'created', data: { ...dto } });
    });
    return this.saved(id);
  }

  async update(id: string, dto: UpdatePromotionDto, actorId: string): Promise<PromotionView> {
    const current = await this.promotions.findPromotion(id);
    if (!current) throw new NotFoundError('Promotion', id);
    const changes = stripUndefined(dto);
    checkRule({ ...current, ...changes });
    await this.uow.run(async (tx) => {
      await this.promotions.updatePromotion(id, { ...changes, updatedAt: this.clock.now() });
      tx.invalidate(PRICING_CACHE_TOPIC);
      await tx.history({
        actorId,
        entityType: 'bcci_promotion',
        entityId: id,
        action: 'updated',
        data: { ...changes },
      });
    });
    return this.saved(id);
  }

  private async saved(id: string): Promise<PromotionView> {
    return promotionView((await this.promotions.findPromotion(id))!);
  }
}
