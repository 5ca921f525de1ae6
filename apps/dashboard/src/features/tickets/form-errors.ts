import { ApiError } from '../../lib/api-client';

/**
 * A 400 of the api, split per field so a form can show each message under its own input. The api names the field at
 * the start of each message (`pickupAddress.communeCode: unknown commune code`, `windowTo must be an ISO 8601 date-time`)
 * and domain errors also give `details.field`. Paths are dotted like the DTO, which the forms mirror with nested names.
 */
export interface FieldError {
  path: string[];
  message: string;
}

const LEADING_PATH = /^([a-zA-Z][\w]*(?:\.[\w]+)*)(?::|\s)/;

export function fieldErrors(err: unknown, known: (path: string[]) => boolean): { fields: FieldError[]; rest: string[] } {
  const fields: FieldError[] = [];
  const rest: string[] = [];
  if (!(err instanceof ApiError) || err.status !== 400) return { fields, rest };
  const details = (err.body.details ?? {}) as { field?: unknown; errors?: unknown };
  const messages = Array.isArray(details.errors) ? details.errors.map(String) : err.message.split('; ');
  for (const message of messages) {
    const named = typeof details.field === 'string' && messages.length === 1 ? details.field : LEADING_PATH.exec(message)?.[1];
    const path = named ? named.split('.') : null;
    if (path && known(path)) fields.push({ path, message });
    else rest.push(message);
  }
  return { fields, rest };
}
