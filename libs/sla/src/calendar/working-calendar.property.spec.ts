import fc from 'fast-check';
import type { CalendarDefinition, WorkPeriod } from './calendar.types';
import { DEFAULT_GIA_LAI_CALENDAR } from './default-calendar';
import {
  DAY_MS,
  MINUTE_MS,
  formatDayNumber,
  localDateTimeToInstant,
  parseLocalDate,
  tryParseClockTime,
} from './local-date';
import { WorkingCalendar } from './working-calendar';

const OFFSET_MS = 420 * MINUTE_MS;
const FROM = localDateTimeToInstant('2024-01-01 00:00').getTime();
const TO = localDateTimeToInstant('2028-01-01 00:00').getTime();

const allDay: WorkPeriod[] = [{ start: '00:00', end: '24:00' }];
const EVERY_DAY = Object.fromEntries([0, 1, 2, 3, 4, 5, 6].map((day) => [day, allDay]));
const CALENDARS: ReadonlyArray<[string, CalendarDefinition]> = [
  ['the Gia Lai seed', DEFAULT_GIA_LAI_CALENDAR],
  [
    'the seed with Tết 2026 closed, a swapped 2/9 and make-up Saturdays',
    {
      ...DEFAULT_GIA_LAI_CALENDAR,
      exceptions: [
        ...Array.from({ length: 9 }, (_, i) => ({
          date: formatDayNumber(parseLocalDate('2026-02-14') + i),
          kind: 'day_off' as const,
        })),
        { date: '2026-01-10', kind: 'working_day' },
        { date: '2025-04-26', kind: 'working_day', periods: [{ start: '08:00', end: '11:00' }] },
        { date: '2026-09-01', kind: 'working_day' },
        { date: '2026-09-03', kind: 'day_off' },
        { date: '2027-12-31', kind: 'working_day', periods: [{ start: '07:00', end: '11:30' }] },
      ],
    },
  ],
  [
    'an irregular week touching midnight',
    {
      timeZoneOffsetMinutes: 420,
      weekly: {
        1: [
          { start: '00:00', end: '03:00' },
          { start: '08:00', end: '24:00' },
        ],
        2: [{ start: '00:00', end: '00:01' }],
        3: [
          { start: '12:00', end: '12:01' },
          { start: '12:02', end: '12:03' },
        ],
        6: [{ start: '09:00', end: '10:00' }],
      },
      holidayRules: DEFAULT_GIA_LAI_CALENDAR.holidayRules,
      exceptions: [],
    },
  ],
  ['24/7', { timeZoneOffsetMinutes: 420, weekly: EVERY_DAY, holidayRules: null, exceptions: [] }],
];

const PERIOD_EDGES = ['00:00', '07:00', '11:30', '13:30', '17:00', '12:01', '24:00'];
const instant = fc.integer({ min: FROM, max: TO - 1 }).map((ms) => new Date(ms));
/** Instants on round minutes and on period edges are where off-by-one mistakes live, so they are drawn more often. */
const edgyInstant = fc.oneof(
  instant,
  fc.integer({ min: FROM / MINUTE_MS, max: TO / MINUTE_MS - 1 }).map((m) => new Date(m * MINUTE_MS)),
  fc
    .tuple(fc.integer({ min: 0, max: (TO - FROM) / DAY_MS - 1 }), fc.constantFrom(...PERIOD_EDGES))
    .map(([day, clock]) => new Date(FROM + day * DAY_MS + tryParseClockTime(clock)! * MINUTE_MS)),
);
const minutes = fc.integer({ min: 0, max: 50_000 });

/** An independent oracle: sums each local day's periods with plain interval arithmetic, using only the public periodsOn. */
function oracleMillisBetween(calendar: WorkingCalendar, a: number, b: number): number {
  let sum = 0;
  for (let day = Math.floor((a + OFFSET_MS) / DAY_MS); day * DAY_MS - OFFSET_MS < b; day++) {
    for (const period of calendar.periodsOn(formatDayNumber(day))) {
      const start = day * DAY_MS - OFFSET_MS + tryParseClockTime(period.start)! * MINUTE_MS;
      const end = day * DAY_MS - OFFSET_MS + tryParseClockTime(period.end)! * MINUTE_MS;
      sum += Math.max(0, Math.min(end, b) - Math.max(start, a));
    }
  }
  return sum;
}

