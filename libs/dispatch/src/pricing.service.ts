import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type Redis from 'ioredis';
import { DataSource } from 'typeorm';
import type {
  LegKind,
  PriceLine,
  PromotionView,
  QuoteView,
  RouteType,
  ServiceLevel,
  TariffView,
  BcciOption,
} from '@hotline/contracts';
import {
  APP_CONFIG,
  AppConfig,
  Clock,
  closeRedis,
  ConflictError,
  createRedis,
  dbManager,
  NotFoundError,
  REDIS,
  uuidv7,
  ValidationError,
  writeAudit,
  stripUndefined,
} from '@hotline/core';
import { BcciPromotion } from './bcci-promotion.entity';
import { BcciTariff } from './bcci-tariff.entity';
import type { PromotionDto, TariffDto, UpdatePromotionDto, UpdateTariffDto } from './dispatch.dto';
import { NoTariffError, priceLeg } from './pricing';

export function legKindsOf(option: BcciOption): LegKind[] {
  return option === 'both' ? ['pickup', 'return'] : option === 'send_dossier' ? ['pickup'] : ['return'];
}

const tariffView = (t: BcciTariff): TariffView => ({
  id: t.id,
  legKind: t.legKind,
  routeType: t.routeType,
  priceVnd: t.priceVnd,
  dueWorkingDays: t.dueWorkingDays,
  active: t.active,
  updatedAt: t.updatedAt.toISOString(),
});
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

/** Safety net only: edits reach every process at once through Redis pub/sub; a lost message is healed after this long. */
export const PRICING_CACHE_TTL_MS = 60_000;

interface PricingSnapshot {
  tariffs: BcciTariff[];
  promotions: BcciPromotion[];
  loadedAt: number;
}

/**
 * Tariffs and promotion rules (admin CRUD) and the quote used at creation, where the result is frozen on each leg.
 *
 * The quote runs on every creation, so the (small) tariff and active-promotion tables are kept in memory. An admin edit
 * drops this process's copy at once and publishes on the Redis channel `<prefix>dispatch:pricing-changed`, on which every
 * api and worker process listens and drops its copy too; the TTL above bounds the staleness if a message is ever lost
 * (Redis reconnecting). A generation counter keeps a load that raced an edit from being kept.
 */
