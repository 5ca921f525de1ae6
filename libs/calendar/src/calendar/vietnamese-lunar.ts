/**
 * Vietnamese lunisolar calendar, after Hồ Ngọc Đức's published algorithm ("Âm lịch Việt Nam", astronomical new moons and solar
 * terms from Jean Meeus' formulas). Every day boundary is taken at UTC+7: the Vietnamese calendar has been reckoned for the meridian
 * 105°E since 1968, and using China's UTC+8 puts some new moons on the wrong day (Tết 2007 is 17/2 in Vietnam, 18/2 in China; Tết 1985
 * is even a month apart). Accurate for years 1800–2199, the range the algorithm was validated for.
 */
import { SolarDate } from './local-date';

export interface LunarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  /** True for the intercalary month (tháng nhuận) that repeats `month`. */
  readonly leap: boolean;
}

const TIME_ZONE_HOURS = 7;
const SYNODIC_MONTH = 29.530588853;
/** Julian day of the new moon of 1900-01-01, the epoch of the new-moon index k. */
const NEW_MOON_EPOCH = 2415021.076998695;
const MIN_YEAR = 1800;
const MAX_YEAR = 2199;

const int = Math.floor;
const RAD = Math.PI / 180;

/** Solar calendar date → Julian day number (Gregorian after 1582-10-15, Julian before). */
export function julianDayFromSolar(day: number, month: number, year: number): number {
  const a = int((14 - month) / 12);
  const y = year + 4800 - a;
  const m = month + 12 * a - 3;
  const gregorian = day + int((153 * m + 2) / 5) + 365 * y + int(y / 4) - int(y / 100) + int(y / 400) - 32045;
  return gregorian >= 2299161 ? gregorian : day + int((153 * m + 2) / 5) + 365 * y + int(y / 4) - 32083;
}

export function solarFromJulianDay(jd: number): SolarDate {
  const gregorian = jd > 2299160;
  const a = jd + 32044;
  const b = gregorian ? int((4 * a + 3) / 146097) : 0;
  const c = gregorian ? a - int((b * 146097) / 4) : jd + 32082;
  const d = int((4 * c + 3) / 1461);
  const e = c - int((1461 * d) / 4);
  const m = int((5 * e + 2) / 153);
  return {
    day: e - int((153 * m + 2) / 5) + 1,
    month: m + 3 - 12 * int(m / 10),
    year: b * 100 + d - 4800 + int(m / 10),
  };
}

/** Julian day (fractional, UTC) of the k-th new moon after 1900-01-01. */
function newMoon(k: number): number {
  const t = k / 1236.85;
  const t2 = t * t;
  const t3 = t2 * t;
  const mean =
    2415020.75933 +
    29.53058868 * k +
    0.0001178 * t2 -
    0.000000155 * t3 +
    0.00033 * Math.sin((166.56 + 132.87 * t - 0.009173 * t2) * RAD);
  const sunAnomaly = (359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3) * RAD;
  const moonAnomaly = (306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3) * RAD;
  const latitude = (21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3) * RAD;
  const correction =
    (0.1734 - 0.000393 * t) * Math.sin(sunAnomaly) +
    0.0021 * Math.sin(2 * sunAnomaly) -
    0.4068 * Math.sin(moonAnomaly) +
    0.0161 * Math.sin(2 * moonAnomaly) -
    0.0004 * Math.sin(3 * moonAnomaly) +
    0.0104 * Math.sin(2 * latitude) -
    0.0051 * Math.sin(sunAnomaly + moonAnomaly) -
    0.0074 * Math.sin(sunAnomaly - moonAnomaly) +
    0.0004 * Math.sin(2 * latitude + sunAnomaly) -
    0.0004 * Math.sin(2 * latitude - sunAnomaly) -
    0.0006 * Math.sin(2 * latitude + moonAnomaly) +
    0.001 * Math.sin(2 * latitude - moonAnomaly) +
    0.0005 * Math.sin(2 * moonAnomaly + sunAnomaly);
  const deltaT =
    t < -11
      ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
      : -0.000278 + 0.000265 * t + 0.000262 * t2;
  return mean + correction - deltaT;
}

/** The sun's apparent longitude in radians, normalised to [0, 2π). */
function sunLongitude(jd: number): number {
  const t = (jd - 2451545.0) / 36525;
  const t2 = t * t;
  const meanAnomaly = (357.5291 + 35999.0503 * t - 0.0001559 * t2 - 0.00000048 * t * t2) * RAD;
  const meanLongitude = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
  const equationOfCentre =
    (1.9146 - 0.004817 * t - 0.000014 * t2) * Math.sin(meanAnomaly) +
    (0.019993 - 0.000101 * t) * Math.sin(2 * meanAnomaly) +
    0.00029 * Math.sin(3 * meanAnomaly);
  const longitude = (meanLongitude + equationOfCentre) * RAD;
  return longitude - 2 * Math.PI * int(longitude / (2 * Math.PI));
}

/** Index 0–11 of the 30° solar-term sector the sun is in at local midnight starting that day; a month without a change is leap. */
function sunSector(dayNumber: number): number {
  return int((sunLongitude(dayNumber - 0.5 - TIME_ZONE_HOURS / 24) / Math.PI) * 6);
}

/** Julian day number of the local day on which the k-th new moon falls. */
function newMoonDay(k: number): number {
  return int(newMoon(k) + 0.5 + TIME_ZONE_HOURS / 24);
}

/** First day of the lunar month containing the winter solstice (month 11) of solar year `year`. */
function lunarMonth11(year: number): number {
  const k = int((julianDayFromSolar(31, 12, year) - 2415021) / SYNODIC_MONTH);
  const candidate = newMoonDay(k);
  return sunSector(candidate) >= 9 ? newMoonDay(k - 1) : candidate;
}

