import { Injectable, OnModuleInit } from '@nestjs/common';
import { onePage } from '@hotline/contracts';
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
import { Clock, InvalidationBus, ValidationError, VersionedCache } from '@hotline/core';
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

/** The pricing copy's topic on core's InvalidationBus: an edit records `tx.invalidate(PRICING_CACHE_TOPIC)`. */
export const PRICING_CACHE_TOPIC = 'dispatch:pricing';

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
 * An admin edit (SaveTariff, SavePromotion) records `tx.invalidate(PRICING_CACHE_TOPIC)`: once it commits, this process
 * drops its copy at once and every other api and worker process through core's InvalidationBus (Redis pub/sub), which
 * also drops the copy whenever its subscriber reconnects (messages sent meanwhile are lost); the TTL above bounds the
 * staleness if a message is ever lost anyway.
 */
@Injectable()
export class PricingService implements OnModuleInit {
  private readonly cache: VersionedCache<'rules', PricingRules>;

  constructor(
    private readonly tables: PricingRepository,
    private readonly clock: Clock,
    private readonly bus: InvalidationBus,
  ) {
    this.cache = new VersionedCache({
      recheckMs: PRICING_CACHE_TTL_MS,
      load: async () => {
        const [tariffs, promotions] = await Promise.all([this.tables.tariffs(), this.tables.activePromotions()]);
        return { tariffs, promotions };
      },
    });
  }

  onModuleInit(): void {
    this.bus.listen(PRICING_CACHE_TOPIC, () => this.cache.invalidate());
  }

  /** The tariffs and active promotions, from memory (loaded once per TTL or after an edit). */
  rules(): Promise<PricingRules> {
    return this.cache.get('rules');
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
