import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { LegKind, PriceLine, PromotionView, QuoteView, RouteType, ServiceLevel, TariffView, BcciOption } from '@hotline/contracts';
import { Clock, ConflictError, NotFoundError, ValidationError, uuidv7, writeAudit } from '@hotline/core';
import { BcciPromotion } from './bcci-promotion.entity';
import { BcciTariff } from './bcci-tariff.entity';
import type { PromotionDto, TariffDto, UpdatePromotionDto, UpdateTariffDto } from './dispatch.dto';
import { NoTariffError, priceLeg } from './pricing';

export function legKindsOf(option: BcciOption): LegKind[] {
  return option === 'both' ? ['pickup', 'return'] : option === 'send_dossier' ? ['pickup'] : ['return'];
}

const tariffView = (t: BcciTariff): TariffView => ({ id: t.id, legKind: t.legKind, routeType: t.routeType, priceVnd: t.priceVnd, dueWorkingDays: t.dueWorkingDays, active: t.active, updatedAt: t.updatedAt.toISOString() });
const promotionView = (p: BcciPromotion): PromotionView => ({
  id: p.id,
  name: p.name,
  startsOn: p.startsOn,
  endsOn: p.endsOn,
  percent: p.percent,
  legKinds: p.legKinds,
  serviceLevels: p.serviceLevels,
  fields: p.fields,
  active: p.active,
  updatedAt: p.updatedAt.toISOString(),
});

/** Tariffs and promotion rules (admin CRUD) and the quote used at creation, where the result is frozen on each leg. */
@Injectable()
export class PricingService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  async quote(input: { option: BcciOption; serviceLevel: ServiceLevel; field: string; routeType?: RouteType }, at: Date = this.clock.now()): Promise<QuoteView> {
    const [tariffs, promotions] = await Promise.all([this.db.getRepository(BcciTariff).find(), this.db.getRepository(BcciPromotion).findBy({ active: true })]);
    const routeType = input.routeType ?? 'intra_province';
    const lines: PriceLine[] = [];
    for (const legKind of legKindsOf(input.option)) {
      try {
        lines.push(priceLeg({ legKind, routeType, serviceLevel: input.serviceLevel, field: input.field, at }, tariffs, promotions));
      } catch (err) {
        if (err instanceof NoTariffError) throw new ValidationError(`routeType: ${err.message}`, { field: 'routeType' });
        throw err;
      }
    }
    return { lines, totalPostage: lines.reduce((s, l) => s + l.postage, 0), totalDiscount: lines.reduce((s, l) => s + l.discount, 0) };
  }

  async listTariffs(): Promise<TariffView[]> {
    return (await this.db.getRepository(BcciTariff).find({ order: { legKind: 'ASC', routeType: 'ASC' } })).map(tariffView);
  }

  async createTariff(dto: TariffDto, actorId: string): Promise<TariffView> {
    const id = uuidv7();
    await this.db.transaction(async (m) => {
      if (await m.countBy(BcciTariff, { legKind: dto.legKind, routeType: dto.routeType })) {
        throw new ConflictError(`a tariff for ${dto.legKind} legs on ${dto.routeType} already exists (edit it)`);
      }
      await m.insert(BcciTariff, { id, ...dto, active: dto.active ?? true, updatedAt: this.clock.now() });
      await writeAudit(m, { actorId, entityType: 'bcci_tariff', entityId: id, action: 'created', data: { ...dto } });
    });
    return tariffView(await this.db.getRepository(BcciTariff).findOneByOrFail({ id }));
  }

  async updateTariff(id: string, dto: UpdateTariffDto, actorId: string): Promise<TariffView> {
    await this.db.transaction(async (m) => {
      if (!(await m.countBy(BcciTariff, { id }))) throw new NotFoundError('Tariff', id);
      await m.update(BcciTariff, { id }, { ...dto, updatedAt: this.clock.now() });
      await writeAudit(m, { actorId, entityType: 'bcci_tariff', entityId: id, action: 'updated', data: { ...dto } });
    });
    return tariffView(await this.db.getRepository(BcciTariff).findOneByOrFail({ id }));
  }

  async listPromotions(): Promise<PromotionView[]> {
    return (await this.db.getRepository(BcciPromotion).find({ order: { startsOn: 'DESC' } })).map(promotionView);
  }

  async createPromotion(dto: PromotionDto, actorId: string): Promise<PromotionView> {
    if (dto.endsOn < dto.startsOn) throw new ValidationError('endsOn: the window ends before it starts', { field: 'endsOn', constraint: 'dateOrder' });
    if (!dto.legKinds.length) throw new ValidationError('legKinds: name at least one leg kind', { field: 'legKinds', constraint: 'arrayNotEmpty' });
    const id = uuidv7();
    await this.db.transaction(async (m) => {
      await m.insert(BcciPromotion, {
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
      await writeAudit(m, { actorId, entityType: 'bcci_promotion', entityId: id, action: 'created', data: { ...dto } });
    });
    return promotionView(await this.db.getRepository(BcciPromotion).findOneByOrFail({ id }));
  }

  async updatePromotion(id: string, dto: UpdatePromotionDto, actorId: string): Promise<PromotionView> {
    const current = await this.db.getRepository(BcciPromotion).findOneBy({ id });
    if (!current) throw new NotFoundError('Promotion', id);
    const merged = { ...current, ...dto };
    if (merged.endsOn < merged.startsOn) throw new ValidationError('endsOn: the window ends before it starts', { field: 'endsOn', constraint: 'dateOrder' });
    if (!merged.legKinds.length) throw new ValidationError('legKinds: name at least one leg kind', { field: 'legKinds', constraint: 'arrayNotEmpty' });
    await this.db.transaction(async (m) => {
      await m.update(BcciPromotion, { id }, { ...dto, updatedAt: this.clock.now() } as never);
      await writeAudit(m, { actorId, entityType: 'bcci_promotion', entityId: id, action: 'updated', data: { ...dto } });
    });
    return promotionView(await this.db.getRepository(BcciPromotion).findOneByOrFail({ id }));
  }
}
