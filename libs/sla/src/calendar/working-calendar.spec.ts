import type { CalendarDefinition, CalendarException } from './calendar.types';
import { CalendarError } from './calendar-definition';
import { DEFAULT_GIA_LAI_CALENDAR } from './default-calendar';
import { formatLocalDateTime, localDateTimeToInstant, parseLocalDate, formatDayNumber } from './local-date';
import { WorkingCalendar } from './working-calendar';

/** Wall-clock time in Gia Lai → UTC instant, and back: the tables below read as an operator would. */
const at = (local: string): Date => localDateTimeToInstant(local);
const show = (instant: Date): string => formatLocalDateTime(instant);

const seed = new WorkingCalendar(DEFAULT_GIA_LAI_CALENDAR);

/** Gia Lai's Public Administration Service Center was closed 14/2–22/2/2026 for Tết Bính Ngọ. */
const TET_2026_CLOSURE: CalendarException[] = Array.from({ length: 9 }, (_, i) => ({
  date: formatDayNumber(parseLocalDate('2026-02-14') + i),
  kind: 'day_off' as const,
  name: 'Nghỉ Tết Bính Ngọ',
}));
const withExceptions = (exceptions: CalendarException[], changes: Partial<CalendarDefinition> = {}): WorkingCalendar =>
  new WorkingCalendar({ ...DEFAULT_GIA_LAI_CALENDAR, ...changes, exceptions });

describe('isOpen (periods are half-open)', () => {
  it.each([
    ['2026-03-02 06:59', false, 'before opening'],
    ['2026-03-02 07:00', true, 'at opening'],
    ['2026-03-02 11:29:59.999', true, 'the last millisecond of the morning'],
    ['2026-03-02 11:30', false, 'at the start of lunch'],
    ['2026-03-02 12:15', false, 'at lunch'],
    ['2026-03-02 13:30', true, 'after lunch'],
    ['2026-03-02 17:00', false, 'at closing'],
    ['2026-03-02 23:00', false, 'at night'],
    ['2026-03-07 09:00', false, 'on Saturday'],
    ['2026-03-08 09:00', false, 'on Sunday'],
    ['2026-01-01 09:00', false, 'on Tết Dương lịch'],
    ['2026-02-17 09:00', false, 'on mùng 1 Tết'],
    ['2026-04-27 09:00', false, 'on the substitute day for Giỗ Tổ (Sunday 26/4)'],
    ['2026-09-01 09:00', false, 'on the day adjacent to Quốc khánh'],
  ])('%s → %p (%s)', async (local, open) => {
    expect(seed.isOpen(at(local))).toBe(open);
  });
});

describe('nextOpening', () => {
  it.each([
    ['2026-03-02 06:00', '2026-03-02 07:00', 'early morning'],
    ['2026-03-02 09:10:05', '2026-03-02 09:10:05', 'already open: unchanged'],
    ['2026-03-02 11:30', '2026-03-02 13:30', 'lunch starts'],
    ['2026-03-02 12:15', '2026-03-02 13:30', 'lunch'],
    ['2026-03-02 17:00', '2026-03-03 07:00', 'closing time'],
    ['2026-03-06 17:30', '2026-03-09 07:00', 'Friday evening'],
    ['2026-03-07 10:00', '2026-03-09 07:00', 'Saturday'],
    ['2026-02-13 18:00', '2026-02-23 07:00', 'the Friday before Tết 2026'],
    ['2026-12-31 17:00', '2027-01-04 07:00', 'across the year boundary (1/1/2027 is a Friday)'],
    ['2026-04-29 17:00', '2026-05-04 07:00', 'before 30/4 and 1/5'],
  ])('%s → %s (%s)', async (from, expected) => {
    expect(show(seed.nextOpening(at(from)))).toBe(expected);
  });
});

