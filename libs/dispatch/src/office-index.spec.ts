import type { OpeningHours } from '@hotline/contracts';
import { isOpenAt, nextOpeningAt } from '@hotline/geo';
import { IndexedOffice, OfficeIndex, RoutingContext, RoutingDecision, haversineKm } from './office-index';

const ALWAYS: OpeningHours = Object.fromEntries(
  ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [['00:00', '23:59']]]),
);
const WEEKDAYS_ONLY: OpeningHours = Object.fromEntries(
  ['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [['07:00', '17:00']]]),
);

function office(id: string, lat: number, lng: number, extra: Partial<IndexedOffice> = {}): IndexedOffice {
  return { id, lat, lng, active: true, dailyCapacity: 10, openingHours: ALWAYS, serves: ['X'], ...extra };
}

const P = { lat: 13.98, lng: 108.0 };
// Wednesday 2026-01-07 10:00 in Vietnam.
const WED_10 = new Date('2026-01-07T10:00:00+07:00');
const SAT_10 = new Date('2026-01-10T10:00:00+07:00');

function ctx(extra: Partial<RoutingContext> = {}): RoutingContext {
  return { communeCode: 'X', point: P, at: WED_10, excluded: new Set(), loadToday: new Map(), ...extra };
}

describe('haversineKm', () => {
  it('is about 111 km per degree of latitude', () =>
    expect(haversineKm({ lat: 13, lng: 108 }, { lat: 14, lng: 108 })).toBeCloseTo(111.2, 0));
  it('is 0 for the same point', () => expect(haversineKm(P, P)).toBe(0));
});

describe('OfficeIndex.decide', () => {
  const near = office('near', 13.981, 108.0);
  const mid = office('mid', 13.99, 108.0);
  const far = office('far', 14.2, 108.0);
  const other = office('other-commune', 13.98, 108.0, { serves: ['Y'] });

  it.each<[string, IndexedOffice[], Partial<RoutingContext>, unknown]>([
    ['picks the nearest serving office', [far, mid, near, other], {}, { kind: 'office', officeId: 'near' }],
    [
      'skips an office that does not serve the commune even if nearer',
      [other, far],
      {},
      { kind: 'office', officeId: 'far' },
    ],
    ['skips excluded offices', [near, mid, far], { excluded: new Set(['near']) }, { kind: 'office', officeId: 'mid' }],
    [
      'skips inactive offices',
      [office('near', 13.981, 108, { active: false }), mid],
      {},
      { kind: 'office', officeId: 'mid' },
    ],
    [
      'skips offices at capacity',
      [near, mid],
      { loadToday: new Map([['near', 10]]) },
      { kind: 'office', officeId: 'mid' },
    ],
    ['none when every office is excluded', [near, mid], { excluded: new Set(['near', 'mid']) }, { kind: 'none' }],
    ['none when no office serves the commune', [other], {}, { kind: 'none' }],
  ])('%s', (_name, offices, extra, expected) => {
    const index = new OfficeIndex(offices);
    expect(index.decide(ctx(extra))).toMatchObject(expected as object);
    expect(index.bruteForce(ctx(extra))).toMatchObject(expected as object);
  });

  it('waits for the next opening when the eligible offices are closed now', () => {
    const index = new OfficeIndex([office('weekday', 13.981, 108, { openingHours: WEEKDAYS_ONLY })]);
    expect(index.decide(ctx({ at: SAT_10 }))).toEqual({ kind: 'wait', at: new Date('2026-01-12T07:00:00+07:00') });
  });

  it('prefers an open office over a nearer closed one', () => {
    const index = new OfficeIndex([office('closed', 13.9801, 108, { openingHours: WEEKDAYS_ONLY }), far]);
    expect(index.decide(ctx({ at: SAT_10 }))).toMatchObject({ kind: 'office', officeId: 'far' });
  });

  it('agrees with the brute-force scan on random data', () => {
    let seed = 42;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const communes = Array.from({ length: 50 }, (_, i) => `C${i}`);
    const offices = Array.from({ length: 1000 }, (_, i) =>
      office(`o${i}`, 13 + rnd() * 2, 107.5 + rnd() * 2, {
        serves: [communes[Math.floor(rnd() * 50)], communes[Math.floor(rnd() * 50)]],
        active: rnd() > 0.1,
      }),
    );
    const index = new OfficeIndex(offices);
    for (let i = 0; i < 200; i++) {
      const c = ctx({ communeCode: communes[i % 50], point: { lat: 13 + rnd() * 2, lng: 107.5 + rnd() * 2 } });
      expect(index.decide(c)).toEqual(index.bruteForce(c));
    }
  });

  it('answers what a naive scan answers (haversineKm per office, first of equal distances) on random data', () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)];
    const communes = Array.from({ length: 150 }, (_, i) => `C${i}`);
    const NEVER: OpeningHours = {};
    // A coarse grid of coordinates (equal distances), and offices twinned with the previous one (same point, same
    // communes): ties, where the first office of the bucket must win.
    const coord = (base: number) => base + (rnd() < 0.5 ? Math.floor(rnd() * 5) * 0.01 : rnd());
    const offices: IndexedOffice[] = [];
    for (let i = 0; i < 300; i++) {
      const twin = i > 0 && rnd() < 0.4 ? offices[i - 1] : null;
      offices.push(
        office(`o${i}`, twin?.lat ?? coord(13.5), twin?.lng ?? coord(107.9), {
          serves: twin?.serves ?? [pick(communes), pick(communes)],
          active: rnd() > 0.1,
          dailyCapacity: 1 + Math.floor(rnd() * 3),
          openingHours: pick([ALWAYS, ALWAYS, WEEKDAYS_ONLY, NEVER]),
        }),
      );
    }
    const index = new OfficeIndex(offices);
    const times = [WED_10, SAT_10, new Date('2026-01-07T06:30:00+07:00'), new Date('2026-01-09T16:59:30+07:00')];
    const kinds: Record<string, number> = { office: 0, wait: 0, none: 0 };
    for (let i = 0; i < 2000; i++) {
      const c = ctx({
        communeCode: pick(communes),
        point: { lat: coord(13.5), lng: coord(107.9) },
        at: pick(times),
        excluded: new Set(Array.from({ length: Math.floor(rnd() * 20) }, () => `o${Math.floor(rnd() * 300)}`)),
        loadToday: new Map(Array.from({ length: 60 }, () => [`o${Math.floor(rnd() * 300)}`, Math.floor(rnd() * 4)])),
      });
      const expected = naive(offices, c);
      expect(index.decide(c)).toEqual(expected);
      kinds[expected.kind]++;
    }
    // Every branch is exercised: an office now, a wait for the next opening, none at all.
    expect(Math.min(kinds.office, kinds.wait, kinds.none)).toBeGreaterThan(50);
  });
});

