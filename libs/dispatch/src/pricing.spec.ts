import { type LegKind, type ServiceLevel, vnLocalDate } from '@hotline/contracts';
import { PromotionRule, TariffRow, discountOf, priceLeg } from './pricing';

const tariffs: TariffRow[] = [
  { legKind: 'pickup', routeType: 'intra_area', priceVnd: 20_000, dueWorkingDays: 1, active: true },
  { legKind: 'return', routeType: 'intra_area', priceVnd: 20_000, dueWorkingDays: 1, active: true },
  { legKind: 'return', routeType: 'intra_province', priceVnd: 25_000, dueWorkingDays: 2, active: true },
  { legKind: 'pickup', routeType: 'inter_province', priceVnd: 33_333, dueWorkingDays: 3, active: false },
];

/** The letter 659/UBND-KGVX rule, as seeded by the migration. */
const letterRule: PromotionRule = {
  id: 'p1',
  name: 'Giảm 30% cước chuyển trả kết quả (CV 659/UBND-KGVX)',
  startsOn: '2020-03-23',
  endsOn: '2020-05-30',
  percent: 30,
  legKinds: ['return'],
  serviceLevels: ['3', '4', 'toan_trinh', 'mot_phan'],
  fields: ['Đăng ký giao dịch bảo đảm'],
  active: true,
};

const at = (iso: string) => new Date(iso);

describe('vnLocalDate', () => {
  it.each([
    ['2020-03-22T16:59:59.999Z', '2020-03-22'],
    ['2020-03-22T17:00:00.000Z', '2020-03-23'],
    ['2020-05-30T16:59:59.999Z', '2020-05-30'],
    ['2020-05-30T17:00:00.000Z', '2020-05-31'],
  ])('%s is %s in Vietnam', (iso, day) => expect(vnLocalDate(at(iso))).toBe(day));
});

describe('priceLeg with the letter promotion', () => {
  const cases: Array<[string, LegKind, ServiceLevel, string, string, number, boolean]> = [
    // name, leg, level, field, instant, expected postage, promotion applied
    ['22/3 23:59 +07 is before the window', 'return', '3', 'Hộ tịch', '2020-03-22T23:59:00+07:00', 20_000, false],
    ['23/3 00:00 +07 opens the window', 'return', '3', 'Hộ tịch', '2020-03-23T00:00:00+07:00', 14_000, true],
    ['23/3 00:00 +07 is still 22/3 in UTC', 'return', '4', 'Hộ tịch', '2020-03-22T17:00:00Z', 14_000, true],
    ['30/5 23:59 +07 is the last minute', 'return', '4', 'Hộ tịch', '2020-05-30T23:59:00+07:00', 14_000, true],
    ['31/5 00:00 +07 is after the window', 'return', '4', 'Hộ tịch', '2020-05-31T00:00:00+07:00', 20_000, false],
    ['31/5 00:00 +07 is 30/5 in UTC but still after', 'return', '4', 'Hộ tịch', '2020-05-30T17:00:00Z', 20_000, false],
    ['level 2 in another field pays full', 'return', '2', 'Hộ tịch', '2020-04-10T09:00:00+07:00', 20_000, false],
    [
      'level 2 in the secured-transaction field is discounted',
      'return',
      '2',
      'Đăng ký giao dịch bảo đảm',
      '2020-04-10T09:00:00+07:00',
      14_000,
      true,
    ],
    [
      'field matching ignores accents and case',
      'return',
      '2',
      'DANG KY GIAO DICH  BAO DAM',
      '2020-04-10T09:00:00+07:00',
      14_000,
      true,
    ],
    [
      'the pickup leg is never discounted',
      'pickup',
      '4',
      'Đăng ký giao dịch bảo đảm',
      '2020-04-10T09:00:00+07:00',
      20_000,
      false,
    ],
    ['toàn trình counts as level 4', 'return', 'toan_trinh', 'Hộ tịch', '2020-04-10T09:00:00+07:00', 14_000, true],
  ];
  it.each(cases)('%s', (...[, legKind, serviceLevel, field, when, postage, applied]) => {
    const line = priceLeg({ legKind, routeType: 'intra_area', serviceLevel, field, at: at(when) }, tariffs, [
      letterRule,
    ]);
    expect(line.postage).toBe(postage);
    expect(line.basePostage).toBe(20_000);
    expect(line.discount).toBe(20_000 - postage);
    expect(line.promotionId).toBe(applied ? 'p1' : null);
    expect(Number.isInteger(line.postage)).toBe(true);
  });

  it('an inactive rule never applies', () => {
    const line = priceLeg(
      {
        legKind: 'return',
        routeType: 'intra_area',
        serviceLevel: '4',
        field: 'x',
        at: at('2020-04-10T09:00:00+07:00'),
      },
      tariffs,
      [{ ...letterRule, active: false }],
    );
    expect(line.discount).toBe(0);
  });

  it('the largest discount wins when several rules match', () => {
    const rules = [letterRule, { ...letterRule, id: 'p2', name: 'half', percent: 50 }];
    const line = priceLeg(
      {
        legKind: 'return',
        routeType: 'intra_province',
        serviceLevel: '4',
        field: 'x',
        at: at('2020-04-10T09:00:00+07:00'),
      },
      tariffs,
      rules,
    );
    expect(line).toMatchObject({
      basePostage: 25_000,
      discount: 12_500,
      postage: 12_500,
      promotionId: 'p2',
      dueWorkingDays: 2,
    });
  });

  it('refuses a leg without an active tariff', () => {
    expect(() =>
      priceLeg(
        { legKind: 'pickup', routeType: 'inter_province', serviceLevel: '4', field: 'x', at: new Date() },
        tariffs,
        [],
      ),
    ).toThrow(/no active tariff/);
  });
});

describe('discountOf', () => {
  it.each([
    [20_000, 30, 6_000],
    [33_333, 30, 10_000],
    [15, 30, 5],
    [0, 30, 0],
    [1, 50, 1],
  ])('%i VND at %i %% is %i VND', (base, pct, d) => expect(discountOf(base, pct)).toBe(d));
});
