import { ApiError } from '../../lib/api-client';
import { fieldErrors } from './form-errors';

const bad = (message: string, details?: unknown) => new ApiError(400, { statusCode: 400, error: 'Bad Request', code: 'VALIDATION_FAILED', message, ...(details ? { details } : {}) });
const known = (p: string[]) => ['phone', 'windowTo', 'pickupAddress.communeCode', 'pickupAddress.detail', 'overdue.agencyId'].includes(p.join('.'));

describe('fieldErrors', () => {
  it('puts a domain error on the field it names', () => {
    expect(fieldErrors(bad('pickupAddress.communeCode: unknown commune code "99999"', { field: 'pickupAddress.communeCode' }), known)).toEqual({
      fields: [{ path: ['pickupAddress', 'communeCode'], message: 'pickupAddress.communeCode: unknown commune code "99999"' }],
      rest: [],
    });
  });

  it('splits the validation pipe list, one message per field, unknown fields kept apart', () => {
    const err = bad('windowTo must be an ISO 8601 date-time; pickupAddress.detail must be longer than or equal to 2 characters; something else went wrong', {
      errors: ['windowTo must be an ISO 8601 date-time', 'pickupAddress.detail must be longer than or equal to 2 characters', 'something else went wrong'],
    });
    const out = fieldErrors(err, known);
    expect(out.fields.map((f) => f.path.join('.'))).toEqual(['windowTo', 'pickupAddress.detail']);
    expect(out.rest).toEqual(['something else went wrong']);
  });

  it('a single message without details is read from its start', () => {
    expect(fieldErrors(bad('phone: not a Vietnamese phone number'), known).fields).toEqual([{ path: ['phone'], message: 'phone: not a Vietnamese phone number' }]);
  });

  it('ignores what is not a 400', () => {
    expect(fieldErrors(new ApiError(409, { statusCode: 409, error: 'Conflict', code: 'CONFLICT', message: 'phone: x' }), known)).toEqual({ fields: [], rest: [] });
    expect(fieldErrors(new Error('x'), known)).toEqual({ fields: [], rest: [] });
  });
});
