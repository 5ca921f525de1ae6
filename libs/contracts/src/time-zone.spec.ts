import { vnDayStart, vnLocalDate, vnWallClock } from './time-zone';

describe('Vietnam time (UTC+7, no daylight saving)', () => {
  it.each([
    ['2026-03-22T16:59:59.999Z', '2026-03-22'],
    ['2026-03-22T17:00:00.000Z', '2026-03-23'],
    ['2026-12-31T17:00:00.000Z', '2027-01-01'],
  ])('%s is local date %s', (iso, date) => {
    expect(vnLocalDate(new Date(iso))).toBe(date);
    expect(vnLocalDate(Date.parse(iso))).toBe(date);
  });

  it('starts the local day at 17:00 UTC of the day before', () => {
    expect(vnDayStart(new Date('2026-03-23T05:00:00Z')).toISOString()).toBe('2026-03-22T17:00:00.000Z');
    expect(vnDayStart(new Date('2026-03-22T17:00:00Z')).toISOString()).toBe('2026-03-22T17:00:00.000Z');
  });

  it('reads wall-clock hours and weekdays', () => {
    const t = vnWallClock(new Date('2026-03-22T17:30:00Z')); // Monday 00:30 in Gia Lai
    expect([t.getUTCDay(), t.getUTCHours(), t.getUTCMinutes()]).toEqual([1, 0, 30]);
  });
});
