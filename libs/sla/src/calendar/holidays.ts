/**
 * Statutory public holidays of Vietnam, Labour Code 2019 (Bộ luật Lao động 45/2019/QH14) art. 112, as computed defaults:
 * - 1 January; Tết Nguyên Đán 5 days; Giỗ Tổ Hùng Vương (10/3 lunar); 30 April; 1 May; 2 September plus one adjacent day.
 * - Tết defaults to the last day of the old lunar year (30 tháng Chạp, or 29 when month 12 is short) and mùng 1–4. Each year the
 *   government (Thủ tướng / Bộ Nội vụ) fixes the actual days, often bridging to a weekend and swapping a Saturday; those decisions
 *   are entered as dated exceptions, which override everything computed here.
 * - A holiday on a weekly rest day gives the next working day that is not itself a holiday or a substitute (nghỉ bù, art. 112(3)).
 *   A holiday falling on another holiday (Giỗ Tổ can meet 30/4) is compensated the same way.
 */
import type { HolidayRules, PublicHoliday, WeeklySchedule } from './calendar.types';
import { DEFAULT_GIA_LAI_CALENDAR, DEFAULT_HOLIDAY_RULES } from './default-calendar';
import { dayNumberFromParts, formatDayNumber, partsFromDayNumber, weekdayOfDayNumber } from './local-date';
import { lunarToSolar, solarToLunar } from './vietnamese-lunar';

/** A holiday keyed by local day number, as the engine consumes it. */
export interface HolidayDay {
  readonly day: number;
  readonly name: string;
  readonly substituteFor?: number;
}

export interface PublicHolidayOptions {
  /** Defaults to DEFAULT_HOLIDAY_RULES. */
  readonly rules?: HolidayRules;
  /** Decides the weekly rest days (a weekday without periods); defaults to Monday–Friday working. */
  readonly weekly?: WeeklySchedule;
}

const SOLAR_HOLIDAYS: ReadonlyArray<{ month: number; day: number; name: string }> = [
  { month: 1, day: 1, name: 'Tết Dương lịch' },
  { month: 4, day: 30, name: 'Ngày Giải phóng miền Nam, thống nhất đất nước' },
  { month: 5, day: 1, name: 'Ngày Quốc tế Lao động' },
  { month: 9, day: 2, name: 'Quốc khánh' },
];
const LUNAR_HOLIDAYS: ReadonlyArray<{ month: number; day: number; name: string }> = [
  { month: 3, day: 10, name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)' },
];
const NATIONAL_DAY_ADJACENT_NAME = 'Quốc khánh (ngày liền kề)';
const LUNAR_MONTH_NAMES: Readonly<Record<number, string>> = { 1: 'Giêng', 12: 'Chạp' };

/** The holidays of a solar year, substitutes included, sorted by date; two entries may share a date when holidays collide. */
export function publicHolidays(year: number, options: PublicHolidayOptions = {}): PublicHoliday[] {
  const weekly = options.weekly ?? DEFAULT_GIA_LAI_CALENDAR.weekly;
  const workingWeekdays = [0, 1, 2, 3, 4, 5, 6].map((day) => (weekly[day as keyof WeeklySchedule]?.length ?? 0) > 0);
  return computeHolidayDays(year, options.rules ?? DEFAULT_HOLIDAY_RULES, workingWeekdays).map((holiday) => ({
    date: formatDayNumber(holiday.day),
    name: holiday.name,
    ...(holiday.substituteFor === undefined ? {} : { substituteFor: formatDayNumber(holiday.substituteFor) }),
  }));
}

/** Same as publicHolidays on day numbers; `workingWeekdays[w]` says whether weekday w (0 = Sunday) has hours. */
export function computeHolidayDays(
  year: number,
  rules: HolidayRules,
  workingWeekdays: readonly boolean[],
): HolidayDay[] {
  const isRestDay = (day: number): boolean => !workingWeekdays[weekdayOfDayNumber(day)];
  const statutory = [
    ...SOLAR_HOLIDAYS.map((h) => ({ day: dayNumberFromParts(year, h.month, h.day), name: h.name })),
    ...LUNAR_HOLIDAYS.map((h) => ({ day: fromLunar(year, h.month, h.day), name: h.name })),
    ...tetDays(year, rules),
    { day: nationalDayAdjacent(year, rules, isRestDay), name: NATIONAL_DAY_ADJACENT_NAME },
  ].sort((a, b) => a.day - b.day);
  const substitutes = rules.substituteOnRestDay ? substituteDays(statutory, isRestDay) : [];
  return [...statutory, ...substitutes].sort((a, b) => a.day - b.day);
}

function tetDays(year: number, rules: HolidayRules): HolidayDay[] {
  const first = fromLunar(year, 1, 1) - rules.tetDaysBeforeNewYear;
  return Array.from({ length: rules.tetDays }, (_, i) => ({
    day: first + i,
    name: `Tết Nguyên Đán (${lunarLabel(first + i)})`,
  }));
}

function lunarLabel(day: number): string {
  const { year, month, day: dayOfMonth } = partsFromDayNumber(day);
  const lunar = solarToLunar(year, month, dayOfMonth);
  if (lunar.month === 1 && lunar.day <= 10) return `mùng ${lunar.day}`;
  return `${lunar.day} tháng ${LUNAR_MONTH_NAMES[lunar.month] ?? lunar.month}`;
}

/**
 * Art. 112 lets the government pick 1 or 3 September. `auto` reproduces its choices of 2021–2025 (2021: 3/9, 2022: 1/9, 2023: 1/9,
 * 2024: 3/9, 2025: 1/9): a working day beats a rest day, then a day that joins the break to the weekend, then 1 September.
 */
function nationalDayAdjacent(year: number, rules: HolidayRules, isRestDay: (day: number) => boolean): number {
  const nationalDay = dayNumberFromParts(year, 9, 2);
  if (rules.nationalDayAdjacent === 'before') return nationalDay - 1;
  if (rules.nationalDayAdjacent === 'after') return nationalDay + 1;
  const score = (day: number, farSide: number): number => (isRestDay(day) ? 0 : 2) + (isRestDay(farSide) ? 1 : 0);
  return score(nationalDay + 1, nationalDay + 2) > score(nationalDay - 1, nationalDay - 2)
    ? nationalDay + 1
    : nationalDay - 1;
}

function substituteDays(statutory: readonly HolidayDay[], isRestDay: (day: number) => boolean): HolidayDay[] {
  const taken = new Set(statutory.map((h) => h.day));
  const seen = new Set<number>();
  const substitutes: HolidayDay[] = [];
  for (const holiday of statutory) {
    const lost = isRestDay(holiday.day) || seen.has(holiday.day);
    seen.add(holiday.day);
    if (!lost) continue;
    const day = nextFreeWorkingDay(holiday.day, taken, isRestDay);
    if (day === undefined) continue;
    taken.add(day);
    substitutes.push({ day, name: `Nghỉ bù ${holiday.name}`, substituteFor: holiday.day });
  }
  return substitutes;
}

/** Undefined when the weekly schedule has no working day at all: there is nothing to give back. */
function nextFreeWorkingDay(
  from: number,
  taken: ReadonlySet<number>,
  isRestDay: (day: number) => boolean,
): number | undefined {
  for (let day = from + 1; day <= from + 60; day++) {
    if (!isRestDay(day) && !taken.has(day)) return day;
  }
  return undefined;
}

function fromLunar(year: number, month: number, day: number): number {
  const solar = lunarToSolar(year, month, day);
  return dayNumberFromParts(solar.year, solar.month, solar.day);
}
