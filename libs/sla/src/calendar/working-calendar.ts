/**
 * Business-time arithmetic over a CalendarDefinition. Instants in and out are UTC `Date`s; the calendar is applied in local time at
 * the definition's fixed offset.
 *
 * Speed: each local year is resolved once into a table of day plans plus a prefix sum of business milliseconds per day, so a
 * duration is a subtraction and a deadline is a binary search, whatever its length; no loop walks minute by minute.
 */
import type { CalendarDefinition, DayInfo, PublicHoliday, Weekday, WorkPeriod } from './calendar.types';
import {
  CalendarError,
  type NormalizedCalendar,
  type Span,
  normalizeCalendarDefinition,
  spansToPeriods,
} from './calendar-definition';
import { type HolidayDay, computeHolidayDays } from './holidays';
import {
  DAY_MS,
  type LocalDate,
  MINUTE_MS,
  dayNumberFromParts,
  formatDayNumber,
  instantMs,
  parseLocalDate,
  partsFromDayNumber,
  weekdayOfDayNumber,
} from './local-date';

interface DayPlan {
  readonly spans: readonly Span[];
  /** Business milliseconds in the day. */
  readonly total: number;
  readonly source: DayInfo['source'];
  readonly name?: string;
}

interface YearTable {
  readonly year: number;
  readonly firstDay: number;
  readonly days: readonly DayPlan[];
  /** cumulative[i] = business ms in the year's days before day i; cumulative[days.length] = total. */
  readonly cumulative: Float64Array;
  readonly total: number;
}

interface Position {
  readonly table: YearTable;
  /** Business ms elapsed since the start of the table's year. */
  readonly offset: number;
}

/** How far a search for the next working day may go before the calendar is declared empty. */
const SCAN_LIMIT_DAYS = 3 * 366;
const SCAN_LIMIT_YEARS = 3;

/**
 * Edge-case semantics, chosen so that durations and deadlines always agree (`businessMillisBetween(a, addBusinessMillis(a, x)) === x`):
 * - Periods are half-open [start, end): at 11:30 and at 17:00 the office is closed.
 * - A deadline that is reached exactly at a period end IS that period end (10:30 + 60 min → 11:30, not 13:30): due "by 11:30".
 * - Adding 0 to a closed instant returns the next opening; adding 0 to an open instant returns it unchanged.
 * - Durations are signed: businessMillisBetween(a, b) = −businessMillisBetween(b, a), so a negative value means b is before a
 *   (e.g. time left until a deadline, or overdue by). Closed time contributes nothing, so the result is 0 across a weekend.
 * - Dated exceptions override computed holidays, which override the weekly schedule.
 * - With holiday rules, supported dates are those of the lunar algorithm, years 1801–2199 (a RangeError outside).
 */
export class WorkingCalendar {
  private readonly calendar: NormalizedCalendar;
  private readonly weeklyPlans: readonly DayPlan[];
  private readonly years = new Map<number, YearTable>();
  private readonly holidaysByYear = new Map<number, readonly HolidayDay[]>();
  private lastTable: YearTable | undefined;

  /** Throws CalendarError(CALENDAR_INVALID) listing every problem of the definition. */
  constructor(readonly definition: CalendarDefinition) {
    this.calendar = normalizeCalendarDefinition(definition);
    this.weeklyPlans = this.calendar.weekly.map((spans) => plan(spans, 'weekly'));
  }

  isOpen(t: Date): boolean {
    const { day, msOfDay } = this.local(t);
    return this.plan(day).spans.some((span) => span.start <= msOfDay && msOfDay < span.end);
  }

  /** `t` itself when open, otherwise the start of the next period (skipping lunch, nights, rest days and holidays). */
  nextOpening(t: Date): Date {
    const { day, msOfDay } = this.local(t);
    const span = this.plan(day).spans.find((s) => msOfDay < s.end);
    if (span) return msOfDay >= span.start ? new Date(instantMs(t)) : this.instant(day, span.start);
    const next = this.firstWorkingDayFrom(day + 1);
    return this.instant(next, this.plan(next).spans[0].start);
  }

  /**
   * The instant at which `minutes` business minutes have elapsed since `start`: a start outside hours, at lunch or on a holiday
   * rolls forward to the next opening first. Fractional minutes are allowed (rounded to the millisecond); negative ones are refused.
   */
  addBusinessTime(start: Date, minutes: number): Date {
    assertNonNegative(minutes, 'minutes');
    return this.addBusinessMillis(start, Math.round(minutes * MINUTE_MS));
  }