describe('addBusinessTime', () => {
  it.each([
    ['2026-03-02 08:00', 60, '2026-03-02 09:00', 'inside a period'],
    ['2026-03-02 10:30', 60, '2026-03-02 11:30', 'ends exactly at lunch: due by 11:30'],
    ['2026-03-02 10:30', 61, '2026-03-02 13:31', 'spills over lunch'],
    ['2026-03-02 12:00', 30, '2026-03-02 14:00', 'starts at lunch'],
    ['2026-03-02 12:00', 0, '2026-03-02 13:30', 'zero from lunch is the next opening'],
    ['2026-03-02 09:00', 0, '2026-03-02 09:00', 'zero from an open instant is that instant'],
    ['2026-03-02 05:00', 30, '2026-03-02 07:30', 'starts before opening'],
    ['2026-03-02 20:00', 30, '2026-03-03 07:30', 'starts after closing'],
    ['2026-03-02 16:00', 60, '2026-03-02 17:00', 'ends exactly at closing'],
    ['2026-03-02 16:00', 61, '2026-03-03 07:01', 'rolls to the next morning'],
    ['2026-03-02 07:00', 480, '2026-03-02 17:00', 'a full day is 8 hours'],
    ['2026-03-02 07:00', 481, '2026-03-03 07:01', 'one minute more'],
    ['2026-03-02 15:00', 240, '2026-03-03 09:00', '4 working hours (first response)'],
    ['2026-03-02 07:00', 5 * 480, '2026-03-06 17:00', '5 working days'],
    ['2026-03-06 16:00', 120, '2026-03-09 08:00', 'over a weekend'],
    ['2026-03-07 10:00', 15, '2026-03-09 07:15', 'starts on Saturday'],
    ['2026-04-30 09:00', 60, '2026-05-04 08:00', 'starts on a holiday (30/4, then 1/5 and the weekend)'],
    ['2026-04-24 16:30', 60, '2026-04-28 07:30', 'over the Giỗ Tổ substitute Monday'],
    ['2026-02-13 16:00', 120, '2026-02-23 08:00', 'over Tết 2026 (computed rules)'],
    ['2026-12-31 16:30', 60, '2027-01-04 07:30', 'over New Year 2027'],
    ['2024-12-31 16:00', 120, '2025-01-02 08:00', 'over New Year 2025'],
    ['2025-12-31 16:00', 2400, '2026-01-08 16:00', '5 days over New Year 2026 (1/1 is a Thursday)'],
    ['2026-03-02 08:00', 0.5, '2026-03-02 08:00:30', 'fractional minutes'],
  ])('%s + %p min → %s (%s)', async (from, minutes, expected) => {
    expect(show(seed.addBusinessTime(at(from), minutes))).toBe(expected);
  });

  it('adds a long duration across several years without walking minute by minute', async () => {
    const start = at('2024-01-02 07:00');
    const minutes = 800 * 480;
    const due = seed.addBusinessTime(start, minutes);
    expect(seed.businessMinutesBetween(start, due)).toBe(minutes);
    expect(due.getUTCFullYear()).toBe(2027);
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])('refuses %p minutes', async (minutes) => {
    expect(() => seed.addBusinessTime(at('2026-03-02 08:00'), minutes)).toThrow(RangeError);
  });

  it('refuses an Invalid Date', async () => {
    expect(() => seed.addBusinessTime(new Date('not a date'), 10)).toThrow(TypeError);
  });

  it('returns a new Date, never the caller’s object', async () => {
    const start = at('2026-03-02 09:00');
    const due = seed.addBusinessTime(start, 0);
    expect(due).not.toBe(start);
    expect(due.getTime()).toBe(start.getTime());
  });
});

describe('businessMinutesBetween / businessMillisBetween', () => {
  it.each([
    ['2026-03-02 08:00', '2026-03-02 09:00', 60, 'inside a period'],
    ['2026-03-02 11:00', '2026-03-02 14:00', 60, 'lunch does not count'],
    ['2026-03-02 06:00', '2026-03-02 07:00', 0, 'before opening'],
    ['2026-03-06 16:00', '2026-03-09 08:00', 120, 'over a weekend'],
    ['2026-03-07 09:00', '2026-03-08 12:00', 0, 'inside a weekend'],
    ['2026-03-02 09:00', '2026-03-02 09:00', 0, 'an empty interval'],
    ['2026-03-02 09:00', '2026-03-02 08:00', -60, 'signed: b before a'],
    ['2026-03-09 08:00', '2026-03-06 16:00', -120, 'signed over a weekend'],
    ['2026-03-08 12:00', '2026-03-07 09:00', 0, 'signed zero stays +0'],
    ['2026-12-31 16:30', '2027-01-04 07:30', 60, 'across a year boundary'],
    ['2026-02-13 07:00', '2026-02-23 17:00', 960, 'over Tết 2026'],
    ['2026-03-02 08:00', '2026-03-02 08:00:30', 0.5, 'fractional minutes'],
  ])('%s → %s = %p min (%s)', async (a, b, minutes) => {
    const between = seed.businessMinutesBetween(at(a), at(b));
    expect(Object.is(between, minutes)).toBe(true);
    expect(seed.businessMillisBetween(at(a), at(b))).toBe(minutes * 60_000);
  });

  it('over several years equals 8 hours per working day', async () => {
    let workingDays = 0;
    for (let day = parseLocalDate('2024-01-01'); day < parseLocalDate('2027-01-01'); day++) {
      if (seed.isWorkingDay(formatDayNumber(day))) workingDays++;
    }
    expect(seed.businessMinutesBetween(at('2024-01-01 00:00'), at('2027-01-01 00:00'))).toBe(workingDays * 480);
  });
});

