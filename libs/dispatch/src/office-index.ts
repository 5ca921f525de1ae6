import { type OpeningHours, vnDayStart, vnWallClock } from '@hotline/contracts';
import { nextOpeningAt } from '@hotline/geo';

/**
 * In-memory index of post offices for routing. Eligibility requires the office to serve the leg's commune, so the index
 * buckets offices by served commune (a commune's bucket holds tens to hundreds of offices, not thousands), each bucket
 * sorted by latitude: the nearest eligible office is found by sweeping outwards from the leg's latitude, and the sweep
 * stops as soon as the latitude difference alone puts every office left farther than the best one found.
 */
export interface IndexedOffice {
  id: string;
  lat: number;
  lng: number;
  active: boolean;
  dailyCapacity: number;
  openingHours: OpeningHours;
  serves: readonly string[];
}

export interface Point {
  lat: number;
  lng: number;
}

const R_KM = 6371.0088;
const RAD = Math.PI / 180;

/** Great-circle distance (haversine) in km. */
export function haversineKm(a: Point, b: Point): number {
  const dLat = (b.lat - a.lat) * RAD;
  const dLng = (b.lng - a.lng) * RAD;
  const s = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * RAD) * Math.cos(b.lat * RAD) * Math.sin(dLng / 2) ** 2;
  return 2 * R_KM * Math.asin(Math.min(1, Math.sqrt(s)));
}

export interface RoutingContext {
  communeCode: string;
  point: Point;
  at: Date;
  /** Offices that already rejected or timed out on this leg. */
  excluded: ReadonlySet<string>;
  /** Assignments counted today per office (pending + accepted). */
  loadToday: ReadonlyMap<string, number>;
}

export type RoutingDecision =
  | { kind: 'office'; officeId: string; distanceKm: number }
  /** Eligible offices exist but none is open (or under capacity) now: retry at `at`. */
  | { kind: 'wait'; at: Date }
  | { kind: 'none' };

const DAY_KEYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

/** Opening hours compiled once per index build: per weekday (0 = Sunday, local time), [startMinute, endMinute) pairs. */
export type CompiledWeek = ReadonlyArray<ReadonlyArray<readonly [number, number]>>;

const toMinutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));

export function compileHours(hours: OpeningHours): CompiledWeek {
  return DAY_KEYS.map((d) => (hours[d] ?? []).map(([a, b]) => [toMinutes(a), toMinutes(b)] as const));
}

/** Start of the next local (Vietnam) day. */
function nextLocalMidnight(at: Date): Date {
  return new Date(vnDayStart(at).getTime() + 86400_000);
}

/** What the index precomputes per office: compiled hours and cos(latitude). */
interface Candidate extends IndexedOffice {
  week?: CompiledWeek;
  cosLat?: number;
}

function prepare(o: Candidate): void {
  o.week = compileHours(o.openingHours);
  o.cosLat = Math.cos(o.lat * RAD);
}

/** Whether `o` is open at `minute` of local weekday `day` (compiled hours). */
function openAt(o: Candidate, day: number, minute: number): boolean {
  const periods = o.week![day];
  for (let i = 0; i < periods.length; i++) if (minute >= periods[i][0] && minute < periods[i][1]) return true;
  return false;
}

/**
 * Pure decision over a list of candidate offices (the commune's bucket, or all offices for the brute-force baseline).
 * The hot path computes the local weekday/minute and cos(φ) of the point once, and per office only haversineKm's term
 * s = sin²(Δφ/2) + cosφ₁·cosφ₂·sin²(Δλ/2) (the same operations in the same order, the office's cosφ₂ precomputed): the
 * distance 2R·asin(√s) never decreases as s grows, so it is only computed for an office whose s beats the best so far —
 * bit for bit the distances and the winner (the first of equal distances) of haversineKm over every office, without its
 * per-office cosines, sqrt, asin and allocation.
 * The next opening time is only computed (second pass) when no office can take the leg now.
 */
export function decide(
  candidates: readonly IndexedOffice[],
  ctx: RoutingContext,
  requireServes = false,
): RoutingDecision {
  const q = queryOf(ctx);
  let best: IndexedOffice | null = null;
  let bestS = Infinity;
  let bestD = Infinity;
  let waiting = false;
  for (const o of candidates as Candidate[]) {
    if (!eligible(o, ctx, requireServes)) continue;
    if (o.cosLat === undefined) prepare(o); // offices given to decide() without an OfficeIndex
    if (!takesNow(o, ctx, q)) {
      waiting = true;
      continue;
    }
    const s = haversineTerm(q, o);
    if (s >= bestS) continue;
    const d = kmOf(s);
    if (d < bestD) {
      bestS = s;
      bestD = d;
      best = o;
    }
  }
  if (best) return { kind: 'office', officeId: best.id, distanceKm: Math.round(bestD * 1000) / 1000 };
  return waiting ? nextChance(candidates, ctx, requireServes) : { kind: 'none' };
}

/** What a decision computes once: the point, cos(φ) of it, the local weekday and minute. */
interface Query {
  lat: number;
  lng: number;
  cosLat: number;
  day: number;
  minute: number;
}

function queryOf(ctx: RoutingContext): Query {
  const local = vnWallClock(ctx.at);
  const { lat, lng } = ctx.point;
  return {
    lat,
    lng,
    cosLat: Math.cos(lat * RAD),
    day: local.getUTCDay(),
    minute: local.getUTCHours() * 60 + local.getUTCMinutes() + local.getUTCSeconds() / 60,
  };
}