/** The decision written the obvious way, independent of the index's code: the oracle of the property test. */
function naive(offices: IndexedOffice[], c: RoutingContext): RoutingDecision {
  const eligible = offices.filter((o) => o.active && !c.excluded.has(o.id) && o.serves.includes(c.communeCode));
  const free = (o: IndexedOffice) => (c.loadToday.get(o.id) ?? 0) < o.dailyCapacity;
  const now = eligible.filter((o) => free(o) && isOpenAt(o.openingHours, c.at));
  if (now.length) {
    const ranked = now.map((o, i) => ({ o, i, d: haversineKm(c.point, o) })).sort((a, b) => a.d - b.d || a.i - b.i);
    return { kind: 'office', officeId: ranked[0].o.id, distanceKm: Math.round(ranked[0].d * 1000) / 1000 };
  }
  const midnight = new Date(new Date(c.at.getTime() + 7 * 3600_000).setUTCHours(0, 0, 0, 0) - 7 * 3600_000 + 86400_000);
  const next = eligible
    .map((o) => nextOpeningAt(o.openingHours, free(o) ? c.at : midnight))
    .filter((d): d is Date => d !== null)
    .sort((a, b) => a.getTime() - b.getTime());
  return next.length ? { kind: 'wait', at: next[0] } : { kind: 'none' };
}