@Injectable()
export class PricingService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(PricingService.name);
  private snapshot: PricingSnapshot | null = null;
  private loading: Promise<PricingSnapshot> | null = null;
  private generation = 0;
  private subscriber: Redis | null = null;
  private readonly channel: string;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.channel = `${config.redis.prefix}dispatch:pricing-changed`;
  }

  onModuleInit(): void {
    this.subscriber = createRedis(this.config, 'dispatch-pricing-sub');
    this.subscriber.on('error', (err: Error) => this.logger.warn(`Pricing invalidation channel: ${err.message}`));
    this.subscriber.on('message', () => this.invalidateLocal());
    // On every (re)connect: subscribe, and drop the copy, since messages sent while disconnected are lost.
    this.subscriber.on('ready', () => {
      this.invalidateLocal();
      this.subscriber
        ?.subscribe(this.channel)
        .catch((err: Error) => this.logger.warn(`Pricing invalidation channel: ${err.message}`));
    });
  }

  async onModuleDestroy(): Promise<void> {
    if (this.subscriber) await closeRedis(this.subscriber);
    this.subscriber = null;
  }

  /** The tariffs and active promotions, from memory (loaded once per TTL or after an edit). */
  async rules(): Promise<{ tariffs: BcciTariff[]; promotions: BcciPromotion[] }> {
    const s = this.snapshot;
    if (s && Date.now() - s.loadedAt < PRICING_CACHE_TTL_MS) return s;
    if (!this.loading) {
      const generation = this.generation;
      this.loading = Promise.all([
        dbManager(this.db).getRepository(BcciTariff).find(),
        dbManager(this.db).getRepository(BcciPromotion).findBy({ active: true }),
      ])
        .then(([tariffs, promotions]) => {
          const loaded = { tariffs, promotions, loadedAt: Date.now() };
          if (generation === this.generation) this.snapshot = loaded;
          return loaded;
        })
        .finally(() => (this.loading = null));
    }
    return this.loading;
  }

  private invalidateLocal(): void {
    this.generation++;
    this.snapshot = null;
  }

  /** After an admin edit commits: this process at once, the others through Redis. */
  private async changed(): Promise<void> {
    this.invalidateLocal();
    await this.redis
      .publish(this.channel, String(Date.now()))
      .catch((err: Error) =>
        this.logger.warn(
          `Could not announce a pricing change (other processes refresh within ${PRICING_CACHE_TTL_MS / 1000} s): ${err.message}`,
        ),
      );
  }

  async quote(
    input: { option: BcciOption; serviceLevel: ServiceLevel; field: string; routeType?: RouteType },
    at: Date = this.clock.now(),
  ): Promise<QuoteView> {
    const { tariffs, promotions } = await this.rules();
    const routeType = input.routeType ?? 'intra_province';
    const lines: PriceLine[] = [];
    for (const legKind of legKindsOf(input.option)) {
      try {
        lines.push(
          priceLeg(
            { legKind, routeType, serviceLevel: input.serviceLevel, field: input.field, at },
            tariffs,
            promotions,
          ),
        );
      } catch (err) {
        if (err instanceof NoTariffError)
          throw new ValidationError(`routeType: ${err.message}`, { field: 'routeType' });
        throw err;
      }
    }
    return {
      lines,
      totalPostage: lines.reduce((s, l) => s + l.postage, 0),
      totalDiscount: lines.reduce((s, l) => s + l.discount, 0),
    };
  }

  async listTariffs(): Promise<TariffView[]> {
    return (
      await dbManager(this.db)
        .getRepository(BcciTariff)
        .find({ order: { legKind: 'ASC', routeType: 'ASC' } })
    ).map(tariffView);
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
    await this.changed();
    return tariffView(await dbManager(this.db).getRepository(BcciTariff).findOneByOrFail({ id }));
  }

  async updateTariff(id: string, dto: UpdateTariffDto, actorId: string): Promise<TariffView> {
    await this.db.transaction(async (m) => {
      if (!(await m.countBy(BcciTariff, { id }))) throw new NotFoundError('Tariff', id);
      const changes = stripUndefined(dto);
      await m.update(BcciTariff, { id }, { ...changes, updatedAt: this.clock.now() });
      await writeAudit(m, {
        actorId,
        entityType: 'bcci_tariff',
        entityId: id,
        action: 'updated',
        data: { ...changes },
      });
    });
    await this.changed();
    return tariffView(await dbManager(this.db).getRepository(BcciTariff).findOneByOrFail({ id }));
  }

  async listPromotions(): Promise<PromotionView[]> {
    return (
      await dbManager(this.db)
        .getRepository(BcciPromotion)
        .find({ order: { startsOn: 'DESC' } })
    ).map(promotionView);
  }

  async createPromotion(dto: PromotionDto, actorId: string): Promise<PromotionView> {
    if (dto.endsOn < dto.startsOn)
      throw new ValidationError('endsOn: the window ends before it starts', {
        field: 'endsOn',
        constraint: 'dateOrder',
      });
    if (!dto.legKinds.length)
      throw new ValidationError('legKinds: name at least one leg kind', {
        field: 'legKinds',
        constraint: 'arrayNotEmpty',
      });
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
    await this.changed();
    return promotionView(await dbManager(this.db).getRepository(BcciPromotion).findOneByOrFail({ id }));
  }

  async updatePromotion(id: string, dto: UpdatePromotionDto, actorId: string): Promise<PromotionView> {
    const current = await dbManager(this.db).getRepository(BcciPromotion).findOneBy({ id });
    if (!current) throw new NotFoundError('Promotion', id);
    const changes = stripUndefined(dto);
    const merged = { ...current, ...changes };
    if (merged.endsOn < merged.startsOn)
      throw new ValidationError('endsOn: the window ends before it starts', {
        field: 'endsOn',
        constraint: 'dateOrder',
      });
    if (!merged.legKinds.length)
      throw new ValidationError('legKinds: name at least one leg kind', {
        field: 'legKinds',
        constraint: 'arrayNotEmpty',
      });
    await this.db.transaction(async (m) => {
      await m.update(BcciPromotion, { id }, { ...changes, updatedAt: this.clock.now() } as never);
      await writeAudit(m, {
        actorId,
        entityType: 'bcci_promotion',
        entityId: id,
        action: 'updated',
        data: { ...changes },
      });
    });
    await this.changed();
    return promotionView(await dbManager(this.db).getRepository(BcciPromotion).findOneByOrFail({ id }));
  }
}