  addBusinessMillis(start: Date, millis: number): Date {
    assertNonNegative(millis, 'millis');
    const rounded = Math.round(millis);
    if (rounded === 0) return this.nextOpening(start);
    const position = this.position(start);
    let table = position.table;
    let target = position.offset + rounded;
    for (let emptyYears = 0; target > table.total;) {
      target -= table.total;
      emptyYears = table.total === 0 ? emptyYears + 1 : 0;
      if (emptyYears >= SCAN_LIMIT_YEARS) throw this.noWorkingTime(this.local(start).day);
      table = this.yearTable(table.year + 1);
    }
    return this.instantAtOffset(table, target);
  }

  /** Signed business milliseconds from `a` to `b` (negative when b < a). */
  businessMillisBetween(a: Date, b: Date): number {
    if (instantMs(b) < instantMs(a)) return 0 - this.businessMillisBetween(b, a);
    const from = this.position(a);
    const to = this.position(b);
    if (from.table === to.table) return to.offset - from.offset;
    let sum = from.table.total - from.offset + to.offset;
    for (let year = from.table.year + 1; year < to.table.year; year++) sum += this.yearTable(year).total;
    return sum;
  }

  /** Signed business minutes from `a` to `b`, fractional when the instants are not whole minutes apart in business time. */
  businessMinutesBetween(a: Date, b: Date): number {
    return this.businessMillisBetween(a, b) / MINUTE_MS;
  }

