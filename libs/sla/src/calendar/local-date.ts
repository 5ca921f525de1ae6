/**
 * Calendar arithmetic on plain numbers. A fixed UTC offset (Vietnam has had no DST since 1975) lets every local wall-clock value be
 * derived from epoch milliseconds by adding the offset, so no time-zone database or date library is needed.
 *
 * A "day number" is the count of local days since 1970-01-01: it turns date ranges, weekday tests and map keys into integer maths.
 */

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;

/** A calendar date in local time, `YYYY-MM-DD`. */
export type LocalDate = string;

export interface SolarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL_DATE_TIME = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/;
const CLOCK_TIME = /^(\d{2}):(\d{2})$/;

export function dayNumberFromParts(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, day) / DAY_MS);
}

/** Parses `YYYY-MM-DD`; returns undefined for a malformed or impossible date (2026-02-30), so callers choose how to fail. */
export function tryParseLocalDate(value: unknown): number | undefined {
  const match = typeof value === 'string' ? LOCAL_DATE.exec(value) : null;
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const dayNumber = dayNumberFromParts(year, month, day);
  const back = partsFromDayNumber(dayNumber);
  return back.year === year && back.month === month && back.day === day ? dayNumber : undefined;
}

export function parseLocalDate(value: string): number {
  const dayNumber = tryParseLocalDate(value);
  if (dayNumber === undefined)
    throw new RangeError(`Invalid local date "${value}": expected an existing date as YYYY-MM-DD`);
  return dayNumber;
}

export function partsFromDayNumber(dayNumber: number): SolarDate {
  const d = new Date(dayNumber * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function formatDayNumber(dayNumber: number): LocalDate {
  const { year, month, day } = partsFromDayNumber(dayNumber);
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

export function formatSolarDate(date: SolarDate): LocalDate {
  return formatDayNumber(dayNumberFromParts(date.year, date.month, date.day));
}

/** 0 = Sunday … 6 = Saturday, like `Date#getDay`. 1970-01-01 was a Thursday. */
export function weekdayOfDayNumber(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

/** `HH:mm` → minutes after local midnight; `24:00` is accepted so that a period may run to the end of the day. */
export function tryParseClockTime(value: unknown): number | undefined {
  const match = typeof value === 'string' ? CLOCK_TIME.exec(value) : null;
  if (!match) return undefined;
  const [hours, minutes] = [Number(match[1]), Number(match[2])];
  if (hours === 24 && minutes === 0) return 24 * 60;
  return hours < 24 && minutes < 60 ? hours * 60 + minutes : undefined;
}

export function formatClockTime(minutes: number): string {
  return `${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`;
}

/** The local date of an instant, e.g. `localDateOf(new Date('2026-02-16T20:00:00Z'))` → `2026-02-17` at UTC+7. */
export function localDateOf(instant: Date, offsetMinutes = 420): LocalDate {
  return formatDayNumber(Math.floor((instantMs(instant) + offsetMinutes * MINUTE_MS) / DAY_MS));
}

/**
 * `YYYY-MM-DD HH:mm[:ss[.mmm]]` read as wall-clock time at the given offset → the UTC instant.
 * Meant for seeds, tests and admin input; the engine itself works on instants.
 */
export function localDateTimeToInstant(value: string, offsetMinutes = 420): Date {
  const match = LOCAL_DATE_TIME.exec(value);
  const dayNumber = match ? tryParseLocalDate(match[1]) : undefined;
  const [hours, minutes, seconds] = match
    ? [Number(match[2]), Number(match[3]), Number(match[4] ?? 0)]
    : [NaN, NaN, NaN];
  if (dayNumber === undefined || !(hours <= 24 && minutes < 60 && seconds < 60)) {
    throw new RangeError(`Invalid local date-time "${value}": expected YYYY-MM-DD HH:mm[:ss]`);
  }
  const millis = Number((match![5] ?? '0').padEnd(3, '0'));
  const localMs = dayNumber * DAY_MS + ((hours * 60 + minutes) * 60 + seconds) * 1000 + millis;
  return new Date(localMs - offsetMinutes * MINUTE_MS);
}

/** The wall-clock rendering `YYYY-MM-DD HH:mm` (seconds added only when not zero), for logs, messages and tests. */
export function formatLocalDateTime(instant: Date, offsetMinutes = 420): string {
  const localMs = instantMs(instant) + offsetMinutes * MINUTE_MS;
  const dayNumber = Math.floor(localMs / DAY_MS);
  const msOfDay = localMs - dayNumber * DAY_MS;
  const minutes = Math.floor(msOfDay / MINUTE_MS);
  const rest = msOfDay - minutes * MINUTE_MS;
  const secondsPart =
    rest === 0
      ? ''
      : `:${pad2(Math.floor(rest / 1000))}${rest % 1000 ? `.${String(rest % 1000).padStart(3, '0')}` : ''}`;
  return `${formatDayNumber(dayNumber)} ${formatClockTime(minutes)}${secondsPart}`;
}

/** Epoch milliseconds of a valid `Date`; an Invalid Date would silently poison every later sum, so it is refused here. */
export function instantMs(instant: Date): number {
  const ms = instant instanceof Date ? instant.getTime() : NaN;
  if (Number.isNaN(ms)) throw new TypeError('Expected a valid Date instant');
  return ms;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}
