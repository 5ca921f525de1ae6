import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { onePage } from '@hotline/contracts';
import type Redis from 'ioredis';
import type {
  BcciOption,
  LegKind,
  Page,
  PriceLine,
  PromotionView,
  QuoteView,
  RouteType,
  ServiceLevel,
  TariffView,
} from '@hotline/contracts';
import {
  APP_CONFIG,
  AppConfig,
  Clock,
  closeRedis,
  createRedis,
  REDIS,
  ValidationError,
  VersionedCache,
} from '@hotline/core';
import type { BcciPromotion } from './bcci-promotion.entity';
import type { BcciTariff } from './bcci-tariff.entity';
import { NoTariffError, priceLeg } from './pricing';
import { PricingRepository } from './repositories/pricing.repository';
import { promotionView, tariffView } from './views';

export function legKindsOf(option: BcciOption): LegKind[] {
  return option === 'both' ? ['pickup', 'return'] : option === 'send_dossier' ? ['pickup'] : ['return'];
}

/** Safety net only: edits reach every process at once through Redis pub/sub; a lost message is healed after this long. */
export const PRICING_CACHE_TTL_MS = 60_000;

interface PricingRules {
  tariffs: BcciTariff[];
  promotions: BcciPromotion[];
}

export interface QuoteInput {
  option: BcciOption;
  serviceLevel: ServiceLevel;
  field: string;
  routeType?: RouteType;
}

/**
 * Tariffs and promotion rules as the quote sees them (the quote runs on every creation, where its result is frozen on
 * each leg), and their lists. The (small) tariff and active-promotion tables are kept in memory (core's VersionedCache).
 * An admin edit (SaveTariff, SavePromotion) drops this process's copy at once and publishes on the Redis channel
 * `<prefix>dispatch:pricing-changed`, on which every api and worker process listens and drops its copy too; the TTL
 * above bounds the staleness if a message is ever lost (Redis reconnecting).
 */
@Injectable()
export class PricingService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(PricingService.name);
  private readonly cache: VersionedCache<'rules', PricingRules>;
  /** Bumped by every invalidation; a load that raced one keeps the old number and is reloaded at the next read. */
  private generation = 0;
  private subscriber: Redis | null = null;
  private readonly channel: string;

  constructor(
    private readonly tables: PricingRepository,
    private readonly clock: Clock,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.channel = `${config.redis.prefix}dispatch:pricing-changed`;
    this.cache = new VersionedCache({
      // The version is local and free: the invalidation count and the TTL's time slot.
      recheckMs: 0,
      version: () => Promise.resolve(`${this.generation}|${Math.floor(Date.now() / PRICING_CACHE_TTL_MS)}`),
      load: async () => {
        const [tariffs, promotions] = await Promise.all([this.tables.tariffs(), this.tables.activePromotions()]);
        return { tariffs, promotions };
      },
    });
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
  rules(): Promise<PricingRules> {
    return this.cache.get('rules');
  }

  private invalidateLocal(): void {
    this.generation++;
    this.cache.invalidate();
  }

  /**
   * After an admin edit commits: this process at once, the others through Redis. A cache hint, not an effect of the unit
   * of work: if it is lost, the TTL heals.
   */
  async changed(): Promise<void> {
    this.invalidateLocal();
    await this.redis
      .publish(this.channel, String(Date.now()))
      .catch((err: Error) =>
        this.logger.warn(
          `Could not announce a pricing change (other processes refresh within ${PRICING_CACHE_TTL_MS / 1000} s): ${err.message}`,
        ),
      );
  }

  async quote(input: QuoteInput, at: Date = this.clock.now()): Promise<QuoteView> {
    const { tariffs, promotions } = await this.rules();
    const routeType = input.routeType ?? 'intra_province';
    const lines: PriceLine[] = legKindsOf(input.option).map((legKind) => {
      try {
        return priceLeg(
          { legKind, routeType, serviceLevel: input.serviceLevel, field: input.field, at },
          tariffs,
          promotions,
        );
      } catch (err) {
        if (err instanceof NoTariffError)
          throw new ValidationError(`routeType: ${err.message}`, { field: 'routeType' });
        throw err;
      }
    });
    return {
      lines,
      totalPostage: lines.reduce((s, l) => s + l.postage, 0),
      totalDiscount: lines.reduce((s, l) => s + l.discount, 0),
    };
  }

  /** Every tariff, in one page (the table is small: one row per leg kind and route type). */
  async listTariffs(): Promise<Page<TariffView>> {
    return onePage((await this.tables.tariffs()).map(tariffView));
  }

  /** Every promotion rule, newest window first, in one page. */
  async listPromotions(): Promise<Page<PromotionView>> {
    return onePage((await this.tables.promotions()).map(promotionView));
  }
}
