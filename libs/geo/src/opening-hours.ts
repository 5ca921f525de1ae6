import { OpeningHours, VN_UTC_OFFSET_MS, WEEKDAYS, Weekday } from '@hotline/contracts';

const DAY_ALIASES: Record<string, Weekday> = {
  sun: 'sun',
  mon: 'mon',
  tue: 'tue',
  wed: 'wed',
  thu: 'thu',
  fri: 'fri',
  sat: 'sat',
  cn: 'sun',
  t2: 'mon',
  t3: 'tue',
  t4: 'wed',
  t5: 'thu',
  t6: 'fri',
  t7: 'sat',
};
// Week order for ranges such as "mon-fri" or "T2-T7" (Monday first, Sunday last, as on Vietnamese signs).
const WEEK_ORDER: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

export const DEFAULT_OPENING_HOURS: OpeningHours = {
  mon: [
    ['07:00', '11:30'],
    ['13:30', '17:00'],
  ],
  tue: [
    ['07:00', '11:30'],
    ['13:30', '17:00'],
  ],
  wed: [
    ['07:00', '11:30'],
    ['13:30', '17:00'],
  ],
  thu: [
    ['07:00', '11:30'],
    ['13:30', '17:00'],
  ],
  fri: [
    ['07:00', '11:30'],
    ['13:30', '17:00'],
  ],
  sat: [['07:00', '11:30']],
};

export type ParseResult = { ok: true; value: OpeningHours } | { ok: false; error: string };

function minutes(t: string): number {
  return Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
}

/** Checks an OpeningHours object: known days, HH:mm times, each period start < end, periods sorted and not overlapping. */
export function validateOpeningHours(value: unknown): ParseResult {
  if (!value || typeof value !== 'object' || Array.isArray(value))
    return { ok: false, error: 'opening hours must be an object of weekdays' };
  const out: OpeningHours = {};
  for (const [day, periods] of Object.entries(value as Record<string, unknown>)) {
    if (!(WEEKDAYS as readonly string[]).includes(day))
      return { ok: false, error: `unknown weekday "${day}" (use ${WEEKDAYS.join(', ')})` };
    if (!Array.isArray(periods)) return { ok: false, error: `${day}: periods must be a list of ["HH:mm","HH:mm"]` };
    const list: Array<[string, string]> = [];
    for (const p of periods) {
      if (!Array.isArray(p) || p.length !== 2 || !TIME.test(String(p[0])) || !TIME.test(String(p[1]))) {
        return { ok: false, error: `${day}: each period must be ["HH:mm","HH:mm"]` };
      }
      if (minutes(p[0]) >= minutes(p[1]))
        return { ok: false, error: `${day}: period ${p[0]}-${p[1]} ends before it starts` };
      list.push([p[0], p[1]]);
    }
    list.sort((a, b) => minutes(a[0]) - minutes(b[0]));
    for (let i = 1; i < list.length; i++) {
      if (minutes(list[i][0]) < minutes(list[i - 1][1]))
        return { ok: false, error: `${day}: periods ${list[i - 1].join('-')} and ${list[i].join('-')} overlap` };
    }
    if (list.length) out[day as Weekday] = list;
  }
  return { ok: true, value: out };
}

/**
 * Parses the compact form used in CSV files, e.g. `mon-fri 07:00-11:30,13:30-17:00; sat 07:00-11:30`
 * (Vietnamese day names work too: `T2-T6 07:00-11:30,13:30-17:00; T7 07:00-11:30`), or a JSON object.
 */
export function parseOpeningHours(text: string): ParseResult {
  const trimmed = text.trim();
  if (!trimmed) return { ok: false, error: 'opening hours are empty' };
  if (trimmed.startsWith('{')) {
    try {
      return validateOpeningHours(JSON.parse(trimmed));
    } catch {
      return { ok: false, error: 'opening hours look like JSON but do not parse' };
    }
  }
  const result: Record<string, Array<[string, string]>> = {};
  for (const clause of trimmed
    .split(';')
    .map((c) => c.trim())
    .filter(Boolean)) {
    const m = clause.match(/^(\S+)\s+(.+)$/);
    if (!m) return { ok: false, error: `"${clause}": expected "<days> HH:mm-HH:mm[,HH:mm-HH:mm]"` };
    const days = expandDays(m[1]);
    if (!days)
      return { ok: false, error: `"${m[1]}": unknown days (use mon..sun or T2..T7, CN, and ranges like mon-fri)` };
    const periods: Array<[string, string]> = [];
    for (const range of m[2].split(',').map((r) => r.trim())) {
      const pm = range.match(/^(\d{1,2}:\d{2})\s*-\s*(\d{1,2}:\d{2})$/);
      if (!pm) return { ok: false, error: `"${range}": expected HH:mm-HH:mm` };
      periods.push([pm[1].padStart(5, '0'), pm[2].padStart(5, '0')]);
    }
    for (const d of days) result[d] = [...(result[d] ?? []), ...periods];
  }
  return validateOpeningHours(result);
}

function expandDays(spec: string): Weekday[] | null {
  const out: Weekday[] = [];
  for (const part of spec.toLowerCase().split(',')) {
    const [a, b] = part.split('-');
    const from = DAY_ALIASES[a];
    const to = b === undefined ? from : DAY_ALIASES[b];
    if (!from || !to) return null;
    const i = WEEK_ORDER.indexOf(from);
    const j = WEEK_ORDER.indexOf(to);
    if (j < i) return null;
    out.push(...WEEK_ORDER.slice(i, j + 1));
  }
  return out;
}

/** The compact text form, for CSV export and display. */
export function formatOpeningHours(hours: OpeningHours): string {
  return WEEK_ORDER.filter((d) => hours[d]?.length)
    .map((d) => `${d} ${hours[d]!.map(([a, b]) => `${a}-${b}`).join(',')}`)
    .join('; ');
}

/** Post offices keep Vietnam's local time (UTC+7, no daylight saving). */
function localParts(at: Date): { day: Weekday; minute: number; dayStartMs: number } {
  const local = at.getTime() + VN_UTC_OFFSET_MS;
  const d = new Date(local);
  const dayStartMs = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) - VN_UTC_OFFSET_MS;
  return {
    day: WEEKDAYS[d.getUTCDay()],
    minute: d.getUTCHours() * 60 + d.getUTCMinutes() + d.getUTCSeconds() / 60,
    dayStartMs,
  };
}

export function isOpenAt(hours: OpeningHours, at: Date): boolean {
  const { day, minute } = localParts(at);
  return (hours[day] ?? []).some(([a, b]) => minute >= minutes(a) && minute < minutes(b));
}

/** The next instant at or after `at` when the office is open, or null when it never opens. */
export function nextOpeningAt(hours: OpeningHours, at: Date): Date | null {
  if (isOpenAt(hours, at)) return at;
  const { minute, dayStartMs } = localParts(at);
  for (let offset = 0; offset < 8; offset++) {
    const start = dayStartMs + offset * 86400_000;
    const day = WEEKDAYS[new Date(start + VN_UTC_OFFSET_MS).getUTCDay()];
    for (const [a] of hours[day] ?? []) {
      if (offset > 0 || minutes(a) > minute) return new Date(start + minutes(a) * 60_000);
    }
  }
  return null;
}
