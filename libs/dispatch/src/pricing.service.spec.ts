import { FakeClock, FakeInvalidationBus } from '@hotline/core';
import { PRICING_CACHE_TOPIC, PricingService, PRICING_CACHE_TTL_MS } from './pricing.service';
import type { PricingRepository } from './repositories/pricing.repository';

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
  const bus = new FakeInvalidationBus();
  const pricing = new PricingService(tables, new FakeClock('2026-03-02T02:00:00Z'), bus);
  pricing.onModuleInit();
  const quote = async () =>
    (await pricing.quote({ option: 'send_dossier', serviceLevel: '3', field: 'Đất đai' })).lines[0].basePostage;
  return {
    pricing,
    quote,
    bus,
    /** What an edit's outbox effect does here (a SaveTariff in this process, or its message from another). */
    edited: () => bus.invalidateLocal(PRICING_CACHE_TOPIC),
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
    s.edited();
    expect(await s.quote()).toBe(21_000);
    expect(s.loads()).toBe(2);
  });

  it('drops its copy when the invalidation subscriber reconnects (messages sent meanwhile are lost)', async () => {
    const s = setup();
    expect(await s.quote()).toBe(20_000);
    s.bus.disconnect();
    s.setPrice(24_000); // edited elsewhere; the message never arrived
    s.bus.reconnect();
    expect(await s.quote()).toBe(24_000);
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
    s.edited();
    s.releaseLoad();
    expect(await racing).toBe(20_000);
    expect(await s.quote()).toBe(23_000);
  });
});
