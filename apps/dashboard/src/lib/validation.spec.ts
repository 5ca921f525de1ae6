import { ERROR_CODES, type ValidationFieldError } from '@hotline/contracts';
import type { Translate } from '../i18n/i18n';
import { en as EN } from '../i18n/messages.en';
import { vi as VI } from '../i18n/messages.vi';
import { ApiError } from './api-client';
import { describeError, describeFieldError, errorField, formFieldErrors } from './errors';
import { translateRule, translateRules, validationFields } from './validation';

/** The dashboard's dictionaries, filled as i18n.tsx's translate() does (that file needs React and JSX). */
const dictionary =
  (texts: Record<string, string>): Translate =>
  (key, params) =>
    (texts[key] ?? key).replace(/\{(\w+)\}/g, (m, name: string) =>
      params && name in params ? String(params[name]) : m,
    );
const vi = dictionary(VI);
const en = dictionary(EN);
const rule = (
  field: string,
  constraint: string,
  params?: ValidationFieldError['params'],
  message = `${field.split('.').pop()} is wrong`,
): ValidationFieldError => ({
  field,
  constraint,
  message,
  ...(params ? { params } : {}),
});
const refused = (fields: ValidationFieldError[], extra: object = {}) =>
  new ApiError(400, {
    statusCode: 400,
    error: 'Bad Request',
    code: ERROR_CODES.VALIDATION_FAILED,
    message: fields.map((f) => f.message).join('; '),
    details: { errors: fields.map((f) => f.message), fields, ...extra },
  });

