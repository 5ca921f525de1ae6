import { ERROR_CODES } from '@hotline/contracts';
import { ApiError } from '../../../lib/api-client';
import { fieldErrors } from './server-errors';

const err = (status: number, message: string, details?: unknown) =>
  new ApiError(status, {
    statusCode: status,
    error: 'x',
    code: status === 409 ? ERROR_CODES.CONFLICT : ERROR_CODES.VALIDATION_FAILED,
    message,
    ...(details ? { details } : {}),
  });

describe('fieldErrors: a refused save mapped onto the form', () => {
  const fields = ['name', 'priceVnd', 'endsOn', 'periods', 'phone', 'code'];

  it.each([
    ['class-validator message', err(400, 'priceVnd must not be negative'), 'priceVnd', 'must not be negative'],
    [
      'domain error with colon',
      err(400, 'endsOn: the window ends before it starts', { field: 'endsOn' }),
      'endsOn',
      'the window ends before it starts',
    ],
    ['nested property', err(400, 'periods.0.start must be HH:mm'), 'periods', 'must be HH:mm'],
    [
      'details.field without a prefix',
      err(400, 'not a Vietnamese phone number', { field: 'phone' }),
      'phone',
      'not a Vietnamese phone number',
    ],
  ])('%s', (_, e, field, text) => {
    const r = fieldErrors(e, fields);
    expect(r.byField.get(field)).toEqual([text]);
    expect(r.other).toEqual([]);
  });

  it('several messages go to their own fields, unknown ones to the banner', () => {
    const r = fieldErrors(
      err(400, 'a; b', {
        errors: [
          'name must be longer than or equal to 2 characters',
          'property foo should not exist',
          'code must be 2–40 lower-case letters',
        ],
      }),
      fields,
    );
    expect([...r.byField.keys()]).toEqual(['name', 'code']);
    expect(r.other).toEqual(['property foo should not exist']);
  });

  it('an api property shown by another field goes there', () => {
    const r = fieldErrors(
      err(400, 'endsOn: the window ends before it starts', { field: 'endsOn' }),
      ['name', 'window'],
      { aliases: { startsOn: 'window', endsOn: 'window' } },
    );
    expect(r.byField.get('window')).toEqual(['the window ends before it starts']);
  });

  it('a 409 goes to the field the caller names, else to the banner', () => {
    expect(
      fieldErrors(err(409, 'a tariff for pickup legs on intra_area already exists (edit it)'), fields, {
        conflictField: 'code',
      }).byField.get('code'),
    ).toHaveLength(1);
    expect(fieldErrors(err(409, 'duplicate'), fields).other).toEqual(['duplicate']);
  });

  it('anything else is not a field error', () => {
    expect(fieldErrors(new Error('boom'), fields)).toEqual({ byField: new Map(), other: [] });
    expect(fieldErrors(err(500 as number, 'x'), fields).byField.size).toBe(0);
  });
});
