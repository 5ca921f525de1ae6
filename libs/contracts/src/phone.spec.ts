import fc from 'fast-check';
// The full ('max') metadata is used ONLY here, to cross-check our own Vietnamese tables; phone.ts ships with 'min'.
import { parsePhoneNumberFromString as parseMax } from 'libphonenumber-js/max';
import {
  VN_LANDLINE_AREA_CODES,
  VN_MOBILE_PREFIXES,
  formatPhoneVN,
  isWithheldCaller,
  maskPhone,
  normalizePhone,
  parsePhone,
  phonesMatch,
  type PhoneParseOk,
} from './phone';

type Expected = Partial<Omit<PhoneParseOk, 'ok'>>;

const land = (e164: string, display: string, areaCode: string, province: string): Expected => ({
  e164,
  display,
  kind: 'landline',
  areaCode,
  province,
});
const mob = (e164: string, display: string): Expected => ({ e164, display, kind: 'mobile' });
const other = (e164: string, display: string): Expected => ({ e164, display, kind: 'other' });

const VALID: Array<[string, Expected]> = [
  // Landlines of several provinces, 4-digit area codes (0 + 3 digits) + 7 subscriber digits.
  ['0269.3888.222', land('+842693888222', '0269 3888 222', '0269', 'Gia Lai')],
  ['0256 3822 123', land('+842563822123', '0256 3822 123', '0256', 'Bình Định')],
  ['0260-3862-345', land('+842603862345', '0260 3862 345', '0260', 'Kon Tum')],
  ['0262 3852 111', land('+842623852111', '0262 3852 111', '0262', 'Đắk Lắk')],
  ['0257.3823.456', land('+842573823456', '0257 3823 456', '0257', 'Phú Yên')],
  ['0255 3822 789', land('+842553822789', '0255 3822 789', '0255', 'Quảng Ngãi')],
  ['0236 3822 222', land('+842363822222', '0236 3822 222', '0236', 'Đà Nẵng')],
  ['0263 3822 333', land('+842633822333', '0263 3822 333', '0263', 'Lâm Đồng')],
  ['0261 3544 444', land('+842613544444', '0261 3544 444', '0261', 'Đắk Nông')],
  ['0258 3822 555', land('+842583822555', '0258 3822 555', '0258', 'Khánh Hòa')],
  ['0203 3825 678', land('+842033825678', '0203 3825 678', '0203', 'Quảng Ninh')],
  ['0299 3822 901', land('+842993822901', '0299 3822 901', '0299', 'Sóc Trăng')],
  // Hà Nội and TP. Hồ Chí Minh: 3-digit area code + 8 subscriber digits.
  ['024 3825 1234', land('+842438251234', '024 3825 1234', '024', 'Hà Nội')],
  ['028.3829.6789', land('+842838296789', '028 3829 6789', '028', 'TP. Hồ Chí Minh')],
  ['(028) 6291 0000', land('+842862910000', '028 6291 0000', '028', 'TP. Hồ Chí Minh')],
  // Input forms.
  ['(0269) 3888222', land('+842693888222', '0269 3888 222', '0269', 'Gia Lai')],
  ['+84 269 3888 222', land('+842693888222', '0269 3888 222', '0269', 'Gia Lai')],
  ['842693888222', land('+842693888222', '0269 3888 222', '0269', 'Gia Lai')],
  ['+84 (0) 24 3825 1234', land('+842438251234', '024 3825 1234', '024', 'Hà Nội')],
  ['0084 28 3829 6789', land('+842838296789', '028 3829 6789', '028', 'TP. Hồ Chí Minh')],
  ['2693888222', land('+842693888222', '0269 3888 222', '0269', 'Gia Lai')], // bare NSN from a SIP trunk
  ['\u00a00269\u00a03888\u00a0222 ', land('+842693888222', '0269 3888 222', '0269', 'Gia Lai')],
  // Every mobile prefix group.
  ['0321234567', mob('+84321234567', '0321 234 567')],
  ['0389 999 888', mob('+84389999888', '0389 999 888')],
  ['052 123 4567', mob('+84521234567', '0521 234 567')],
  ['0559 123 456', mob('+84559123456', '0559 123 456')],
  ['0561234567', mob('+84561234567', '0561 234 567')],
  ['0587654321', mob('+84587654321', '0587 654 321')],
  ['0591234567', mob('+84591234567', '0591 234 567')],
  ['0701234567', mob('+84701234567', '0701 234 567')],
  ['0765 432 100', mob('+84765432100', '0765 432 100')],
  ['0791234567', mob('+84791234567', '0791 234 567')],
  ['0811234567', mob('+84811234567', '0811 234 567')],
  ['0867.123.456', mob('+84867123456', '0867 123 456')],
  ['0899 123 456', mob('+84899123456', '0899 123 456')],
  ['0901234567', mob('+84901234567', '0901 234 567')],
  ['0912-345-678', mob('+84912345678', '0912 345 678')],
  ['0987 654 321', mob('+84987654321', '0987 654 321')],
  ['0999 123 456', mob('+84999123456', '0999 123 456')],
  ['84912345678', mob('+84912345678', '0912 345 678')],
  ['+84 (0) 912 345 678', mob('+84912345678', '0912 345 678')],
  ['+84912345678', mob('+84912345678', '0912 345 678')],
  ['(+84) 912 345 678', mob('+84912345678', '0912 345 678')],
  ['+84 0912 345 678', mob('+84912345678', '0912 345 678')],
  ['912345678', mob('+84912345678', '0912 345 678')], // bare NSN from a SIP trunk
  ['０９１２ ３４５ ６７８', mob('+84912345678', '0912 345 678')], // full-width digits
  ['0912–345–678', mob('+84912345678', '0912 345 678')], // en dashes
  // 1800 / 1900 service numbers: accepted as 'other'.
  ['1900 1234', other('+8419001234', '1900 1234')],
  ['1800.588.888', other('+841800588888', '1800 588 888')],
  ['+84 1900 1234', other('+8419001234', '1900 1234')],
  // Foreign numbers with an explicit country code: 'other', international display.
  ['+1 202 456 1111', other('+12024561111', '+1 202 456 1111')],
  ['+44 (0) 20 7946 0958', other('+442079460958', '+44 20 7946 0958')],
  ['+855 23 216 666', other('+85523216666', '+855 23 216 666')],
  ['+65 6123-4567', other('+6561234567', '+65 6123 4567')],
  ['0033 1 42 68 53 00', other('+33142685300', '+33 1 42 68 53 00')],
];

