import 'reflect-metadata';
import { Type, plainToInstance } from 'class-transformer';
import {
  ArrayMaxSize,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
  validate,
} from 'class-validator';
import { validationFields, validationMessages } from './validation-fields';
import { ValidationError } from './domain-errors';

class Period {
  @Matches(/^\d{2}:\d{2}$/, { message: 'start must be HH:mm' }) start!: string;
}
class Address {
  @IsNotEmpty() detail!: string;
  @IsInt() @Min(1) @Max(99999) communeCode!: number;
}
class Form {
  @Length(2, 40) name!: string;
  @IsIn(['a', 'b']) kind!: string;
  @ValidateNested() @Type(() => Address) pickup!: Address;
  @IsOptional() @ArrayMaxSize(2) @ValidateNested({ each: true }) @Type(() => Period) periods?: Period[];
}

const check = async (plain: object) => {
  const errors = await validate(plainToInstance(Form, plain), { validationError: { target: true } });
  return { fields: validationFields(errors), messages: validationMessages(errors) };
};

describe('validationFields: one entry per failed rule, full dotted path, the rule’s numbers', () => {
  it('reads params from the decorators, paths through nested objects and array indexes', async () => {
    const { fields, messages } = await check({
      name: 'x',
      kind: 'c',
      pickup: { detail: '', communeCode: 0.5 },
      periods: [{ start: '07:00' }, { start: '7h' }, { start: 'x' }],
    });
    expect(fields).toEqual(
      expect.arrayContaining([
        { field: 'name', constraint: 'isLength', message: expect.any(String), params: { min: 2, max: 40 } },
        { field: 'kind', constraint: 'isIn', message: expect.any(String), params: { values: ['a', 'b'] } },
        { field: 'pickup.detail', constraint: 'isNotEmpty', message: expect.any(String) },
        { field: 'pickup.communeCode', constraint: 'isInt', message: expect.any(String) },
        { field: 'pickup.communeCode', constraint: 'min', message: expect.any(String), params: { min: 1 } },
        { field: 'periods', constraint: 'arrayMaxSize', message: expect.any(String), params: { max: 2 } },
        {
          field: 'periods.1.start',
          constraint: 'matches',
          message: 'start must be HH:mm',
          params: { pattern: '^\\d{2}:\\d{2}$' },
        },
        {
          field: 'periods.2.start',
          constraint: 'matches',
          message: 'start must be HH:mm',
          params: { pattern: '^\\d{2}:\\d{2}$' },
        },
      ]),
    );
    expect(fields.some((f) => f.field.startsWith('periods.0'))).toBe(false);
    expect(fields.map((f) => f.message)).toEqual(messages);
  });

  it('without the target (validationError.target false) still names field and rule, without params', async () => {
    const errors = await validate(
      plainToInstance(Form, { name: 'x', kind: 'a', pickup: { detail: 'd', communeCode: 5 } }),
      { validationError: { target: false } },
    );
    expect(validationFields(errors)).toEqual([{ field: 'name', constraint: 'isLength', message: expect.any(String) }]);
  });
});

describe('ValidationError: a domain error about one field carries details.fields', () => {
  it.each([
    [
      { field: 'endsOn', constraint: 'dateOrder' },
      { field: 'endsOn', fields: [{ field: 'endsOn', constraint: 'dateOrder', message: 'm' }] },
    ],
    [{ field: 'phone' }, { field: 'phone', fields: [{ field: 'phone', constraint: 'invalid', message: 'm' }] }],
    [
      { field: 'n', constraint: 'min', params: { min: 3 } },
      { field: 'n', fields: [{ field: 'n', constraint: 'min', message: 'm', params: { min: 3 } }] },
    ],
    [{ errors: ['a'] }, { errors: ['a'] }],
    [undefined, undefined],
  ])('%j', (details, expected) => {
    expect(new ValidationError('m', details).details).toEqual(expected);
  });

  it('keeps fields a caller built itself', () => {
    const fields = [{ field: 'a', constraint: 'x', message: 'y' }];
    expect(new ValidationError('m', { field: 'a', fields }).details).toEqual({ field: 'a', fields });
  });
});