describe('translateRule: one failed rule of a 400 in Vietnamese (and English)', () => {
  it.each<[string, ValidationFieldError, string, string]>([
    ['required', rule('name', 'isNotEmpty'), 'Bắt buộc nhập', 'Required'],
    ['whole number', rule('dueWorkingDays', 'isInt'), 'Phải là số nguyên', 'Must be a whole number'],
    ['min', rule('priceVnd', 'min', { min: 0 }), 'Phải ≥ 0', 'Must be ≥ 0'],
    ['max', rule('percent', 'max', { max: 100 }), 'Phải ≤ 100', 'Must be ≤ 100'],
    [
      'length range',
      rule('name', 'isLength', { min: 2, max: 150 }),
      'Độ dài từ 2 đến 150 ký tự',
      '2 to 150 characters',
    ],
    ['length up to', rule('name', 'isLength', { min: 1, max: 150 }), 'Tối đa 150 ký tự', 'At most 150 characters'],
    ['exact length', rule('pin', 'isLength', { min: 6, max: 6 }), 'Phải đúng 6 ký tự', 'Exactly 6 characters'],
    ['maxLength', rule('note', 'maxLength', { max: 500 }), 'Tối đa 500 ký tự', 'At most 500 characters'],
    ['minLength', rule('note', 'minLength', { min: 3 }), 'Ít nhất 3 ký tự', 'At least 3 characters'],
    [
      'enum values',
      rule('legKind', 'isIn', { values: ['pickup', 'return'] }),
      'Phải là một trong: pickup, return',
      'Must be one of: pickup, return',
    ],
    ['array size', rule('periods', 'arrayMaxSize', { max: 6 }), 'Chọn tối đa 6 mục', 'Pick at most 6'],
    ['phone (domain rule)', rule('phone', 'isPhone'), 'Không đúng định dạng số điện thoại', 'Not a valid phone number'],
    ['calendar date (domain rule)', rule('overdue.originalDueDate', 'isDate'), 'Ngày không hợp lệ', 'Not a valid date'],
    ['ISO date-time', rule('startedAt', 'isIso8601'), 'Ngày giờ không hợp lệ', 'Not a valid date and time'],
    [
      'date pattern',
      rule('startsOn', 'matches', { pattern: '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$' }),
      'Ngày không hợp lệ',
      'Not a valid date',
    ],
    [
      'time pattern',
      rule('periods.1.start', 'matches', { pattern: '^([01]\\d|2[0-3]):[0-5]\\d$|^24:00$' }),
      'Giờ không hợp lệ (HH:mm)',
      'Not a valid time (HH:mm)',
    ],
    [
      'commune code pattern',
      rule('pickup.communeCode', 'matches', { pattern: '^\\d{5}$' }),
      'Mã xã phải gồm 5 chữ số',
      'A commune code has 5 digits',
    ],
    ['digits pattern', rule('year', 'matches', { pattern: '^\\d{4}$' }), 'Phải gồm đúng 4 chữ số', 'Exactly 4 digits'],
    [
      'character class pattern',
      rule('code', 'matches', { pattern: '^[a-z0-9_]{2,40}$' }),
      'Gồm 2–40 ký tự: chữ thường không dấu, chữ số, gạch dưới (_)',
      '2–40 characters: lower-case letters, digits, underscore (_)',
    ],
    [
      'email pattern',
      rule('email', 'matches', { pattern: '^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$' }),
      'Địa chỉ email không hợp lệ',
      'Not a valid email address',
    ],
    [
      'pattern it cannot read, on a phone field',
      rule('contactPhone', 'matches', { pattern: '^(0|\\+84)[0-9 .]+$' }),
      'Không đúng định dạng số điện thoại',
      'Not a valid phone number',
    ],
    [
      'pattern it cannot read',
      rule('target', 'matches', { pattern: '^(all|role:(operator))$' }),
      'Không đúng định dạng',
      'Wrong format',
    ],
    [
      'unknown property',
      rule('colour', 'whitelistValidation', undefined, 'property colour should not exist'),
      'Trường “colour” không được phép gửi',
      'The field “colour” may not be sent',
    ],
    [
      'unknown reference',
      rule('topicId', 'exists'),
      'Không có trong danh mục hoặc đã ngừng dùng',
      'Not in the list, or no longer in use',
    ],
    [
      'unknown reference, the value said',
      rule('communeCode', 'exists', { value: '99999' }),
      '“99999” không có trong danh mục hoặc đã ngừng dùng',
      '“99999” is not in the list, or no longer in use',
    ],
    [
      'dates in order',
      rule('endsOn', 'dateOrder'),
      'Thời điểm kết thúc phải sau thời điểm bắt đầu',
      'The end must come after the start',
    ],
    ['uuid', rule('id', 'isUuid'), 'Mã định danh không hợp lệ', 'Not a valid identifier'],
  ])('%s', (_, r, textVi, textEn) => {
    expect(translateRule(vi, r)).toBe(textVi);
    expect(translateRule(en, r)).toBe(textEn);
  });

  it.each([
    [
      'an unknown rule: the server’s message without its property',
      rule('officeId', 'mustServeCommune', undefined, 'officeId: does not serve this commune'),
      'does not serve this commune',
    ],
    [
      'a domain rule said only by the server',
      rule('to', 'invalid', undefined, 'to: at most 400 days per request'),
      'at most 400 days per request',
    ],
    [
      'a known rule without the numbers it needs',
      rule('priceVnd', 'min', undefined, 'priceVnd must not be negative'),
      'must not be negative',
    ],
    [
      'a message not starting with the property is kept whole',
      rule('postOfficeId', 'invalid', undefined, 'post office x does not exist'),
      'post office x does not exist',
    ],
  ])('%s', (_, r, text) => {
    expect(translateRule(vi, r)).toBe(text);
  });
});

describe('translateRules: the rules of one field', () => {
  it('"whole number" with its bounds reads as one sentence', () => {
    expect(translateRules(vi, [rule('n', 'isInt'), rule('n', 'min', { min: 1 })])).toEqual(['Phải là số nguyên ≥ 1']);
    expect(translateRules(vi, [rule('n', 'isInt'), rule('n', 'max', { max: 60 })])).toEqual(['Phải là số nguyên ≤ 60']);
    expect(
      translateRules(vi, [rule('n', 'max', { max: 60 }), rule('n', 'isInt'), rule('n', 'min', { min: 0 })]),
    ).toEqual(['Phải là số nguyên từ 0 đến 60']);
  });

  it('says each text once and keeps the other rules', () => {
    expect(
      translateRules(vi, [rule('a', 'isNotEmpty'), rule('a', 'isDefined'), rule('a', 'isLength', { min: 2, max: 5 })]),
    ).toEqual(['Bắt buộc nhập', 'Độ dài từ 2 đến 5 ký tự']);
  });
});

