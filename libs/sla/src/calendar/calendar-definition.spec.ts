import type { CalendarDefinition } from './calendar.types';
import { CalendarError, normalizeCalendarDefinition, validateCalendarDefinition } from './calendar-definition';
import { DEFAULT_GIA_LAI_CALENDAR, DEFAULT_HOLIDAY_RULES, GIA_LAI_OFFICE_HOURS } from './default-calendar';
import { WorkingCalendar } from './working-calendar';

const base = DEFAULT_GIA_LAI_CALENDAR;
const withChanges = (changes: Partial<Record<keyof CalendarDefinition, unknown>>): CalendarDefinition =>
  ({ ...base, ...changes }) as CalendarDefinition;
const withRules = (changes: Record<string, unknown>): CalendarDefinition =>
  withChanges({ holidayRules: { ...DEFAULT_HOLIDAY_RULES, ...changes } });

describe('validateCalendarDefinition', () => {
  it('accepts the seed calendar', async () => {
    expect(validateCalendarDefinition(DEFAULT_GIA_LAI_CALENDAR)).toEqual([]);
  });

  it.each<[string, CalendarDefinition, RegExp]>([
    ['an offset beyond UTC+14', withChanges({ timeZoneOffsetMinutes: 900 }), /timeZoneOffsetMinutes/],
    ['a fractional offset', withChanges({ timeZoneOffsetMinutes: 420.5 }), /timeZoneOffsetMinutes/],
    ['an hour of 25', withChanges({ weekly: { 1: [{ start: '07:00', end: '25:00' }] } }), /weekly\[1\]: period 1/],
    [
      'a period ending before it starts',
      withChanges({ weekly: { 2: [{ start: '13:30', end: '11:30' }] } }),
      /start before end/,
    ],
    ['an empty period', withChanges({ weekly: { 2: [{ start: '08:00', end: '08:00' }] } }), /start before end/],
    [
      'overlapping periods',
      withChanges({
        weekly: {
          3: [
            { start: '07:00', end: '12:00' },
            { start: '11:00', end: '17:00' },
          ],
        },
      }),
      /weekly\[3\]: periods overlap around 11:00/,
    ],
    ['weekday 7', withChanges({ weekly: { 7: GIA_LAI_OFFICE_HOURS } }), /unknown weekday keys 7/],
    ['weekly periods that are not a list', withChanges({ weekly: { 1: 'all day' } }), /must be a list/],
    ['an empty makeUpDayPeriods', withChanges({ makeUpDayPeriods: [] }), /makeUpDayPeriods/],
    ['zero Tết days', withRules({ tetDays: 0 }), /tetDays/],
    ['more days before Tết than Tết has', withRules({ tetDaysBeforeNewYear: 6 }), /tetDaysBeforeNewYear/],
    ['an unknown 2/9 choice', withRules({ nationalDayAdjacent: 'middle' }), /nationalDayAdjacent/],
    ['an unknown preset', withRules({ preset: 'labour-code-2012' }), /preset/],
    ['a non-boolean substitute flag', withRules({ substituteOnRestDay: 'yes' }), /substituteOnRestDay/],
    [
      'an impossible exception date',
      withChanges({ exceptions: [{ date: '2026-02-30', kind: 'day_off' }] }),
      /exception 2026-02-30: date/,
    ],
    [
      'two exceptions on one date',
      withChanges({
        exceptions: [
          { date: '2026-02-16', kind: 'day_off' },
          { date: '2026-02-16', kind: 'working_day' },
        ],
      }),
      /more than one exception/,
    ],
    [
      'an unknown exception kind',
      withChanges({ exceptions: [{ date: '2026-02-16', kind: 'half_day' }] }),
      /kind must be/,
    ],
    [
      'a day off with periods',
      withChanges({ exceptions: [{ date: '2026-02-16', kind: 'day_off', periods: GIA_LAI_OFFICE_HOURS }] }),
      /a day off cannot have periods/,
    ],
    [
      'a working day with an empty list',
      withChanges({ exceptions: [{ date: '2026-02-16', kind: 'working_day', periods: [] }] }),
      /at least one period/,
    ],
    [
      'a make-up day with no hours to default to',
      withChanges({ weekly: {}, exceptions: [{ date: '2026-02-14', kind: 'working_day' }] }),
      /needs periods/,
    ],
    ['a missing definition body', null as unknown as CalendarDefinition, /Malformed calendar definition/],
  ])('reports %s', async (_label, definition, problem) => {
    const problems = validateCalendarDefinition(definition);
    expect(problems.some((p) => problem.test(p))).toBe(true);
  });

  it('reports every problem at once', async () => {
    const definition = withChanges({
      timeZoneOffsetMinutes: 9999,
      weekly: { 1: [{ start: 'x', end: 'y' }] },
      exceptions: [{ date: 'tomorrow', kind: 'day_off' }],
    });
    expect(validateCalendarDefinition(definition)).toHaveLength(3);
  });
});

describe('normalisation', () => {
  it('sorts periods and merges touching ones', async () => {
    const calendar = new WorkingCalendar(
      withChanges({
        holidayRules: null,
        weekly: {
          1: [
            { start: '13:30', end: '17:00' },
            { start: '07:00', end: '11:30' },
            { start: '11:30', end: '12:00' },
          ],
        },
      }),
    );
    expect(calendar.periodsOn('2026-03-02')).toEqual([
      { start: '07:00', end: '12:00' },
      { start: '13:30', end: '17:00' },
    ]);
  });

  it('defaults make-up hours to the first weekday with hours, Monday first', async () => {
    const weekly = { 0: [{ start: '09:00', end: '10:00' }], 3: [{ start: '08:00', end: '12:00' }] };
    const normalized = normalizeCalendarDefinition(withChanges({ weekly }));
    expect(normalized.makeUpSpans).toEqual([{ start: 8 * 3_600_000, end: 12 * 3_600_000 }]);
  });

  it('the constructor throws a CalendarError listing the problems', async () => {
    const build = () => new WorkingCalendar(withChanges({ timeZoneOffsetMinutes: 9999, weekly: { 9: [] } }));
    expect(build).toThrow(CalendarError);
    try {
      build();
    } catch (error) {
      expect((error as CalendarError).code).toBe('CALENDAR_INVALID');
      expect((error as CalendarError).details).toHaveLength(2);
    }
  });
});
