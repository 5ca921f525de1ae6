import type { ValidationFieldError, ValidationFieldParams } from '@hotline/contracts';
import { getMetadataStorage, type ValidationError as ClassValidatorError } from 'class-validator';
import { stripUndefined } from '../util/strip-undefined';

type ParamsOf = (constraints: unknown[]) => ValidationFieldParams;

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const values = (v: unknown): Array<string | number> | undefined =>
  Array.isArray(v) ? v.filter((x): x is string | number => typeof x === 'string' || typeof x === 'number') : undefined;

/** What a client needs to say a rule in its own words, read from the decorator's arguments (class-validator's keys). */
const PARAMS: Record<string, ParamsOf> = {
  min: ([min]) => ({ min: num(min) }),
  max: ([max]) => ({ max: num(max) }),
  minLength: ([min]) => ({ min: num(min) }),
  maxLength: ([max]) => ({ max: num(max) }),
  isLength: ([min, max]) => ({ min: num(min), max: num(max) }),
  arrayMinSize: ([min]) => ({ min: num(min) }),
  arrayMaxSize: ([max]) => ({ max: num(max) }),
  isIn: ([allowed]) => ({ values: values(allowed) }),
  isNotIn: ([denied]) => ({ values: values(denied) }),
  isEnum: ([entity]) => ({ values: entity && typeof entity === 'object' ? values(Object.values(entity)) : undefined }),
  matches: ([pattern]) => ({
    pattern: pattern instanceof RegExp ? pattern.source : typeof pattern === 'string' ? pattern : undefined,
  }),
};

function paramsOf(error: ClassValidatorError, constraint: string): ValidationFieldParams | undefined {
  const read = PARAMS[constraint];
  const target = error.target as object | undefined;
  if (!read || !target || typeof target !== 'object') return undefined;
  const metadata = getMetadataStorage()
    .getTargetValidationMetadatas(target.constructor, '', true, false)
    .find((m) => m.propertyName === error.property && (m.name ?? m.type) === constraint);
  if (!metadata) return undefined;
  const params = stripUndefined(read(metadata.constraints ?? []));
  return Object.keys(params).length ? params : undefined;
}

/**
 * One entry per failed rule of a class-validator result, with the full dotted path of the input
 * (`pickup.communeCode`, `periods.0.start`), so that a client can translate each rule under its own field.
 */
export function validationFields(errors: readonly ClassValidatorError[], parent = ''): ValidationFieldError[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    const own = Object.entries(e.constraints ?? {}).map(([constraint, message]): ValidationFieldError => {
      const params = paramsOf(e, constraint);
      return { field, constraint, message, ...(params ? { params } : {}) };
    });
    return [...own, ...validationFields(e.children ?? [], field)];
  });
}

/** The plain messages of the same result, in the same order (the `details.errors` clients already read). */
export function validationMessages(errors: readonly ClassValidatorError[]): string[] {
  return errors.flatMap((e) => [...Object.values(e.constraints ?? {}), ...validationMessages(e.children ?? [])]);
}