describe('validationFields, errorField, describeError, describeFieldError on a 400', () => {
  const err = refused([
    rule('pickup.communeCode', 'matches', { pattern: '^\\d{5}$' }),
    rule('priceVnd', 'isInt'),
    rule('priceVnd', 'min', { min: 0 }),
  ]);

  it('reads details.fields, and nothing from other errors', () => {
    expect(validationFields(err)).toHaveLength(3);
    expect(validationFields(new Error('x'))).toEqual([]);
    expect(
      validationFields(
        new ApiError(409, {
          statusCode: 409,
          error: 'Conflict',
          code: ERROR_CODES.CONFLICT,
          message: 'dup',
          details: { fields: [rule('a', 'b')] },
        }),
      ),
    ).toEqual([]);
    expect(
      validationFields(
        new ApiError(400, {
          statusCode: 400,
          error: 'x',
          code: ERROR_CODES.VALIDATION_FAILED,
          message: 'm',
          details: { fields: [{ field: 1 }, null] },
        }),
      ),
    ).toEqual([]);
  });

  it('a banner says every field in the UI language; one field alone needs no name', () => {
    expect(describeError(vi, err)).toBe(
      'Dữ liệu không hợp lệ: pickup.communeCode: Mã xã phải gồm 5 chữ số; priceVnd: Phải là số nguyên ≥ 0',
    );
    expect(describeError(vi, refused([rule('phone', 'isPhone')]))).toBe(
      'Dữ liệu không hợp lệ: Không đúng định dạng số điện thoại',
    );
    expect(describeError(en, refused([rule('phone', 'isPhone')]))).toBe('Invalid data: Not a valid phone number');
  });

  it("errorField stays the service's details.field; describeFieldError gives one field's texts", () => {
    expect(errorField(refused([rule('phone', 'isPhone')]))).toBeNull();
    expect(errorField(refused([rule('phone', 'isPhone')], { field: 'phone' }))).toBe('phone');
    expect(describeFieldError(vi, err, 'pickup')).toEqual(['Mã xã phải gồm 5 chữ số']);
  });
});

describe('formFieldErrors: a refused save mapped onto a form, translated', () => {
  it('each rule goes to the longest form field its path starts with; the rest to the banner', () => {
    const err = refused([
      rule('pickup.communeCode', 'matches', { pattern: '^\\d{5}$' }),
      rule('periods.1.start', 'matches', { pattern: '^([01]\\d|2[0-3]):[0-5]\\d$|^24:00$' }),
      rule('priceVnd', 'isInt'),
      rule('priceVnd', 'min', { min: 0 }),
      rule('colour', 'whitelistValidation', undefined, 'property colour should not exist'),
    ]);
    const r = formFieldErrors(err, ['pickup.communeCode', 'pickup', 'periods', 'priceVnd'], { t: vi });
    expect(Object.fromEntries(r.byField)).toEqual({
      'pickup.communeCode': ['Mã xã phải gồm 5 chữ số'],
      periods: ['Giờ không hợp lệ (HH:mm)'],
      priceVnd: ['Phải là số nguyên ≥ 0'],
    });
    expect(r.other).toEqual(['Trường “colour” không được phép gửi']);
  });

  it('aliases put an api property under another form field', () => {
    const r = formFieldErrors(refused([rule('endsOn', 'dateOrder')]), ['name', 'window'], {
      t: en,
      aliases: { startsOn: 'window', endsOn: 'window' },
    });
    expect(r.byField.get('window')).toEqual(['The end must come after the start']);
  });

  it('without t the server’s messages are kept', () => {
    const r = formFieldErrors(
      refused([rule('name', 'isLength', { min: 2, max: 5 }, 'name must be longer than or equal to 2 characters')]),
      ['name'],
    );
    expect(r.byField.get('name')).toEqual(['name must be longer than or equal to 2 characters']);
  });
});