const INVALID: Array<[string, RegExp]> = [
  ['', /^empty input$/],
  ['   ', /^empty input$/],
  ['abc', /letters/],
  ['0912 ABC 678', /letters/],
  ['0269 3888 222 ext 12', /letters/],
  ['Không có', /letters/],
  ['0912#345678', /invalid character '#'/],
  ['0912+345678', /misplaced '\+'/],
  ['.-()', /no digits/],
  ['12345', /too short/],
  ['0912 345', /too short/],
  ['09123456', /too short: Vietnamese mobile numbers have 10 digits/],
  ['09123456789', /too long: Vietnamese mobile numbers have 10 digits/],
  ['0912345678901234567', /too long/],
  ['0112345678', /unknown prefix 011/],
  ['0312345678', /unknown prefix 031/],
  ['0512345678', /unknown prefix 051/],
  ['0741234567', /unknown prefix 074/],
  ['0801234567', /unknown prefix 080/],
  ['0412345678', /unknown prefix 041/],
  ['0612345678', /unknown prefix 061/],
  ['14155552671', /unknown prefix 014.*foreign numbers with \+/],
  ['0201 234 5678', /unknown landline area code 0201/],
  ['0223 3888 222', /unknown landline area code 0223/],
  ['0217 3888 222', /unknown landline area code 0217/],
  ['0269 388 822', /too short: landlines in area 0269 have 11 digits/],
  ['0269 3888 2222', /too long: landlines in area 0269 have 11 digits/],
  ['024 3825 123', /too short: landlines in area 024 have 11 digits \(024 \+ 8 digits\)/],
  ['0269 0888 222', /subscriber number after area code 0269/],
  ['024 1234 5678', /subscriber number after area code 024/],
  ['01623456789', /obsolete 11-digit mobile prefix 0162 \(renumbered to 032/],
  ['01900 1234', /without a leading 0/],
  ['1900 12345', /8 or 10 digits/],
  ['+84 12 34', /too short/],
  ['+999 123 456', /unknown country calling code/],
  ['+1 123', /too short/],
  ['+44 20 7946 0958 1234 5', /too long/],
  ['+1 123 456 7890', /not a valid number for country calling code \+1/],
];

describe('parsePhone', () => {
  it('has at least 40 table cases', () => {
    expect(VALID.length + INVALID.length).toBeGreaterThanOrEqual(40);
  });

  it.each(VALID)('accepts %j', (input, expected) => {
    const r = parsePhone(input);
    expect(r).toMatchObject({ ok: true, ...expected });
    if (r.ok && r.kind !== 'landline') {
      expect(r.areaCode).toBeUndefined();
      expect(r.province).toBeUndefined();
    }
  });

  it.each(INVALID)('rejects %j', (input, reason) => {
    const r = parsePhone(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });

  it('gives the national dialling digits', () => {
    expect(parsePhone('+84 269 3888 222')).toMatchObject({ national: '02693888222' });
    expect(parsePhone('84912345678')).toMatchObject({ national: '0912345678' });
    expect(parsePhone('1900 1234')).toMatchObject({ national: '19001234' });
    expect(parsePhone('+44 20 7946 0958')).toMatchObject({ national: '02079460958' });
  });

  it('never throws on non-string input from untyped callers', () => {
    for (const v of [null, undefined, 42, {}, []]) {
      expect(parsePhone(v as unknown as string)).toEqual({ ok: false, reason: 'empty input' });
    }
  });

  it('treats "(0)" after the country code as the trunk prefix, elsewhere as a digit', () => {
    expect(normalizePhone('+33 (0)1 42 68 53 00')).toBe('+33142685300');
    expect(normalizePhone('84 (0) 912 345 678')).toBe('+84912345678');
    // A "(0)" inside the subscriber number is a digit like any other.
    expect(normalizePhone('0269 3(0)88 222')).toBe('+842693088222');
  });
});

describe('equivalent input forms', () => {
  const gialai = [
    '0269.3888.222',
    '0269 3888 222',
    '02693888222',
    '0269-3888-222',
    '(0269) 3888222',
    '(0269) 3888 222',
    '+84 269 3888 222',
    '+842693888222',
    '842693888222',
    '84 269 3888 222',
    '+84 (0) 269 3888 222',
    '+84 (0269) 3888 222',
    '0084 269 3888 222',
    '(+84) 269.3888.222',
    ' 0269 / 3888 / 222 ',
    '2693888222',
  ];
  const mobile = [
    '0912345678',
    '0912 345 678',
    '0912.345.678',
    '0912-345-678',
    '(091) 234 5678',
    '+84 912 345 678',
    '+84912345678',
    '84912345678',
    '84 912 345 678',
    '+84 (0) 912 345 678',
    '+84 (0)912345678',
    '0084912345678',
    '(+84) 912-345-678',
    '912345678',
  ];

  it.each(gialai)('%j → +842693888222', (input) => expect(normalizePhone(input)).toBe('+842693888222'));
  it.each(mobile)('%j → +84912345678', (input) => expect(normalizePhone(input)).toBe('+84912345678'));

  it('all forms match each other', () => {
    for (const a of gialai) for (const b of gialai) expect(phonesMatch(a, b)).toBe(true);
    for (const a of mobile) for (const b of mobile) expect(phonesMatch(a, b)).toBe(true);
    expect(phonesMatch(gialai[0], mobile[0])).toBe(false);
  });
});

describe('property: separators never change the number', () => {
  const digit = fc.constantFrom(...'0123456789'.split(''));
  const digits = (n: number) => fc.array(digit, { minLength: n, maxLength: n }).map((d) => d.join(''));
  const subscriberStart = fc.constantFrom(...'23456789'.split(''));

  /** National significant numbers (no trunk 0) of valid Vietnamese mobiles and landlines. */
  const mobileNsn = fc.tuple(fc.constantFrom(...VN_MOBILE_PREFIXES), digits(7)).map(([p, rest]) => p.slice(1) + rest);
  const landlineNsn = fc
    .tuple(fc.constantFrom(...Object.keys(VN_LANDLINE_AREA_CODES)), subscriberStart)
    .chain(([code, first]) => digits(11 - code.length - 1).map((rest) => code.slice(1) + first + rest));
  const nsn = fc.oneof(mobileNsn, landlineNsn);

  /** Ways of writing the start of the number. */
  const form = fc.constantFrom('0', '+84', '84', '0084', '+84 (0) ', '(+84) ', '+84 0');
  const separator = fc.constantFrom(' ', '.', '-', '(', ')', '/', '\u00a0', '\u2013', '\t');
  const gap = fc.array(separator, { maxLength: 2 }).map((s) => s.join(''));

  it('any separator interleaving of a valid number normalises to the same E.164', () => {
    fc.assert(
      fc.property(nsn, form, fc.array(gap, { minLength: 12, maxLength: 12 }), gap, (n, f, gaps, lead) => {
        const spaced = n
          .split('')
          .map((d, i) => (i === 0 ? d : gaps[i] + d))
          .join('');
        const input = `${lead}${f}${gaps[0]}${spaced}${gaps[11]}`;
        const expected = `+84${n}`;
        expect(normalizePhone(input)).toBe(expected);
        expect(phonesMatch(input, `0${n}`)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws; accepted numbers are E.164, idempotent and round-trip through the display form', () => {
    const noisy = fc.oneof(
      fc.string(),
      fc.stringMatching(/^[+0-9 .()-]{0,20}$/),
      fc.tuple(nsn, fc.constantFrom('', '0', '+84', '84')).map(([n, f]) => f + n),
    );
    fc.assert(
      fc.property(noisy, (input) => {
        const r = parsePhone(input);
        if (!r.ok) {
          expect(typeof r.reason).toBe('string');
          expect(r.reason.length).toBeGreaterThan(0);
          expect(normalizePhone(input)).toBeNull();
          return;
        }
        expect(r.e164).toMatch(/^\+[1-9]\d{6,14}$/);
        expect(normalizePhone(r.e164)).toBe(r.e164);
        expect(normalizePhone(r.display)).toBe(r.e164);
        expect(normalizePhone(r.national.startsWith('0') || r.e164.startsWith('+84') ? r.national : r.e164)).toBe(
          r.e164,
        );
        expect(formatPhoneVN(r.e164)).toBe(r.display);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('Vietnamese tables agree with the full libphonenumber metadata', () => {
  const codes = Object.keys(VN_LANDLINE_AREA_CODES);

  it('has all 63 area codes of the 2017 plan', () => {
    expect(codes).toHaveLength(63);
    expect(new Set(Object.values(VN_LANDLINE_AREA_CODES).map((a) => a.province)).size).toBe(63);
  });

  it.each(codes)('area code %s is a fixed-line range and parses to its province', (code) => {
    const sample = code + '3'.padEnd(11 - code.length, '5');
    expect(sample).toHaveLength(11);
    expect(parseMax(sample, 'VN')?.getType()).toBe('FIXED_LINE');
    expect(parsePhone(sample)).toMatchObject({
      ok: true,
      kind: 'landline',
      areaCode: code,
      province: VN_LANDLINE_AREA_CODES[code].province,
    });
  });

  it('no 02XX code outside our table is a fixed-line range', () => {
    for (let i = 0; i < 100; i++) {
      const code = `02${String(i).padStart(2, '0')}`;
      if (code.startsWith('024') || code.startsWith('028') || code in VN_LANDLINE_AREA_CODES) continue;
      expect([code, parseMax(`${code}3555555`, 'VN')?.isValid()]).toEqual([code, false]);
    }
  });

  it.each([...VN_MOBILE_PREFIXES])('mobile prefix %s holds numbers libphonenumber classes as mobile', (prefix) => {
    const someMobile = '0123456789'
      .split('')
      .some((d) => parseMax(`${prefix}${d}123456`, 'VN')?.getType() === 'MOBILE');
    expect(someMobile).toBe(true);
    expect(parsePhone(`${prefix}1234567`)).toMatchObject({ ok: true, kind: 'mobile' });
  });

  it('the only 0[35789]x blocks libphonenumber calls mobile that we reject are unallocated (030, 031, 051)', () => {
    const rejected: string[] = [];
    for (const first of '35789') {
      for (const second of '0123456789') {
        const prefix = `0${first}${second}`;
        if (VN_MOBILE_PREFIXES.includes(prefix)) continue;
        const anyMobile = '0123456789'
          .split('')
          .some((d) => parseMax(`${prefix}${d}123456`, 'VN')?.getType() === 'MOBILE');
        if (anyMobile) rejected.push(prefix);
      }
    }
    expect(rejected).toEqual(['030', '031', '051']);
  });
});

describe('formatPhoneVN', () => {
  it.each([
    ['+84912345678', '0912 345 678'],
    ['+842693888222', '0269 3888 222'],
    ['+842563822123', '0256 3822 123'],
    ['+842438251234', '024 3825 1234'],
    ['+842838296789', '028 3829 6789'],
    ['+8419001234', '1900 1234'],
    ['+841800588888', '1800 588 888'],
    ['+442079460958', '+44 20 7946 0958'],
    ['0269.3888.222', '0269 3888 222'],
    ['not a phone', 'not a phone'],
    ['', ''],
  ])('%j → %j', (input, display) => expect(formatPhoneVN(input)).toBe(display));
});

describe('isWithheldCaller', () => {
  it.each([
    null,
    undefined,
    '',
    '   ',
    '0',
    '000',
    '+0',
    '-',
    'anonymous',
    'Anonymous',
    'ANONYMOUS',
    'unknown',
    'Unknown',
    'private',
    'Private Number',
    'restricted',
    'RESTRICTED',
    'withheld',
    'Number Withheld',
    'unavailable',
    'Not Available',
    'not-available',
    'O',
    'P',
    'asterisk',
    'sip:anonymous@anonymous.invalid',
    'anonymous@anonymous.invalid',
    '"Anonymous" <sip:anonymous@anonymous.invalid>',
    'Số ẩn',
    'Không xác định',
    'no caller id',
  ])('%j is withheld', (input) => expect(isWithheldCaller(input)).toBe(true));

  it.each(['0912345678', '+842693888222', '84912345678', '1900 1234', 'sip:0912345678@pbx.local', '12ab', 'Nguyễn'])(
    '%j is not withheld',
    (input) => expect(isWithheldCaller(input)).toBe(false),
  );
});

describe('phonesMatch', () => {
  it('matches the same person whatever the separators (Zammad #5128)', () => {
    expect(phonesMatch('0269.3888.222', '+84 269 3888 222')).toBe(true);
    expect(phonesMatch('0912-345-678', '84912345678')).toBe(true);
    expect(phonesMatch('+44 (0) 20 7946 0958', '0044 20 7946 0958')).toBe(true);
  });

  it('does not match different numbers or unparseable input', () => {
    expect(phonesMatch('0912345678', '0912345679')).toBe(false);
    expect(phonesMatch('0269 3888 222', '0256 3888 222')).toBe(false);
    expect(phonesMatch('anonymous', 'anonymous')).toBe(false);
    expect(phonesMatch('', '')).toBe(false);
    expect(phonesMatch(null, null)).toBe(false);
    expect(phonesMatch('0112345678', '0112345678')).toBe(false);
    expect(phonesMatch('0912345678', undefined)).toBe(false);
  });
});

describe('maskPhone', () => {
  it.each([
    ['+842693888222', '+84*******222'],
    ['+84912345678', '+84******678'],
    ['0912 345 678', '+84******678'],
    ['+8419001234', '+84*****234'],
    ['+12024561111', '+1*******111'],
    ['+442079460958', '+44*******958'],
    ['0112345678', '*******678'],
    ['anonymous', '***'],
    ['', '***'],
  ])('%j → %j', (input, masked) => expect(maskPhone(input)).toBe(masked));

  it('never shows more than the last 3 digits of the subscriber', () => {
    fc.assert(
      fc.property(fc.constantFrom(...VN_MOBILE_PREFIXES), fc.integer({ min: 0, max: 9_999_999 }), (p, n) => {
        const e164 = normalizePhone(p + String(n).padStart(7, '0'))!;
        const masked = maskPhone(e164);
        expect(masked.replace(/\*/g, '').length).toBe('+84'.length + 3);
        expect(masked).toHaveLength(e164.length);
        expect(masked.endsWith(e164.slice(-3))).toBe(true);
      }),
    );
  });
});