  /**
   * J+n due date of Circular 17/2017: the close of business (end of the last period) of the n-th working day after the local day of
   * `date`. The time of day does not matter: J+1 from Monday 10:00 or Monday 20:00 is Tuesday 17:00, and from Saturday it is Monday
   * 17:00. n = 0 gives the close of `date`'s own day, or of the next working day when that day is closed. A caller that counts an
   * after-hours receipt as received the next day passes `nextOpening(date)` instead.
   */
  addWorkingDays(date: Date, n: number): Date {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a whole number of working days ≥ 0 (got ${n})`);
    const receivedOn = this.local(date).day;
    let day = n === 0 ? this.firstWorkingDayFrom(receivedOn) : receivedOn;
    for (let counted = 0; counted < n; counted++) day = this.firstWorkingDayFrom(day + 1);
    const spans = this.plan(day).spans;
    return this.instant(day, spans[spans.length - 1].end);
  }

  /** Effective periods of a local date, after exceptions and holidays; empty on a closed day. */
  periodsOn(localDate: LocalDate): WorkPeriod[] {
    return spansToPeriods(this.plan(parseLocalDate(localDate)).spans);
  }

  /** A working day has at least one period. */
  isWorkingDay(localDate: LocalDate): boolean {
    return this.plan(parseLocalDate(localDate)).total > 0;
  }

  describeDay(localDate: LocalDate): DayInfo {
    const day = parseLocalDate(localDate);
    const dayPlan = this.plan(day);
    return {
      date: formatDayNumber(day),
      weekday: weekdayOfDayNumber(day) as Weekday,
      working: dayPlan.total > 0,
      periods: spansToPeriods(dayPlan.spans),
      source: dayPlan.source,
      ...(dayPlan.name === undefined ? {} : { name: dayPlan.name }),
    };
  }

  /** The holidays the rules compute for a year under this calendar's weekly schedule (exceptions not applied). */
  holidays(year: number): PublicHoliday[] {
    return this.holidayDays(year).map((h) => ({
      date: formatDayNumber(h.day),
      name: h.name,
      ...(h.substituteFor === undefined ? {} : { substituteFor: formatDayNumber(h.substituteFor) }),
    }));
  }

  /** The local date of an instant under this calendar's offset. */
  localDateOf(t: Date): LocalDate {
    return formatDayNumber(this.local(t).day);
  }

  private local(t: Date): { day: number; msOfDay: number } {
    const localMs = instantMs(t) + this.calendar.offsetMs;
    const day = Math.floor(localMs / DAY_MS);
    return { day, msOfDay: localMs - day * DAY_MS };
  }

  private instant(day: number, msOfDay: number): Date {
    return new Date(day * DAY_MS + msOfDay - this.calendar.offsetMs);
  }

  private position(t: Date): Position {
    const { day, msOfDay } = this.local(t);
    const table = this.tableOfDay(day);
    const index = day - table.firstDay;
    return { table, offset: table.cumulative[index] + elapsed(table.days[index].spans, msOfDay) };
  }

  /** The earliest instant of the year at which `target` (> 0, ≤ total) business ms have elapsed. */
  private instantAtOffset(table: YearTable, target: number): Date {
    const index = firstDayReaching(table.cumulative, target);
    let remaining = target - table.cumulative[index];
    for (const span of table.days[index].spans) {
      const length = span.end - span.start;
      if (remaining <= length) return this.instant(table.firstDay + index, span.start + remaining);
      remaining -= length;
    }
    throw new Error(`Business-time table of ${table.year} is inconsistent`);
  }

  private firstWorkingDayFrom(day: number): number {
    for (let candidate = day; candidate < day + SCAN_LIMIT_DAYS; candidate++) {
      if (this.plan(candidate).total > 0) return candidate;
    }
    throw this.noWorkingTime(day);
  }

  private noWorkingTime(fromDay: number): CalendarError {
    return new CalendarError(
      'CALENDAR_NO_WORKING_TIME',
      `The working calendar has no working time within ${SCAN_LIMIT_YEARS} years after ${formatDayNumber(fromDay)}: ` +
        'check its weekly hours and exceptions',
    );
  }

  private plan(day: number): DayPlan {
    const table = this.tableOfDay(day);
    return table.days[day - table.firstDay];
  }

  /** Consecutive calls nearly always stay in one year, so the last table is tried before any date conversion. */
  private tableOfDay(day: number): YearTable {
    const last = this.lastTable;
    if (last && day >= last.firstDay && day < last.firstDay + last.days.length) return last;
    this.lastTable = this.yearTable(partsFromDayNumber(day).year);
    return this.lastTable;
  }

  private yearTable(year: number): YearTable {
    const cached = this.years.get(year);
    if (cached) return cached;
    const table = this.buildYear(year);
    this.years.set(year, table);
    return table;
  }

  private buildYear(year: number): YearTable {
    const firstDay = dayNumberFromParts(year, 1, 1);
    const dayCount = dayNumberFromParts(year + 1, 1, 1) - firstDay;
    const holidays = this.holidayNames(firstDay, firstDay + dayCount, year);
    const days = Array.from({ length: dayCount }, (_, i) => this.resolveDay(firstDay + i, holidays));
    const cumulative = new Float64Array(dayCount + 1);
    days.forEach((dayPlan, i) => (cumulative[i + 1] = cumulative[i] + dayPlan.total));
    return { year, firstDay, days, cumulative, total: cumulative[dayCount] };
  }

  /** Precedence: dated exception, then computed holiday, then the weekly schedule. */
  private resolveDay(day: number, holidays: ReadonlyMap<number, string>): DayPlan {
    const exception = this.calendar.exceptions.get(day);
    const weekly = this.weeklyPlans[weekdayOfDayNumber(day)];
    if (exception) {
      const fallback = weekly.total > 0 ? weekly.spans : this.calendar.makeUpSpans;
      const spans = exception.kind === 'day_off' ? [] : (exception.spans ?? fallback);
      return plan(spans, 'exception', exception.name ?? holidays.get(day));
    }
    const holiday = holidays.get(day);
    return holiday === undefined ? weekly : plan([], 'holiday', holiday);
  }

  /** Holidays dated inside [from, to); the previous year's list is read too, in case a substitute day spills over New Year. */
  private holidayNames(from: number, to: number, year: number): Map<number, string> {
    const names = new Map<number, string>();
    for (const holiday of [...this.holidayDays(year - 1), ...this.holidayDays(year)]) {
      if (holiday.day < from || holiday.day >= to) continue;
      const known = names.get(holiday.day);
      names.set(holiday.day, known && known !== holiday.name ? `${known}; ${holiday.name}` : holiday.name);
    }
    return names;
  }

  private holidayDays(year: number): readonly HolidayDay[] {
    const rules = this.calendar.rules;
    if (rules === null) return [];
    const cached = this.holidaysByYear.get(year);
    if (cached) return cached;
    const workingWeekdays = this.calendar.weekly.map((spans) => spans.length > 0);
    const computed = computeHolidayDays(year, rules, workingWeekdays);
    this.holidaysByYear.set(year, computed);
    return computed;
  }
}

function plan(spans: readonly Span[], source: DayPlan['source'], name?: string): DayPlan {
  const total = spans.reduce((sum, span) => sum + span.end - span.start, 0);
  return name === undefined ? { spans, total, source } : { spans, total, source, name };
}

/** Business ms of the day's spans before `msOfDay`. */
function elapsed(spans: readonly Span[], msOfDay: number): number {
  let sum = 0;
  for (const span of spans) {
    if (msOfDay <= span.start) break;
    sum += Math.min(msOfDay, span.end) - span.start;
  }
  return sum;
}

/** Smallest day index i with cumulative[i + 1] ≥ target, i.e. the day during which the target is reached. */
function firstDayReaching(cumulative: Float64Array, target: number): number {
  let low = 0;
  let high = cumulative.length - 2;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (cumulative[middle + 1] >= target) high = middle;
    else low = middle + 1;
  }
  return low;
}

function assertNonNegative(value: number, name: string): void {
  if (!Number.isFinite(value) || value < 0) throw new RangeError(`${name} must be a finite number ≥ 0 (got ${value})`);
}
