import { checkOfficeInput, DEFAULT_DAILY_CAPACITY, type RawOfficeInput } from './post-office-input';
import { DEFAULT_OPENING_HOURS } from './opening-hours';

const known = (c: string) => ['23575', '23584'].includes(c);
const good: RawOfficeInput = {
  code: 'P1',
  name: 'Bưu cục',
  address: 'Số 1',
  communeCode: '23575',
  lat: 13.9,
  lng: 108,
};

describe('checkOfficeInput (the rules of the REST API and of the CSV import)', () => {
  it('fills the defaults and always serves its own commune', () => {
    expect(checkOfficeInput(good, known)).toEqual({
      value: {
        code: 'P1',
        name: 'Bưu cục',
        address: 'Số 1',
        communeCode: '23575',
        lat: 13.9,
        lng: 108,
        phone: null,
        openingHours: DEFAULT_OPENING_HOURS,
        dailyCapacity: DEFAULT_DAILY_CAPACITY,
        active: true,
        serviceArea: ['23575'],
      },
      problems: [],
    });
  });

  it.each([
    [{ code: 'x' }, 'code', 'isLength'],
    [{ code: 'P 1' }, 'code', undefined],
    [{ name: 'A' }, 'name', 'isLength'],
    [{ address: '' }, 'address', 'isLength'],
    [{ communeCode: '99999' }, 'communeCode', 'exists'],
    [{ lat: 21.02 }, 'lat', 'inProvince'],
    [{ lng: 'abc' }, 'lng', 'inProvince'],
    [{ phone: '12345' }, 'phone', 'isPhone'],
    [{ openingHours: 'someday 7-8' }, 'openingHours', undefined],
    [{ openingHours: { mon: [['11:00', '08:00']] } }, 'openingHours', undefined],
    [{ dailyCapacity: 1.5 }, 'dailyCapacity', 'isIntRange'],
    [{ dailyCapacity: 100001 }, 'dailyCapacity', 'isIntRange'],
    [{ active: 'maybe' }, 'active', undefined],
    [{ serviceArea: ['23584', '00000'] }, 'serviceArea', undefined],
  ])('refuses %j on %s (%s)', (change, field, constraint) => {
    const { value, problems } = checkOfficeInput({ ...good, ...change }, known);
    expect(value).toBeUndefined();
    expect(problems).toEqual([expect.objectContaining({ field, ...(constraint ? { constraint } : {}) })]);
  });

  it.each([
    [{ phone: '0269.3888.222' }, { phone: '+842693888222' }],
    [
      { lat: '13,95', lng: ' 108.01 ' },
      { lat: 13.95, lng: 108.01 },
    ],
    [{ active: 'có' }, { active: true }],
    [{ active: 'không' }, { active: false }],
    [{ active: 0 }, { active: false }],
    [{ dailyCapacity: '0' }, { dailyCapacity: 0 }],
    [{ serviceArea: '23584; 23575|23584' }, { serviceArea: ['23575', '23584'] }],
    [{ openingHours: 'CN 08:00-10:00' }, { openingHours: { sun: [['08:00', '10:00']] } }],
  ])('reads %j as %j', (change, expected) => {
    expect(checkOfficeInput({ ...good, ...change }, known).value).toMatchObject(expected);
  });

  it('lists every problem of the input at once', () => {
    const { problems } = checkOfficeInput(
      { code: '', name: '', address: '', communeCode: '', lat: null, lng: null },
      known,
    );
    expect(problems.map((p) => p.field)).toEqual(['code', 'name', 'address', 'communeCode', 'lat', 'lng']);
  });
});
