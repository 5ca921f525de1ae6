import {
  formatDecimal,
  formatPeriods,
  parsePeriods,
  periodMinutes,
  splitBusinessMinutes,
  workingDayMinutes,
} from './business-time';

const GIA_LAI = [
  { start: '07:00', end: '11:30' },
  { start: '13:30', end: '17:00' },
];

describe('business time on the admin screens', () => {
  it('a Gia Lai working day is 8 hours; the longest weekday counts', () => {
    expect(periodMinutes(GIA_LAI)).toBe(480);
    expect(workingDayMinutes({ weekly: { 1: GIA_LAI, 6: [{ start: '07:00', end: '11:30' }] } })).toBe(480);
    expect(workingDayMinutes({ weekly: { 0: [{ start: '00:00', end: '24:00' }] } })).toBe(1440);
    expect(workingDayMinutes({ weekly: {} })).toBe(0);
    expect(workingDayMinutes(null)).toBe(0);
  });

  it.each([
    [240, 480, 4, 0.5],
    [2400, 480, 40, 5],
    [90, 480, 1.5, 0.1875],
    [60, 0, 1, null],
  ])('%d minutes with %d-minute days → %d h, %s days', (min, day, hours, days) => {
    expect(splitBusinessMinutes(min, day)).toEqual({ hours, days });
  });

  it('decimals are written per language', () => {
    expect(formatDecimal(0.1875, 'vi')).toBe('0,19');
    expect(formatDecimal(1.5, 'en')).toBe('1.5');
    expect(formatDecimal(5, 'vi')).toBe('5');
  });

  it('periods are parsed and written back', () => {
    expect(parsePeriods('07:00-11:30, 13:30–17:00')).toEqual(GIA_LAI);
    expect(parsePeriods('07:00-24:00')).toEqual([{ start: '07:00', end: '24:00' }]);
    expect(parsePeriods('')).toEqual([]);
    expect(parsePeriods('7h-11h')).toBeNull();
    expect(parsePeriods('11:30-07:00')).toBeNull();
    expect(parsePeriods('07:00-25:00')).toBeNull();
    expect(formatPeriods(GIA_LAI)).toBe('07:00–11:30, 13:30–17:00');
  });
});
