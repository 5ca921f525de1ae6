import {
  formatClockTime,
  formatDayNumber,
  formatLocalDateTime,
  instantMs,
  localDateOf,
  localDateTimeToInstant,
  parseLocalDate,
  tryParseClockTime,
  tryParseLocalDate,
  weekdayOfDayNumber,
} from './local-date';

describe('local dates', () => {
  it.each([
    ['1970-01-01', 0, 4],
    ['2026-02-17', 20501, 2],
    ['2024-02-29', 19782, 4],
    ['2026-04-26', 20569, 0],
    ['1969-12-31', -1, 3],
  ])('%s is day %i, weekday %i', async (date, dayNumber, weekday) => {
    expect(parseLocalDate(date)).toBe(dayNumber);
    expect(formatDayNumber(dayNumber)).toBe(date);
    expect(weekdayOfDayNumber(dayNumber)).toBe(weekday);
  });

  it.each([
    '2026-02-30',
    '2025-02-29',
    '2026-13-01',
    '2026-1-5',
    '26-01-05',
    '2026-01-05T00:00',
    '',
    undefined,
    20260105,
  ])('refuses %p', async (value) => {
    expect(tryParseLocalDate(value)).toBeUndefined();
  });

  it('parseLocalDate says what is expected', async () => {
    expect(() => parseLocalDate('2026-02-30')).toThrow('expected an existing date as YYYY-MM-DD');
  });
});

describe('clock times', () => {
  it.each([
    ['00:00', 0],
    ['07:00', 420],
    ['11:30', 690],
    ['23:59', 1439],
    ['24:00', 1440],
  ])('%s is minute %i', async (text, minutes) => {
    expect(tryParseClockTime(text)).toBe(minutes);
    expect(formatClockTime(minutes)).toBe(text);
  });

  it.each(['24:01', '25:00', '7:00', '07:60', '0700', '', null])('refuses %p', async (text) => {
    expect(tryParseClockTime(text)).toBeUndefined();
  });
});

describe('instants and wall-clock time at UTC+7', () => {
  it.each([
    ['2026-02-17 00:00', '2026-02-16T17:00:00.000Z'],
    ['2026-03-02 07:00', '2026-03-02T00:00:00.000Z'],
    ['2026-03-02 17:00:30', '2026-03-02T10:00:30.000Z'],
    ['2026-03-02T06:59:59.5', '2026-03-01T23:59:59.500Z'],
    ['2027-01-01 06:59', '2026-12-31T23:59:00.000Z'],
  ])('%s local is %s', async (local, utc) => {
    expect(localDateTimeToInstant(local).toISOString()).toBe(utc);
  });

  it.each([
    ['2026-02-16T16:59:59.999Z', '2026-02-16'],
    ['2026-02-16T17:00:00.000Z', '2026-02-17'],
    ['2026-12-31T17:00:00.000Z', '2027-01-01'],
  ])('%s falls on local %s', async (utc, date) => {
    expect(localDateOf(new Date(utc))).toBe(date);
  });

  it('formats back, with seconds only when present', async () => {
    expect(formatLocalDateTime(new Date('2026-03-02T00:00:00Z'))).toBe('2026-03-02 07:00');
    expect(formatLocalDateTime(new Date('2026-03-02T00:00:30.250Z'))).toBe('2026-03-02 07:00:30.250');
    expect(formatLocalDateTime(new Date('2026-03-02T00:00:00Z'), 0)).toBe('2026-03-02 00:00');
  });

  it.each(['2026-02-30 07:00', '2026-02-01 7:00', '2026-02-01', '2026-02-01 07:61'])('refuses %p', async (value) => {
    expect(() => localDateTimeToInstant(value)).toThrow(RangeError);
  });

  it('refuses an Invalid Date instead of computing NaN', async () => {
    expect(() => instantMs(new Date('nope'))).toThrow(TypeError);
    expect(() => localDateOf(new Date(NaN))).toThrow('valid Date');
  });
});