describe('addWorkingDays (J+n delivery due dates)', () => {
  it.each([
    ['2026-03-02 10:00', 1, '2026-03-03 17:00', 'J+1 from Monday morning'],
    ['2026-03-02 20:00', 1, '2026-03-03 17:00', 'the hour on day J does not matter'],
    ['2026-03-02 10:00', 2, '2026-03-04 17:00', 'J+2'],
    ['2026-03-02 10:00', 4, '2026-03-06 17:00', 'J+4'],
    ['2026-03-05 10:00', 2, '2026-03-09 17:00', 'J+2 from Thursday skips the weekend'],
    ['2026-03-06 10:00', 1, '2026-03-09 17:00', 'J+1 from Friday'],
    ['2026-03-07 10:00', 1, '2026-03-09 17:00', 'J+1 from Saturday'],
    ['2026-03-02 10:00', 0, '2026-03-02 17:00', 'J+0 is the close of the same day'],
    ['2026-03-07 10:00', 0, '2026-03-09 17:00', 'J+0 on a closed day is the next working day'],
    ['2026-02-12 10:00', 2, '2026-02-23 17:00', 'J+2 over Tết 2026'],
    ['2026-04-29 10:00', 1, '2026-05-04 17:00', 'J+1 over 30/4 and 1/5'],
    ['2026-04-24 10:00', 1, '2026-04-28 17:00', 'J+1 over the Giỗ Tổ substitute Monday'],
    ['2026-04-22 10:00', 4, '2026-04-29 17:00', 'J+4 over the Giỗ Tổ substitute Monday'],
    ['2026-12-31 10:00', 1, '2027-01-04 17:00', 'J+1 over New Year'],
    ['2026-03-02 10:00', 8, '2026-03-12 17:00', 'J+8 (between provinces, with appointment slip)'],
  ])('%s J+%i → %s (%s)', async (from, n, expected) => {
    expect(show(seed.addWorkingDays(at(from), n))).toBe(expected);
  });

  it('ends at the last period of a shortened day', async () => {
    const calendar = withExceptions([
      { date: '2026-03-03', kind: 'working_day', periods: [{ start: '07:00', end: '11:30' }] },
    ]);
    expect(show(calendar.addWorkingDays(at('2026-03-02 10:00'), 1))).toBe('2026-03-03 11:30');
  });

  it.each([-1, 1.5, Number.NaN])('refuses n = %p', async (n) => {
    expect(() => seed.addWorkingDays(at('2026-03-02 10:00'), n)).toThrow(RangeError);
  });
});

describe('Tết 2026 closure entered as exceptions (14/2–22/2)', () => {
  const noRules = withExceptions([], { holidayRules: null });
  const closure = withExceptions(TET_2026_CLOSURE, { holidayRules: null });
  const both = withExceptions(TET_2026_CLOSURE);

  it.each([
    [noRules, '2026-02-16 08:00', 'without rules or exceptions Tết would be a working week'],
    [closure, '2026-02-23 08:00', 'the closure alone'],
    [both, '2026-02-23 08:00', 'the closure on top of the computed rules'],
  ])('Friday 13/2 16:00 + 120 min (%#) → %s: %s', async (calendar, expected) => {
    expect(show(calendar.addBusinessTime(at('2026-02-13 16:00'), 120))).toBe(expected);
  });

  it('explains each closed day by the exception', async () => {
    expect(both.describeDay('2026-02-16')).toEqual({
      date: '2026-02-16',
      weekday: 1,
      working: false,
      periods: [],
      source: 'exception',
      name: 'Nghỉ Tết Bính Ngọ',
    });
    expect(both.describeDay('2026-02-23')).toMatchObject({ working: true, source: 'weekly' });
    expect(both.businessMinutesBetween(at('2026-02-13 07:00'), at('2026-02-23 17:00'))).toBe(960);
  });
});

