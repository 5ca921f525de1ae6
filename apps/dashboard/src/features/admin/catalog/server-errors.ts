import { ApiError } from '../../../lib/api-client';
import { errorField } from '../../../lib/errors';

/**
 * Which form fields a refused save is about. The api names the field in `details.field` (domain errors), or starts
 * each validation message with the property (`priceVnd must not be negative`, `endsOn: the window ends before...`,
 * `periods.0.start must be HH:mm`); several messages arrive in `details.errors`. A 409 rarely names its field: the caller
 * says which field a conflict belongs to. Messages about no known field are returned apart, for a banner.
 */
export interface FieldErrors {
  byField: Map<string, string[]>;
  other: string[];
}

const LEADING_PROPERTY = /^([A-Za-z][A-Za-z0-9]*)(?:\.[A-Za-z0-9.]+)?(?=[\s:.])/;

/** The readable part of a message: without the leading property name and its colon, first letter kept as sent. */
function withoutProperty(message: string, property: string): string {
  const rest = message.slice(property.length).replace(/^(\.[A-Za-z0-9.]+)?:?\s*/, '');
  return rest || message;
}

/** `aliases` maps an api property to the form field showing it (startsOn and endsOn → one date range field). */
export function fieldErrors(err: unknown, fields: readonly string[], conflictField?: string, aliases: Readonly<Record<string, string>> = {}): FieldErrors {
  const out: FieldErrors = { byField: new Map(), other: [] };
  if (!(err instanceof ApiError) || (err.status !== 400 && err.status !== 409)) return out;
  const add = (field: string, text: string) => {
    const name = aliases[field] ?? field;
    out.byField.set(name, [...(out.byField.get(name) ?? []), text]);
  };
  fields = [...fields, ...Object.keys(aliases)];
  if (err.status === 409) {
    const field = errorField(err) ?? conflictField;
    if (field && fields.includes(field)) add(field, err.message);
    else out.other.push(err.message);
    return out;
  }
  const details = err.body.details as { errors?: unknown } | undefined;
  const messages = Array.isArray(details?.errors) ? details.errors.map(String) : [err.message];
  const named = errorField(err);
  for (const message of messages) {
    const property = LEADING_PROPERTY.exec(message)?.[1];
    if (property && fields.includes(property)) add(property, withoutProperty(message, property));
    else if (named && fields.includes(named) && messages.length === 1) add(named, message);
    else out.other.push(message);
  }
  return out;
}
