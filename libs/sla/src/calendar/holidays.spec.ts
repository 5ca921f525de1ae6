import type { HolidayRules, PublicHoliday, WeeklySchedule } from './calendar.types';
import { DEFAULT_HOLIDAY_RULES, GIA_LAI_OFFICE_HOURS } from './default-calendar';
import { publicHolidays } from './holidays';
import { parseLocalDate, weekdayOfDayNumber } from './local-date';

const dates = (holidays: PublicHoliday[]): string[] => holidays.map((h) => h.date);
const substitutes = (holidays: PublicHoliday[]): Array<[string, string | undefined]> =>
  holidays.filter((h) => h.substituteFor).map((h) => [h.date, h.substituteFor]);
const rules = (changes: Partial<HolidayRules>): HolidayRules => ({ ...DEFAULT_HOLIDAY_RULES, ...changes });
const MONDAY_TO_SATURDAY: WeeklySchedule = Object.fromEntries(
  [1, 2, 3, 4, 5, 6].map((day) => [day, GIA_LAI_OFFICE_HOURS]),
);

describe('publicHolidays: the statutory list (Labour Code 2019 art. 112)', () => {
  it('2026, with Vietnamese names', async () => {
    expect(publicHolidays(2026)).toEqual([
      { date: '2026-01-01', name: 'Tết Dương lịch' },
      { date: '2026-02-16', name: 'Tết Nguyên Đán (29 tháng Chạp)' },
      { date: '2026-02-17', name: 'Tết Nguyên Đán (mùng 1)' },
      { date: '2026-02-18', name: 'Tết Nguyên Đán (mùng 2)' },
      { date: '2026-02-19', name: 'Tết Nguyên Đán (mùng 3)' },
      { date: '2026-02-20', name: 'Tết Nguyên Đán (mùng 4)' },
      { date: '2026-04-26', name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)' },
      { date: '2026-04-27', name: 'Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch)', substituteFor: '2026-04-26' },
      { date: '2026-04-30', name: 'Ngày Giải phóng miền Nam, thống nhất đất nước' },
      { date: '2026-05-01', name: 'Ngày Quốc tế Lao động' },
      { date: '2026-09-01', name: 'Quốc khánh (ngày liền kề)' },
      { date: '2026-09-02', name: 'Quốc khánh' },
    ]);
  });

  it.each([
    // The eve is 30 tháng Chạp when month 12 is long, 29 when it is short.
    [2024, ['2024-02-09', '2024-02-10', '2024-02-11', '2024-02-12', '2024-02-13'], '30 tháng Chạp'],
    [2025, ['2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', '2025-02-01'], '29 tháng Chạp'],
    [2026, ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20'], '29 tháng Chạp'],
    [2027, ['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09'], '29 tháng Chạp'],
    [2030, ['2030-02-01', '2030-02-02', '2030-02-03', '2030-02-04', '2030-02-05'], '29 tháng Chạp'],
  ])('Tết %i is the eve and mùng 1–4: %p', async (year, tet, eveName) => {
    const tetHolidays = publicHolidays(year).filter((h) => h.name.startsWith('Tết Nguyên Đán'));
    expect(dates(tetHolidays)).toEqual(tet);
    expect(tetHolidays[0].name).toBe(`Tết Nguyên Đán (${eveName})`);
  });

  it.each([
    [2024, '2024-04-18'],
    [2025, '2025-04-07'],
    [2026, '2026-04-26'],
  ])('Giỗ Tổ Hùng Vương %i is %s', async (year, date) => {
    expect(publicHolidays(year).find((h) => h.name.startsWith('Giỗ Tổ'))?.date).toBe(date);
  });

  it('Tết length and position are rules, not constants', async () => {
    const holidays = publicHolidays(2026, { rules: rules({ tetDays: 7, tetDaysBeforeNewYear: 2 }) });
    const tet = holidays.filter((h) => h.name.startsWith('Tết Nguyên'));
    expect(dates(tet)).toEqual([
      '2026-02-15',
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
      '2026-02-21',
    ]);
    expect(tet[0].name).toBe('Tết Nguyên Đán (28 tháng Chạp)');
  });
});

describe('Quốc khánh: 2/9 plus one adjacent day', () => {
  const adjacent = (year: number, choice: HolidayRules['nationalDayAdjacent'] = 'auto') =>
    publicHolidays(year, { rules: rules({ nationalDayAdjacent: choice }) }).find(
      (h) => h.name === 'Quốc khánh (ngày liền kề)',
    )?.date;

  it.each([
    // The government's actual choices under the 2019 code.
    [2021, 'Thursday', '2021-09-03'],
    [2022, 'Friday', '2022-09-01'],
    [2023, 'Saturday', '2023-09-01'],
    [2024, 'Monday', '2024-09-03'],
    [2025, 'Tuesday', '2025-09-01'],
    // Then the rule: Wednesday is a tie (1/9 wins); Sunday leaves only Monday.
    [2026, 'Wednesday', '2026-09-01'],
    [2029, 'Sunday', '2029-09-03'],
  ])('auto in %i (2/9 on a %s) → %s', async (year, _weekday, date) => {
    expect(adjacent(year)).toBe(date);
  });

  it.each([
    ['before', '2024-09-01'],
    ['after', '2024-09-03'],
  ] as const)('%s pins the choice', async (choice, date) => {
    expect(adjacent(2024, choice)).toBe(date);
  });
});

describe('substitute days (nghỉ bù) for holidays on weekly rest days', () => {
  it.each<[number, Array<[string, string]>]>([
    [
      2022,
      [
        ['2022-01-03', '2022-01-01'], // 1/1 on Saturday → Monday
        ['2022-04-11', '2022-04-10'], // Giỗ Tổ on Sunday → Monday
        ['2022-05-02', '2022-04-30'], // 30/4 Saturday and 1/5 Sunday → 2/5 and 3/5, as the 2022 break 30/4–3/5
        ['2022-05-03', '2022-05-01'],
      ],
    ],
    [
      2023,
      [
        ['2023-01-02', '2023-01-01'], // 1/1 on Sunday → Monday
        ['2023-01-26', '2023-01-21'], // Tết eve on Saturday, mùng 1 on Sunday → after Tết
        ['2023-01-27', '2023-01-22'],
        ['2023-05-02', '2023-04-29'], // Giỗ Tổ on Saturday; 1/5 is taken, so 2/5
        ['2023-05-03', '2023-04-30'], // 30/4 on Sunday → the next free working day
        ['2023-09-04', '2023-09-02'], // 2/9 on Saturday → Monday
      ],
    ],
    [
      2024,
      [
        ['2024-02-14', '2024-02-10'],
        ['2024-02-15', '2024-02-11'],
      ],
    ],
    [2026, [['2026-04-27', '2026-04-26']]], // Giỗ Tổ on Sunday → Monday 27/4, as in the government's 2026 plan
    [2029, [['2029-09-04', '2029-09-02']]], // 2/9 on Sunday, 3/9 is the adjacent day → Tuesday
  ])('%i', async (year, expected) => {
    expect(substitutes(publicHolidays(year))).toEqual(expected);
  });

  it('names the substitute after the holiday it replaces', async () => {
    expect(publicHolidays(2023)[1]).toEqual({
      date: '2023-01-02',
      name: 'Nghỉ bù Tết Dương lịch',
      substituteFor: '2023-01-01',
    });
  });

  it('follows the weekly schedule: with Saturdays worked, only Sunday holidays get a substitute', async () => {
    expect(substitutes(publicHolidays(2022, { weekly: MONDAY_TO_SATURDAY }))).toEqual([
      ['2022-04-11', '2022-04-10'],
      ['2022-05-02', '2022-05-01'],
    ]);
    expect(substitutes(publicHolidays(2026, { weekly: MONDAY_TO_SATURDAY }))).toEqual([['2026-04-27', '2026-04-26']]);
  });

  it('can be switched off', async () => {
    expect(substitutes(publicHolidays(2023, { rules: rules({ substituteOnRestDay: false }) }))).toEqual([]);
  });

  it('compensates two holidays on one date (Giỗ Tổ on 30/4 in 1947)', async () => {
    const holidays = publicHolidays(1947);
    expect(holidays.filter((h) => h.date === '1947-04-30')).toHaveLength(2);
    expect(substitutes(holidays)).toContainEqual(['1947-05-02', '1947-04-30']);
  });

  it('gives nothing back when the week has no working day at all', async () => {
    expect(substitutes(publicHolidays(2026, { weekly: {} }))).toEqual([]);
  });
});

describe('invariants over 2000–2150', () => {
  const years = Array.from({ length: 151 }, (_, i) => 2000 + i);

  it.each(years)('%i: sorted, inside the year, 11 statutory days, substitutes on free working days', async (year) => {
    const holidays = publicHolidays(year);
    const list = dates(holidays);
    expect([...list].sort()).toEqual(list);
    expect(list.every((d) => d.startsWith(`${year}-`))).toBe(true);
    expect(holidays.filter((h) => !h.substituteFor)).toHaveLength(11);
    const statutory = new Set(holidays.filter((h) => !h.substituteFor).map((h) => h.date));
    const lostDays = holidays.filter(
      (h) => !h.substituteFor && [0, 6].includes(weekdayOfDayNumber(parseLocalDate(h.date))),
    );
    const subs = holidays.filter((h) => h.substituteFor);
    expect(subs.length).toBeGreaterThanOrEqual(lostDays.length);
    for (const sub of subs) {
      expect([0, 6]).not.toContain(weekdayOfDayNumber(parseLocalDate(sub.date)));
      expect(statutory.has(sub.date)).toBe(false);
      expect(sub.date > sub.substituteFor!).toBe(true);
    }
    expect(new Set(subs.map((s) => s.date)).size).toBe(subs.length);
  });
});
