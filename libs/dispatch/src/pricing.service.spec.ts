import type Redis from 'ioredis';
import type { AppConfig } from '@hotline/core';
import { PricingService, PRICING_CACHE_TTL_MS } from './pricing.service';
import type { PricingRepository } from './repositories/pricing.repository';
import { FakeClock } from '@hotline/core';

function setup() {
  let price = 20_000;
  let loads = 0;
  let hold: Promise<void> | null = null;
  let release = () => undefined as void;
  const tables = {
    tariffs: async () => {
      loads++;
      const seen = price;
      const h = hold;
      hold = null;
      if (h) await h;
      return [tariff(seen)];
    },
    activePromotions: async () => [],
  } as unknown as PricingRepository;
  const published: string[] = [];
  const redis = { publish: async (channel: string) => void published.push(channel) } as unknown as Redis;
  const config = { redis: { prefix: 't:' } } as AppConfig;
  const pricing = new PricingService(tables, new FakeClock('2026-03-02T02:00:00Z'), redis, config);
  const quote = async () =>
    (await pricing.quote({ option: 'send_dossier', serviceLevel: '3', field: 'Đất đai' })).lines[0].basePostage;
  return {
    pricing,
    quote,
    published,
    loads: () => loads,
    setPrice: (p: number) => (price = p),
    holdNextLoad: () => (hold = new Promise<void>((r) => (release = r))),
    releaseLoad: () => release(),
  };
}

const tariff = (priceVnd: number) => ({
  id: 't1',
  legKind: 'pickup',
  routeType: 'intra_province',
  priceVnd,
  dueWorkingDays: 1,
  active: true,
  updatedAt: new Date(),
});

describe('PricingService: the tariffs and promotions in memory', () => {
  afterEach(() => jest.useRealTimers());

  it('loads once, then serves from memory until an edit (here, or announced by another process)', async () => {
    const s = setup();
    expect(await s.quote()).toBe(20_000);
    expect(await s.quote()).toBe(20_000);
    expect(s.loads()).toBe(1);
    s.setPrice(21_000);
    await s.pricing.changed();
    expect(await s.quote()).toBe(21_000);
    expect(s.loads()).toBe(2);
    expect(s.published).toEqual(['t:dispatch:pricing-changed']);
  });

  it('a lost message is healed by the TTL', async () => {
    jest.useFakeTimers({ now: Date.parse('2026-03-02T00:00:00Z') });
    const s = setup();
    await s.quote();
    s.setPrice(22_000); // another process edited, its message never arrived
    jest.setSystemTime(Date.now() + PRICING_CACHE_TTL_MS);
    expect(await s.quote()).toBe(22_000);
  });

  it('a load that raced an edit is not kept', async () => {
    const s = setup();
    s.holdNextLoad();
    const racing = s.quote(); // reads the old price, then waits
    await new Promise((r) => setImmediate(r));
    s.setPrice(23_000);
    await s.pricing.changed();
    s.releaseLoad();
    expect(await racing).toBe(20_000);
    expect(await s.quote()).toBe(23_000);
  });
});