describe('exceptions win over rules', () => {
  const swapped = withExceptions([
    { date: '2026-09-01', kind: 'working_day', name: 'Làm việc (hoán đổi)' },
    { date: '2026-09-03', kind: 'day_off', name: 'Nghỉ Quốc khánh (hoán đổi)' },
    { date: '2026-04-27', kind: 'working_day' },
    { date: '2026-01-10', kind: 'working_day', name: 'Làm bù' },
    { date: '2026-01-17', kind: 'working_day', periods: [{ start: '08:00', end: '12:00' }] },
    { date: '2026-03-03', kind: 'day_off', name: 'Nghỉ đột xuất' },
    { date: '2026-03-04', kind: 'working_day', periods: [{ start: '07:00', end: '11:30' }] },
  ]);

  it.each([
    ['2026-09-01', true, 'a computed holiday worked instead'],
    ['2026-09-03', false, 'an ordinary Thursday given off instead'],
    ['2026-04-27', true, 'a substitute day cancelled'],
    ['2026-01-10', true, 'a make-up Saturday'],
    ['2026-03-03', false, 'an extra day off'],
    ['2026-03-05', true, 'days without exceptions are untouched'],
  ])('%s working = %p (%s)', async (date, working) => {
    expect(swapped.isWorkingDay(date)).toBe(working);
  });

  it.each([
    [
      '2026-01-10',
      [
        { start: '07:00', end: '11:30' },
        { start: '13:30', end: '17:00' },
      ],
      'make-up Saturday with the default hours',
    ],
    ['2026-01-17', [{ start: '08:00', end: '12:00' }], 'make-up Saturday with its own hours'],
    ['2026-03-04', [{ start: '07:00', end: '11:30' }], 'a weekday shortened to a morning'],
    [
      '2026-09-01',
      [
        { start: '07:00', end: '11:30' },
        { start: '13:30', end: '17:00' },
      ],
      'a swapped holiday keeps the weekday hours',
    ],
    ['2026-03-03', [], 'a day off'],
  ])('periodsOn(%s) (%s)', async (date, periods) => {
    expect(swapped.periodsOn(date)).toEqual(periods);
  });

  it.each([
    ['2026-01-09 16:00', 120, '2026-01-10 08:00', 'Friday work continues on the make-up Saturday'],
    ['2026-01-16 16:30', 60, '2026-01-17 08:30', 'into a make-up Saturday with its own hours'],
    ['2026-03-02 16:00', 120, '2026-03-04 08:00', 'over an extra day off'],
    ['2026-03-04 11:00', 60, '2026-03-05 07:30', 'a shortened day closes at 11:30'],
    ['2026-08-31 16:00', 120, '2026-09-01 08:00', 'into the swapped working day'],
  ])('%s + %i min → %s (%s)', async (from, minutes, expected) => {
    expect(show(swapped.addBusinessTime(at(from), minutes))).toBe(expected);
  });

  it('keeps the holiday name on an exception day that gives none', async () => {
    expect(swapped.describeDay('2026-04-27')).toMatchObject({
      working: true,
      source: 'exception',
      name: 'Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch)',
    });
  });

  it('describes computed holidays and plain weekdays', async () => {
    expect(seed.describeDay('2026-02-17')).toMatchObject({
      working: false,
      source: 'holiday',
      name: 'Tết Nguyên Đán (mùng 1)',
    });
    expect(seed.describeDay('2026-03-07')).toEqual({
      date: '2026-03-07',
      weekday: 6,
      working: false,
      periods: [],
      source: 'weekly',
    });
  });
});

