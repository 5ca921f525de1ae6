import { HttpStatus } from '@nestjs/common';
import { ERROR_CODES, ErrorCode, type ValidationFieldError, type ValidationFieldParams } from '@hotline/contracts';

/**
 * Domain errors say what went wrong in the hotline's terms; the exception filter maps them to HTTP.
 * Services throw these, never HttpException, so they stay usable from the worker too.
 */
export class DomainError extends Error {
  constructor(
    readonly status: HttpStatus,
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/**
 * A 400. When `details` names one `field`, the answer also carries `details.fields` (the shape the ValidationPipe
 * gives, one entry per failed rule) so a client translates it like any other; `constraint` says which rule
 * (isPhone, exists, isDate, isNotEmpty, dateOrder, notInFuture...; `invalid` when the service did not say), and
 * `params` its numbers. Both are moved into that entry, not left beside `field`.
 */
export class ValidationError extends DomainError {
  constructor(message: string, details?: unknown) {
    super(HttpStatus.BAD_REQUEST, ERROR_CODES.VALIDATION_FAILED, message, withFields(message, details));
  }
}

interface OneFieldDetails {
  field: string;
  constraint?: string;
  params?: ValidationFieldParams;
  fields?: ValidationFieldError[];
  [extra: string]: unknown;
}

function withFields(message: string, details: unknown): unknown {
  if (!details || typeof details !== 'object' || typeof (details as { field?: unknown }).field !== 'string')
    return details;
  const { constraint, params, ...rest } = details as OneFieldDetails;
  if (rest.fields) return rest;
  const entry: ValidationFieldError = {
    field: rest.field,
    constraint: constraint ?? 'invalid',
    message,
    ...(params ? { params } : {}),
  };
  return { ...rest, fields: [entry] };
}

export class NotFoundError extends DomainError {
  constructor(what: string, id?: string) {
    super(HttpStatus.NOT_FOUND, ERROR_CODES.NOT_FOUND, id ? `${what} ${id} not found` : `${what} not found`);
  }
}

export class ConflictError extends DomainError {
  constructor(message: string, code: ErrorCode = ERROR_CODES.CONFLICT, details?: unknown) {
    super(HttpStatus.CONFLICT, code, message, details);
  }
}

export class UnauthenticatedError extends DomainError {
  constructor(message = 'Authentication required', code: ErrorCode = ERROR_CODES.UNAUTHENTICATED) {
    super(HttpStatus.UNAUTHORIZED, code, message);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = 'You are not allowed to do this') {
    super(HttpStatus.FORBIDDEN, ERROR_CODES.FORBIDDEN, message);
  }
}

export class TooManyRequestsError extends DomainError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(HttpStatus.TOO_MANY_REQUESTS, ERROR_CODES.TOO_MANY_REQUESTS, message, { retryAfterSeconds });
  }
}

/**
 * A 503: the database (or another service the request needs) did not answer in time. Nothing was written; the client may
 * retry after `retryAfterSeconds` (sent as Retry-After).
 */
export class DatabaseUnavailableError extends DomainError {
  constructor(
    message: string,
    readonly retryAfterSeconds = 2,
  ) {
    super(
      HttpStatus.SERVICE_UNAVAILABLE,
      ERROR_CODES.SERVICE_UNAVAILABLE,
      `The database is busy or unreachable (${message}); try again shortly`,
      {
        retryAfterSeconds,
      },
    );
  }
}

/**
 * A bug, never a user's fault: code running inside a transaction asked the pool for a second connection (a query through
 * the DataSource instead of the transaction's manager). Under concurrency that starves the pool, so it is refused at once.
 */
export class PoolMisuseError extends Error {
  constructor() {
    super(
      'A query inside a transaction asked the pool for a second connection: run it through the transaction (its manager or repositories)',
    );
    this.name = 'PoolMisuseError';
  }
}