/** haversineKm's s for (point, office), the same operations in the same order: the same bits. */
function haversineTerm(q: Query, o: Candidate): number {
  return Math.sin(((o.lat - q.lat) * RAD) / 2) ** 2 + q.cosLat * o.cosLat! * Math.sin(((o.lng - q.lng) * RAD) / 2) ** 2;
}

/** haversineKm's distance from its s. */
function kmOf(s: number): number {
  return 2 * R_KM * Math.asin(Math.min(1, Math.sqrt(s)));
}

/** Under its daily capacity and open now. */
function takesNow(o: Candidate, ctx: RoutingContext, q: Query): boolean {
  return (ctx.loadToday.get(o.id) ?? 0) < o.dailyCapacity && openAt(o, q.day, q.minute);
}

function eligible(o: IndexedOffice, ctx: RoutingContext, requireServes: boolean): boolean {
  return o.active && !ctx.excluded.has(o.id) && (!requireServes || o.serves.includes(ctx.communeCode));
}

/** No office can take the leg now: the earliest next opening (after midnight for an office at capacity). */
function nextChance(
  candidates: readonly IndexedOffice[],
  ctx: RoutingContext,
  requireServes: boolean,
): RoutingDecision {
  let wait: number | null = null;
  for (const o of candidates) {
    if (!eligible(o, ctx, requireServes)) continue;
    const full = (ctx.loadToday.get(o.id) ?? 0) >= o.dailyCapacity;
    const next = nextOpeningAt(o.openingHours, full ? nextLocalMidnight(ctx.at) : ctx.at);
    if (next && (wait === null || next.getTime() < wait)) wait = next.getTime();
  }
  return wait === null ? { kind: 'none' } : { kind: 'wait', at: new Date(wait) };
}

/**
 * Relative slack on s for the sweep's stop and skip tests: far above the rounding error of sin, sqrt and asin (≈ 1e-16),
 * far below any real difference of distance, so that an office is only left out when its distance is certainly larger.
 */
const SLACK = 1 + 1e-9;

/** A commune's offices in index order (of equal distances the first wins) and sorted by latitude (the sweep). */
interface Bucket {
  offices: Candidate[];
  byLat: Candidate[];
  lats: Float64Array;
  /** byLat[i]'s position in `offices`. */
  rank: Int32Array;
}

function bucketOf(offices: Candidate[]): Bucket {
  const order = offices.map((_, i) => i).sort((a, b) => offices[a].lat - offices[b].lat || a - b);
  return {
    offices,
    byLat: order.map((i) => offices[i]),
    lats: Float64Array.from(order, (i) => offices[i].lat),
    rank: Int32Array.from(order),
  };
}

/** The first position whose latitude is ≥ lat. */
function firstAtOrAbove(lats: Float64Array, lat: number): number {
  let lo = 0;
  let hi = lats.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (lats[mid] < lat) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * decide() over a bucket, visiting offices by growing latitude difference. An office |Δφ| away has s ≥ sin²(Δφ/2), so
 * once that bound exceeds the best s (with SLACK) no office left can be as near: the sweep stops. Same answer as decide()
 * over the bucket in index order, ties included (the lower rank wins).
 */
function sweep(b: Bucket, ctx: RoutingContext): RoutingDecision {
  const q = queryOf(ctx);
  let hi = firstAtOrAbove(b.lats, q.lat);
  let lo = hi - 1;
  let best = -1;
  let bestS = Infinity;
  let bestD = Infinity;
  let waiting = false;
  while (lo >= 0 || hi < b.lats.length) {
    const i = hi < b.lats.length && (lo < 0 || b.lats[hi] - q.lat <= q.lat - b.lats[lo]) ? hi++ : lo--;
    const o = b.byLat[i];
    if (best >= 0 && Math.sin(((o.lat - q.lat) * RAD) / 2) ** 2 > bestS * SLACK) break;
    if (!eligible(o, ctx, false)) continue;
    if (!takesNow(o, ctx, q)) {
      waiting = true;
      continue;
    }
    const s = haversineTerm(q, o);
    if (s > bestS * SLACK) continue;
    const d = kmOf(s);
    if (d < bestD || (d === bestD && b.rank[i] < b.rank[best])) {
      best = i;
      bestS = s;
      bestD = d;
    }
  }
  if (best >= 0) return { kind: 'office', officeId: b.byLat[best].id, distanceKm: Math.round(bestD * 1000) / 1000 };
  return waiting ? nextChance(b.offices, ctx, false) : { kind: 'none' };
}

export class OfficeIndex {
  private readonly byCommune = new Map<string, Bucket>();
  readonly size: number;

  constructor(readonly offices: readonly IndexedOffice[]) {
    const lists = new Map<string, Candidate[]>();
    for (const o of offices as Candidate[]) {
      prepare(o);
      for (const c of o.serves) {
        let list = lists.get(c);
        if (!list) lists.set(c, (list = []));
        list.push(o);
      }
    }
    for (const [commune, list] of lists) this.byCommune.set(commune, bucketOf(list));
    this.size = offices.length;
  }

  candidates(communeCode: string): readonly IndexedOffice[] {
    return this.byCommune.get(communeCode)?.offices ?? [];
  }

  decide(ctx: RoutingContext): RoutingDecision {
    const bucket = this.byCommune.get(ctx.communeCode);
    return bucket ? sweep(bucket, ctx) : { kind: 'none' };
  }

  /** The same decision by scanning every office: the benchmark's baseline. */
  bruteForce(ctx: RoutingContext): RoutingDecision {
    return decide(this.offices, ctx, true);
  }
}
