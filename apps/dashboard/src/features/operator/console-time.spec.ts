import { clock, startOfTodayVN } from './console-time';

describe('startOfTodayVN (the operator console\'s "today" is Vietnam\'s day, UTC+7)', () => {
  it.each([
    ['2026-03-02T10:00:00Z', '2026-03-02', '2026-03-01T17:00:00.000Z'],
    ['2026-03-02T16:59:59Z', '2026-03-02', '2026-03-01T17:00:00.000Z'],
    // 17:00 UTC is already midnight of the next day in Vietnam.
    ['2026-03-02T17:00:00Z', '2026-03-03', '2026-03-02T17:00:00.000Z'],
    ['2026-12-31T20:00:00Z', '2027-01-01', '2026-12-31T17:00:00.000Z'],
  ])('%s → day %s, from %s', (now, day, iso) => {
    expect(startOfTodayVN(Date.parse(now))).toEqual({ day, iso });
  });
});

describe('clock', () => {
  it.each([
    [null, '—'],
    [0, '0:00'],
    [7, '0:07'],
    [65, '1:05'],
    [3600, '1:00:00'],
    [3725.4, '1:02:05'],
  ])('%s → %s', (s, text) => {
    expect(clock(s)).toBe(text);
  });
});
