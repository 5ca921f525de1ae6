export * from './calendar.types';
export * from './default-calendar';
export { CalendarError, validateCalendarDefinition } from './calendar-definition';
export type { CalendarErrorCode } from './calendar-definition';
export { publicHolidays } from './holidays';
export type { PublicHolidayOptions } from './holidays';
export {
  formatLocalDateTime,
  localDateOf,
  localDateTimeToInstant,
  type LocalDate,
  type SolarDate,
} from './local-date';
export { leapMonthOf, lunarMonthLength, lunarNewYear, lunarToSolar, solarToLunar } from './vietnamese-lunar';
export type { LunarDate } from './vietnamese-lunar';
export { WorkingCalendar } from './working-calendar';
