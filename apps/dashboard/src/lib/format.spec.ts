import { foldVietnamese, formatDate, formatDateTime, formatMoney, formatPhone, formatTime } from './format';

describe('formatDateTime (dd/MM/yyyy HH:mm in Asia/Ho_Chi_Minh)', () => {
  it.each([
    ['2026-02-16T17:30:00Z', '17/02/2026 00:30'], // UTC evening is the next day in Vietnam (Tết 2026)
    ['2025-07-01T00:00:00.000Z', '01/07/2025 07:00'],
    ['2024-12-31T16:59:59Z', '31/12/2024 23:59'],
    ['2024-12-31T17:00:00Z', '01/01/2025 00:00'],
    [Date.UTC(2020, 2, 23, 1, 5), '23/03/2020 08:05'],
  ])('%s → %s', (input, expected) => {
    expect(formatDateTime(input)).toBe(expected);
  });

  it('has no midnight "24:00"', () => {
    expect(formatTime('2025-01-01T17:00:00Z')).toBe('00:00');
  });

  it('shows a dash for nothing or garbage', () => {
    for (const v of [null, undefined, '', 'not a date']) expect(formatDateTime(v)).toBe('—');
  });

  it('formats the date alone', () => {
    expect(formatDate('2026-04-25T18:00:00Z')).toBe('26/04/2026');
  });
});

describe('formatMoney (integer VND)', () => {
  it.each<[number | string | bigint, string]>([
    [0, '0 ₫'],
    [5, '5 ₫'],
    [999, '999 ₫'],
    [1000, '1.000 ₫'],
    [1234567, '1.234.567 ₫'],
    [-25000, '-25.000 ₫'],
    ['9007199254740993', '9.007.199.254.740.993 ₫'], // BIGINT as a string keeps every digit
    [12345678901234567890n, '12.345.678.901.234.567.890 ₫'],
    [17499.5, '17.500 ₫'],
    ['-0', '0 ₫'],
  ])('%p → %s', (input, expected) => {
    expect(formatMoney(input)).toBe(expected);
  });

  it('refuses what is not a number', () => {
    expect(formatMoney('12a')).toBe('—');
    expect(formatMoney(null)).toBe('—');
  });
});

describe('formatPhone', () => {
  it('shows E.164 Vietnamese style', () => {
    expect(formatPhone('+842693888222')).toBe('0269 3888 222');
    expect(formatPhone('+84912345678')).toBe('0912 345 678');
    expect(formatPhone(null)).toBe('—');
  });
});

describe('foldVietnamese', () => {
  it('searches without accents', () => {
    expect(foldVietnamese('Xã Đăk Pơ')).toBe('xa dak po');
    expect(foldVietnamese('Phường Quy Nhơn Bắc')).toContain('quy nhon bac');
  });
});
