import type { CalendarDefinition, HolidayRules, WorkPeriod } from './calendar.types';

export const DEFAULT_HOLIDAY_RULES: HolidayRules = Object.freeze({
  preset: 'vn-labour-code-2019',
  tetDays: 5,
  tetDaysBeforeNewYear: 1,
  nationalDayAdjacent: 'auto',
  substituteOnRestDay: true,
});

/** Office hours of the Gia Lai Public Administration Service Center (seed; neighbouring provinces use 07:30–12:00 / 13:30–17:00). */
export const GIA_LAI_OFFICE_HOURS: readonly WorkPeriod[] = Object.freeze([
  Object.freeze({ start: '07:00', end: '11:30' }),
  Object.freeze({ start: '13:30', end: '17:00' }),
]);

/**
 * The seeded calendar: Monday–Friday office hours, statutory holidays computed by the rules, and no dated exceptions yet (the admin
 * enters each year's government decision on Tết, Quốc khánh and make-up Saturdays).
 */
export const DEFAULT_GIA_LAI_CALENDAR: CalendarDefinition = Object.freeze({
  timeZoneOffsetMinutes: 420,
  weekly: Object.freeze({
    1: GIA_LAI_OFFICE_HOURS,
    2: GIA_LAI_OFFICE_HOURS,
    3: GIA_LAI_OFFICE_HOURS,
    4: GIA_LAI_OFFICE_HOURS,
    5: GIA_LAI_OFFICE_HOURS,
  }),
  holidayRules: DEFAULT_HOLIDAY_RULES,
  exceptions: Object.freeze([]),
});
