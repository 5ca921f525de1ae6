import type { OpeningHours } from '@hotline/contracts';
import { IndexedOffice, OfficeIndex, RoutingContext, haversineKm } from './office-index';

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
});
