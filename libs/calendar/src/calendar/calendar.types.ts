/**
 * The working calendar as data: what an administrator edits and what is stored (as JSON) beside an SLA policy. Everything the engine
 * needs is here, so two processes given the same definition compute the same deadlines.
 */
import type { LocalDate } from './local-date';

/** Local wall-clock time `HH:mm`; `24:00` is allowed as a period end. */
export type ClockTime = string;

/** A half-open span of local time, [start, end): at `end` the office is already closed. */
export interface WorkPeriod {
  readonly start: ClockTime;
  readonly end: ClockTime;
}

/** 0 = Sunday … 6 = Saturday, as `Date#getUTCDay`. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/** Periods per weekday; a missing or empty entry makes that weekday a weekly rest day. */
export type WeeklySchedule = Readonly<Partial<Record<Weekday, readonly WorkPeriod[]>>>;

/**
 * How the statutory public holidays of Labour Code 2019 art. 112 are computed for a year. The government fixes the exact Tết and
 * Quốc khánh days and any swapped working days every year; those decisions are entered as dated exceptions, which always win.
 */
export interface HolidayRules {
  /** The statute the rules follow; the only one today. */
  readonly preset: 'vn-labour-code-2019';
  /** Length of the Tết holiday in days (5 by art. 112). */
  readonly tetDays: number;
  /** How many of those days fall before mùng 1 Tết (1 = the last day of the old year, 30 or 29 tháng Chạp). */
  readonly tetDaysBeforeNewYear: number;
  /**
   * Which neighbour of 2 September is the second Quốc khánh day. `auto` follows the government's practice since 2021: prefer a
   * working day, then the side that joins the break to the weekend, then 1 September.
   */
  readonly nationalDayAdjacent: 'auto' | 'before' | 'after';
  /** Art. 112(3): a holiday on a weekly rest day (or on another holiday) gives the next free working day off (nghỉ bù). */
  readonly substituteOnRestDay: boolean;
}

export type CalendarExceptionKind = 'day_off' | 'working_day';

/**
 * One dated override. `day_off` closes the whole day (extra holiday, Tết bridge, office closure). `working_day` opens it with
 * `periods`, or when omitted with the weekday's own periods, or on a rest day with `makeUpDayPeriods` (a make-up Saturday).
 * A `working_day` with periods on an ordinary weekday also shortens or lengthens that day (e.g. a half day on 29 Tết).
 */
export interface CalendarException {
  readonly date: LocalDate;
  readonly kind: CalendarExceptionKind;
  readonly periods?: readonly WorkPeriod[];
  /** Shown to operators and in reports, in Vietnamese (e.g. "Nghỉ Tết Bính Ngọ", "Làm bù cho ngày 2/1"). */
  readonly name?: string;
}

export interface CalendarDefinition {
  /** Minutes east of UTC; 420 for Asia/Ho_Chi_Minh. A fixed offset: the zone has no daylight saving. */
  readonly timeZoneOffsetMinutes: number;
  readonly weekly: WeeklySchedule;
  /**
   * Hours of a make-up working day that falls on a weekly rest day when its exception gives none. Defaults to the periods of the
   * first weekday, Monday first, that has any.
   */
  readonly makeUpDayPeriods?: readonly WorkPeriod[];
  /** null: no computed holidays at all, only the dated exceptions (e.g. a 24/7 calendar). */
  readonly holidayRules: HolidayRules | null;
  /** At most one per date. */
  readonly exceptions: readonly CalendarException[];
}

/** A public holiday or substitute day, as computed by the rules. */
export interface PublicHoliday {
  readonly date: LocalDate;
  /** Vietnamese name, e.g. "Tết Nguyên Đán (mùng 1)" or "Nghỉ bù Quốc khánh". */
  readonly name: string;
  /** For a substitute day (nghỉ bù): the date of the holiday it replaces. */
  readonly substituteFor?: LocalDate;
}

/** What a given day resolved to, and why: for the admin's calendar preview and for explaining a deadline. */
export interface DayInfo {
  readonly date: LocalDate;
  readonly weekday: Weekday;
  readonly working: boolean;
  readonly periods: readonly WorkPeriod[];
  /** Which layer decided: a dated exception, a computed holiday, or the weekly schedule. */
  readonly source: 'exception' | 'holiday' | 'weekly';
  /** The exception's or holiday's name when there is one. */
  readonly name?: string;
}
