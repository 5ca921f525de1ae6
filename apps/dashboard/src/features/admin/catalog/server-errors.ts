import { formFieldErrors, type FieldErrorOptions, type FieldErrors } from '../../../lib/errors';

export type { FieldErrors } from '../../../lib/errors';

/**
 * Which form fields a refused save is about (lib/errors.ts formFieldErrors, the one helper every form uses): with `t`
 * the api's `details.fields` are said in the UI language; without it the server's texts are kept.
 * `aliases` maps an api property to the form field showing it (startsOn and endsOn → one date range field).
 */
export function fieldErrors(
  err: unknown,
  fields: readonly string[],
  { conflictField, aliases = {}, t }: FieldErrorOptions = {},
): FieldErrors {
  return formFieldErrors(err, fields, { conflictField, aliases, t });
}
