import { type LegKind, type PriceLine, type RouteType, type ServiceLevel, vnLocalDate } from '@hotline/contracts';

/** Pure postage pricing: tariff by leg kind and zone, then the best promotion whose local-date window and conditions match. */

export interface TariffRow {
  legKind: LegKind;
  routeType: RouteType;
  priceVnd: number;
  dueWorkingDays: number;
  active: boolean;
}

export interface PromotionRule {
  id: string;
  name: string;
  /** YYYY-MM-DD local (Vietnam time), inclusive. */
  startsOn: string;
  endsOn: string;
  percent: number;
  legKinds: LegKind[];
  serviceLevels: ServiceLevel[];
  fields: string[];
  active: boolean;
}

export interface PriceInput {
  legKind: LegKind;
  routeType: RouteType;
  serviceLevel: ServiceLevel;
  field: string;
  /** The instant the request is created: the promotion window is evaluated on its local date in Vietnam. */
  at: Date;
}

/** Case- and accent-insensitive comparison of field names ("Đăng ký giao dịch bảo đảm" = "dang ky giao dich bao dam"). */
export function normalizeField(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

export function promotionApplies(rule: PromotionRule, input: PriceInput): boolean {
  if (!rule.active || !rule.legKinds.includes(input.legKind)) return false;
  const day = vnLocalDate(input.at);
  if (day < rule.startsOn || day > rule.endsOn) return false;
  if (!rule.serviceLevels.length && !rule.fields.length) return true;
  if (rule.serviceLevels.includes(input.serviceLevel)) return true;
  const field = normalizeField(input.field);
  return rule.fields.some((f) => normalizeField(f) === field);
}

/** Integer VND, rounded half up: percentages of whole dong stay whole dong. */
export function discountOf(base: number, percent: number): number {
  return Math.floor((base * percent + 50) / 100);
}

export class NoTariffError extends Error {}

/** Price of one leg, or NoTariffError when no active tariff covers its kind and zone. */
export function priceLeg(
  input: PriceInput,
  tariffs: readonly TariffRow[],
  promotions: readonly PromotionRule[],
): PriceLine {
  const tariff = tariffs.find((t) => t.active && t.legKind === input.legKind && t.routeType === input.routeType);
  if (!tariff) throw new NoTariffError(`no active tariff for a ${input.legKind} leg on route type ${input.routeType}`);
  let best: { rule: PromotionRule; discount: number } | null = null;
  for (const rule of promotions) {
    if (!promotionApplies(rule, input)) continue;
    const discount = Math.min(tariff.priceVnd, discountOf(tariff.priceVnd, rule.percent));
    if (!best || discount > best.discount) best = { rule, discount };
  }
  const discount = best?.discount ?? 0;
  return {
    legKind: input.legKind,
    routeType: input.routeType,
    basePostage: tariff.priceVnd,
    discount,
    postage: tariff.priceVnd - discount,
    promotionId: best?.rule.id ?? null,
    promotionName: best?.rule.name ?? null,
    dueWorkingDays: tariff.dueWorkingDays,
  };
}