describe.each(CALENDARS)('properties of %s', (_name, definition) => {
  const calendar = new WorkingCalendar(definition);

  it('businessMinutesBetween(a, addBusinessTime(a, m)) === m', async () => {
    fc.assert(
      fc.property(edgyInstant, minutes, (a, m) => {
        expect(calendar.businessMinutesBetween(a, calendar.addBusinessTime(a, m))).toBe(m);
      }),
      { numRuns: 1000 },
    );
  });

  it('the same holds to the millisecond', async () => {
    fc.assert(
      fc.property(edgyInstant, fc.integer({ min: 0, max: 3_000_000_000 }), (a, ms) => {
        expect(calendar.businessMillisBetween(a, calendar.addBusinessMillis(a, ms))).toBe(ms);
      }),
      { numRuns: 500 },
    );
  });

  it('the deadline is the earliest such instant: open, or the end of a period', async () => {
    fc.assert(
      fc.property(edgyInstant, minutes, (a, m) => {
        const due = calendar.addBusinessTime(a, m);
        expect(due.getTime()).toBeGreaterThanOrEqual(a.getTime());
        if (m === 0) {
          expect(calendar.isOpen(due)).toBe(true);
          expect(due.getTime()).toBe(calendar.nextOpening(a).getTime());
        } else {
          const justBefore = new Date(due.getTime() - 1);
          expect(calendar.isOpen(due) || calendar.isOpen(justBefore)).toBe(true);
          expect(calendar.businessMinutesBetween(a, justBefore)).toBeLessThan(m);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('is monotonic in the duration and in the start', async () => {
    fc.assert(
      fc.property(edgyInstant, edgyInstant, minutes, minutes, (a1, a2, m1, m2) => {
        const [early, late] = a1 <= a2 ? [a1, a2] : [a2, a1];
        const [short, long] = m1 <= m2 ? [m1, m2] : [m2, m1];
        expect(calendar.addBusinessTime(early, short).getTime()).toBeLessThanOrEqual(
          calendar.addBusinessTime(early, long).getTime(),
        );
        expect(calendar.addBusinessTime(early, short).getTime()).toBeLessThanOrEqual(
          calendar.addBusinessTime(late, short).getTime(),
        );
      }),
      { numRuns: 500 },
    );
  });

  it('adding in two steps equals adding at once (for a positive second step)', async () => {
    fc.assert(
      fc.property(edgyInstant, minutes, fc.integer({ min: 1, max: 20_000 }), (a, m1, m2) => {
        const twoSteps = calendar.addBusinessTime(calendar.addBusinessTime(a, m1), m2);
        expect(twoSteps.getTime()).toBe(calendar.addBusinessTime(a, m1 + m2).getTime());
      }),
      { numRuns: 500 },
    );
  });

  it('durations are signed, additive and never exceed elapsed time', async () => {
    fc.assert(
      fc.property(edgyInstant, edgyInstant, edgyInstant, (a, b, c) => {
        const ab = calendar.businessMillisBetween(a, b);
        expect(calendar.businessMillisBetween(b, a)).toBe(0 - ab);
        expect(ab + calendar.businessMillisBetween(b, c)).toBe(calendar.businessMillisBetween(a, c));
        expect(Math.abs(ab)).toBeLessThanOrEqual(Math.abs(b.getTime() - a.getTime()));
        expect(Math.sign(ab) * Math.sign(b.getTime() - a.getTime())).not.toBe(-1);
      }),
      { numRuns: 500 },
    );
  });

  it('durations agree with a day-by-day oracle built on periodsOn', async () => {
    fc.assert(
      fc.property(edgyInstant, fc.integer({ min: 0, max: 60 * DAY_MS }), (a, length) => {
        const b = Math.min(a.getTime() + length, TO);
        expect(calendar.businessMillisBetween(a, new Date(b))).toBe(oracleMillisBetween(calendar, a.getTime(), b));
      }),
      { numRuns: 300 },
    );
  });

  it('nextOpening is open, not before t, and adds no business time', async () => {
    fc.assert(
      fc.property(edgyInstant, (t) => {
        const opening = calendar.nextOpening(t);
        expect(opening.getTime()).toBeGreaterThanOrEqual(t.getTime());
        expect(calendar.isOpen(opening)).toBe(true);
        expect(calendar.businessMillisBetween(t, opening)).toBe(0);
        expect(calendar.isOpen(t)).toBe(opening.getTime() === t.getTime());
      }),
      { numRuns: 500 },
    );
  });

  it('J+n ends a working day with exactly n working days after day J', async () => {
    fc.assert(
      fc.property(edgyInstant, fc.integer({ min: 0, max: 10 }), (t, n) => {
        const due = calendar.addWorkingDays(t, n);
        const lastMoment = new Date(due.getTime() - 1);
        const dueDay = calendar.localDateOf(lastMoment);
        expect(calendar.isWorkingDay(dueDay)).toBe(true);
        expect(calendar.isOpen(lastMoment)).toBe(true);
        expect(calendar.businessMillisBetween(due, calendar.nextOpening(due))).toBe(0);
        let counted = 0;
        for (let day = parseLocalDate(calendar.localDateOf(t)) + 1; day <= parseLocalDate(dueDay); day++) {
          if (calendar.isWorkingDay(formatDayNumber(day))) counted++;
        }
        expect(counted).toBe(n === 0 && dueDay !== calendar.localDateOf(t) ? 1 : n);
      }),
      { numRuns: 300 },
    );
  });
});
