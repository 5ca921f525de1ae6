import { parsePhone } from '@hotline/contracts';
import { ValidationError } from '@hotline/core';

/** Turns any Vietnamese way of writing a number into E.164, or a 400 that says what is wrong. */
export function requirePhone(input: string, field = 'phone'): string {
  const parsed = parsePhone(input);
  if (!parsed.ok) throw new ValidationError(`${field}: ${parsed.reason}`, { field, constraint: 'isPhone' });
  return parsed.e164;
}