describe('other calendars', () => {
  it('a 24/7 calendar adds plain time', async () => {
    const allDay = [{ start: '00:00', end: '24:00' }];
    const calendar = new WorkingCalendar({
      timeZoneOffsetMinutes: 420,
      weekly: { 0: allDay, 1: allDay, 2: allDay, 3: allDay, 4: allDay, 5: allDay, 6: allDay },
      holidayRules: null,
      exceptions: [],
    });
    expect(show(calendar.addBusinessTime(at('2026-12-31 23:00'), 120))).toBe('2027-01-01 01:00');
    expect(calendar.businessMinutesBetween(at('2026-01-01 00:00'), at('2027-01-01 00:00'))).toBe(365 * 1440);
    expect(calendar.isOpen(at('2026-02-17 03:00'))).toBe(true);
  });

  it('works at another offset (UTC)', async () => {
    const calendar = new WorkingCalendar({ ...DEFAULT_GIA_LAI_CALENDAR, timeZoneOffsetMinutes: 0 });
    expect(calendar.addBusinessTime(new Date('2026-03-02T16:00:00Z'), 90).toISOString()).toBe(
      '2026-03-03T07:30:00.000Z',
    );
    expect(calendar.localDateOf(new Date('2026-03-02T23:30:00Z'))).toBe('2026-03-02');
    expect(seed.localDateOf(new Date('2026-03-02T23:30:00Z'))).toBe('2026-03-03');
  });

  it('a calendar open only on dated exceptions still finds them', async () => {
    const calendar = new WorkingCalendar({
      timeZoneOffsetMinutes: 420,
      weekly: {},
      makeUpDayPeriods: [{ start: '08:00', end: '10:00' }],
      holidayRules: null,
      exceptions: [{ date: '2027-06-01', kind: 'working_day' }],
    });
    expect(show(calendar.nextOpening(at('2026-01-01 00:00')))).toBe('2027-06-01 08:00');
    expect(show(calendar.addBusinessTime(at('2026-01-01 00:00'), 90))).toBe('2027-06-01 09:30');
    expect(show(calendar.addWorkingDays(at('2026-01-01 00:00'), 1))).toBe('2027-06-01 10:00');
  });

  describe('a calendar without any working time fails clearly instead of looping', () => {
    const empty = new WorkingCalendar({ ...DEFAULT_GIA_LAI_CALENDAR, weekly: {} });

    it.each([
      ['nextOpening', () => empty.nextOpening(at('2026-03-02 08:00'))],
      ['addBusinessTime', () => empty.addBusinessTime(at('2026-03-02 08:00'), 1)],
      ['addWorkingDays', () => empty.addWorkingDays(at('2026-03-02 08:00'), 1)],
    ])('%s throws CALENDAR_NO_WORKING_TIME', async (_name, call) => {
      expect(call).toThrow(CalendarError);
      expect(call).toThrow(/no working time within 3 years after 2026-03-0[23]: check its weekly hours/);
    });

    it('while durations are simply zero', async () => {
      expect(empty.businessMinutesBetween(at('2026-01-01 00:00'), at('2028-01-01 00:00'))).toBe(0);
      expect(empty.isOpen(at('2026-03-02 08:00'))).toBe(false);
    });
  });

  it('lists the holidays it applies', async () => {
    expect(seed.holidays(2026).map((h) => h.date)).toContain('2026-04-27');
    expect(new WorkingCalendar({ ...DEFAULT_GIA_LAI_CALENDAR, holidayRules: null }).holidays(2026)).toEqual([]);
  });

  it('refuses a malformed local date', async () => {
    expect(() => seed.periodsOn('2026-02-30')).toThrow(RangeError);
    expect(() => seed.isWorkingDay('16/02/2026')).toThrow(RangeError);
  });
});

describe('speed', () => {
  it('computes 100k deadlines and durations well within a second or two', async () => {
    const calendar = new WorkingCalendar(DEFAULT_GIA_LAI_CALENDAR);
    const from = at('2024-01-01 00:00').getTime();
    const span = at('2028-01-01 00:00').getTime() - from;
    const started = performance.now();
    let checksum = 0;
    for (let i = 0; i < 100_000; i++) {
      const start = new Date(from + ((i * 7_919_993_311) % span));
      const due = calendar.addBusinessTime(start, (i % 50) * 480 + 240);
      checksum += calendar.businessMinutesBetween(start, due) + calendar.addWorkingDays(start, i % 9).getTime() * 0;
    }
    const elapsedMs = performance.now() - started;
    expect(checksum).toBe(Array.from({ length: 100_000 }, (_, i) => (i % 50) * 480 + 240).reduce((a, b) => a + b, 0));
    expect(elapsedMs).toBeLessThan(5_000);
  });
});
