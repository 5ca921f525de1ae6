import { DEFAULT_OPENING_HOURS, formatOpeningHours, isOpenAt, nextOpeningAt, parseOpeningHours } from './opening-hours';

describe('parseOpeningHours', () => {
  it.each([
    ['mon-fri 07:00-11:30,13:30-17:00; sat 07:00-11:30', DEFAULT_OPENING_HOURS],
    ['T2-T6 07:00-11:30,13:30-17:00; T7 07:00-11:30', DEFAULT_OPENING_HOURS],
    ['mon,wed 7:30-12:00', { mon: [['07:30', '12:00']], wed: [['07:30', '12:00']] }],
    ['CN 08:00-10:00', { sun: [['08:00', '10:00']] }],
    [
      '{"tue":[["13:30","17:00"],["07:00","11:30"]]}',
      {
        tue: [
          ['07:00', '11:30'],
          ['13:30', '17:00'],
        ],
      },
    ],
  ])('parses %s', (text, expected) => {
    expect(parseOpeningHours(text)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['', /empty/],
    ['monday 07:00-11:00', /unknown days/],
    ['fri-mon 07:00-11:00', /unknown days/],
    ['mon 07:00', /expected HH:mm-HH:mm/],
    ['mon 11:00-07:00', /ends before it starts/],
    ['mon 07:00-12:00,11:00-13:00', /overlap/],
    ['mon 25:00-26:00', /HH:mm/],
    ['{"mon": 3}', /periods must be a list/],
    ['{bad json', /do not parse/],
    ['{"xyz":[]}', /unknown weekday/],
  ])('refuses %s', (text, error) => {
    const r = parseOpeningHours(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(error);
  });

  it('round-trips through the compact form', () => {
    expect(parseOpeningHours(formatOpeningHours(DEFAULT_OPENING_HOURS))).toEqual({
      ok: true,
      value: DEFAULT_OPENING_HOURS,
    });
  });
});

describe('isOpenAt / nextOpeningAt (Vietnam local time, UTC+7)', () => {
  // 2026-12-01 is a Tuesday.
  it.each([
    ['2026-12-01T00:00:00Z', true], // 07:00 local Tuesday
    ['2026-11-30T23:59:00Z', false], // 06:59 local
    ['2026-12-01T04:30:00Z', false], // 11:30 local: lunch starts
    ['2026-12-01T06:30:00Z', true], // 13:30 local
    ['2026-12-01T09:59:59Z', true], // 16:59:59 local
    ['2026-12-01T10:00:00Z', false], // 17:00 local
    ['2026-12-05T03:00:00Z', true], // Saturday 10:00 local
    ['2026-12-05T07:00:00Z', false], // Saturday 14:00 local
    ['2026-12-06T03:00:00Z', false], // Sunday
  ])('%s open=%s', (iso, open) => {
    expect(isOpenAt(DEFAULT_OPENING_HOURS, new Date(iso))).toBe(open);
  });

  it.each([
    ['2026-12-01T05:00:00Z', '2026-12-01T06:30:00.000Z'], // lunch → 13:30 same day
    ['2026-12-01T11:00:00Z', '2026-12-02T00:00:00.000Z'], // evening → 07:00 next day
    ['2026-12-05T07:00:00Z', '2026-12-07T00:00:00.000Z'], // Saturday afternoon → Monday 07:00
    ['2026-12-01T02:00:00Z', '2026-12-01T02:00:00.000Z'], // already open
  ])('next opening after %s is %s', (iso, expected) => {
    expect(nextOpeningAt(DEFAULT_OPENING_HOURS, new Date(iso))?.toISOString()).toBe(expected);
  });

  it('never opens with no hours', () => {
    expect(nextOpeningAt({}, new Date())).toBeNull();
  });
});