/** Position (after month 11) of the first month with no solar-term change: that month is the leap month. */
function leapMonthOffset(month11: number): number {
  const k = int((month11 - NEW_MOON_EPOCH) / SYNODIC_MONTH + 0.5);
  let i = 1;
  let arc = sunSector(newMoonDay(k + i));
  let last: number;
  do {
    last = arc;
    i++;
    arc = sunSector(newMoonDay(k + i));
  } while (arc !== last && i < 14);
  return i - 1;
}

export function solarToLunar(year: number, month: number, day: number): LunarDate {
  assertYear(year);
  const dayNumber = julianDayFromSolar(day, month, year);
  // The estimate of the lunation can be one off either way (the true new moon wanders around the mean one, e.g. the day
  // before the new moon of 27/5/2054): step to the last new moon on or before the day.
  let k = int((dayNumber - NEW_MOON_EPOCH) / SYNODIC_MONTH) + 1;
  while (newMoonDay(k) > dayNumber) k--;
  while (newMoonDay(k + 1) <= dayNumber) k++;
  const monthStart = newMoonDay(k);
  const thisMonth11 = lunarMonth11(year);
  const [a11, b11, baseYear] =
    thisMonth11 >= monthStart
      ? [lunarMonth11(year - 1), thisMonth11, year]
      : [thisMonth11, lunarMonth11(year + 1), year + 1];
  const diff = int((monthStart - a11) / 29);
  const leapOffset = b11 - a11 > 365 ? leapMonthOffset(a11) : Infinity;
  const rawMonth = diff >= leapOffset ? diff + 10 : diff + 11;
  const lunarMonth = rawMonth > 12 ? rawMonth - 12 : rawMonth;
  return {
    year: lunarMonth >= 11 && diff < 4 ? baseYear - 1 : baseYear,
    month: lunarMonth,
    day: dayNumber - monthStart + 1,
    leap: diff === leapOffset,
  };
}

/**
 * Lunar date → solar date. Throws a RangeError for a leap month the year does not have, or a day 30 in a 29-day month: silently
 * rolling over would move a holiday by a day.
 */
export function lunarToSolar(lunarYear: number, lunarMonth: number, lunarDay: number, leapMonth = false): SolarDate {
  assertYear(lunarYear);
  if (
    !Number.isInteger(lunarMonth) ||
    lunarMonth < 1 ||
    lunarMonth > 12 ||
    !Number.isInteger(lunarDay) ||
    lunarDay < 1 ||
    lunarDay > 30
  ) {
    throw new RangeError(`Invalid lunar date ${lunarDay}/${lunarMonth}/${lunarYear}`);
  }
  const start = lunarMonthStart(lunarYear, lunarMonth, leapMonth);
  if (lunarDay > start.length) {
    throw new RangeError(
      `Lunar month ${lunarMonth}${leapMonth ? ' (leap)' : ''} of ${lunarYear} has only ${start.length} days`,
    );
  }
  return solarFromJulianDay(start.julianDay + lunarDay - 1);
}

/** 29 or 30. */
export function lunarMonthLength(lunarYear: number, lunarMonth: number, leapMonth = false): number {
  assertYear(lunarYear);
  return lunarMonthStart(lunarYear, lunarMonth, leapMonth).length;
}

/** The leap month (1–12) of a lunar year, or null when the year has twelve months. */
export function leapMonthOf(lunarYear: number): number | null {
  assertYear(lunarYear);
  for (let month = 1; month <= 12; month++) {
    if (hasLeap(lunarYear, month)) return month;
  }
  return null;
}

/** Solar date of the lunar new year's day (mùng 1 Tết) of the lunar year that begins in solar year `year`. */
export function lunarNewYear(year: number): SolarDate {
  return lunarToSolar(year, 1, 1);
}

function lunarMonthStart(lunarYear: number, lunarMonth: number, leap: boolean): { julianDay: number; length: number } {
  // Months 11 and 12 belong to the span that starts at this year's month 11; the others to the span before it.
  const spanStartYear = lunarMonth < 11 ? lunarYear - 1 : lunarYear;
  const [a11, b11] = [lunarMonth11(spanStartYear), lunarMonth11(spanStartYear + 1)];
  const k = int(0.5 + (a11 - NEW_MOON_EPOCH) / SYNODIC_MONTH);
  let offset = lunarMonth - 11 < 0 ? lunarMonth + 1 : lunarMonth - 11;
  if (b11 - a11 > 365) {
    const leapOffset = leapMonthOffset(a11);
    // A leap month repeats the month before it: leap offset 2 repeats month 12, offset 3 repeats month 1, …
    const leapMonthNumber = ((leapOffset + 9) % 12) + 1;
    if (leap && lunarMonth !== leapMonthNumber)
      throw new RangeError(`Lunar year ${lunarYear} has no leap month ${lunarMonth}`);
    if (leap || offset >= leapOffset) offset += 1;
  } else if (leap) {
    throw new RangeError(`Lunar year ${lunarYear} has no leap month`);
  }
  const julianDay = newMoonDay(k + offset);
  return { julianDay, length: newMoonDay(k + offset + 1) - julianDay };
}

function hasLeap(lunarYear: number, lunarMonth: number): boolean {
  try {
    lunarMonthStart(lunarYear, lunarMonth, true);
    return true;
  } catch {
    return false;
  }
}

function assertYear(year: number): void {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new RangeError(`Year ${year} is outside the supported range ${MIN_YEAR}–${MAX_YEAR} of the lunar calendar`);
  }
}
