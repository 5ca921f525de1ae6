import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import type { ApiErrorBody } from '@hotline/contracts';
import { ERROR_CODES } from '@hotline/contracts';
import type { FastifyReply } from 'fastify';
import { QueryFailedError } from 'typeorm';
import { DatabaseUnavailableError, DomainError, TooManyRequestsError } from './domain-errors';

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

const CODE_BY_STATUS: Record<number, string> = {
  400: ERROR_CODES.VALIDATION_FAILED,
  401: ERROR_CODES.UNAUTHENTICATED,
  403: ERROR_CODES.FORBIDDEN,
  404: ERROR_CODES.NOT_FOUND,
  409: ERROR_CODES.CONFLICT,
  429: ERROR_CODES.TOO_MANY_REQUESTS,
};

/** Maps every error to `{ statusCode, error, code, message, details? }`. A 5xx is always a bug and is logged as one. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger(AllExceptionsFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') return;
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const error = asUnavailable(exception) ?? exception;
    const body = error instanceof ThrottlerException ? this.throttled(reply) : this.toBody(error);
    if (body.statusCode === 503) this.logger.warn({ err: exception }, 'Database unavailable: answered 503');
    else if (body.statusCode >= 500) this.logger.error({ err: exception }, 'Unhandled error');
    if (error instanceof TooManyRequestsError || error instanceof DatabaseUnavailableError)
      reply.header('retry-after', String(error.retryAfterSeconds));
    void reply.status(body.statusCode).send(body);
  }

  toBody(exception: unknown): ApiErrorBody {
    if (exception instanceof DomainError) {
      return this.body(exception.status, exception.code, exception.message, exception.details);
    }
    if (exception instanceof ThrottlerException) {
      return this.body(429, ERROR_CODES.TOO_MANY_REQUESTS, 'Too many attempts: wait a few minutes before trying again');
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      const raw = typeof response === 'string' ? response : (response as { message?: unknown }).message;
      const messages = Array.isArray(raw) ? raw.map(String) : [String(raw ?? exception.message)];
      const code =
        (typeof response === 'object' && (response as { code?: string }).code) ||
        CODE_BY_STATUS[status] ||
        `HTTP_${status}`;
      return this.body(status, code, messages.join('; '), messages.length > 1 ? { errors: messages } : undefined);
    }
    if (isFastifyClientError(exception)) {
      return this.body(
        exception.statusCode,
        CODE_BY_STATUS[exception.statusCode] ?? `HTTP_${exception.statusCode}`,
        exception.message,
      );
    }
    if (exception instanceof QueryFailedError && (exception as { code?: string }).code === 'ER_DUP_ENTRY') {
      return this.body(409, ERROR_CODES.CONFLICT, 'A record with the same unique value already exists');
    }
    return this.body(HttpStatus.INTERNAL_SERVER_ERROR, ERROR_CODES.INTERNAL, 'Internal server error');
  }

  /** The throttler sets one Retry-After-<name> header per limit; clients (and people) need one plain answer. */
  private throttled(reply: FastifyReply): ApiErrorBody {
    const headers = reply.getHeaders();
    const waits = Object.entries(headers)
      .filter(([k]) => k.toLowerCase().startsWith('retry-after'))
      .map(([, v]) => Number(v))
      .filter((n) => Number.isFinite(n));
    const seconds = Math.max(1, ...waits);
    void reply.header('retry-after', String(seconds));
    const minutes = Math.ceil(seconds / 60);
    return this.body(
      429,
      ERROR_CODES.TOO_MANY_REQUESTS,
      `Too many attempts: wait ${minutes} minute${minutes > 1 ? 's' : ''} before trying again`,
      {
        retryAfterSeconds: seconds,
      },
    );
  }

  private body(statusCode: number, code: string, message: string, details?: unknown): ApiErrorBody {
    return {
      statusCode,
      error: REASONS[statusCode] ?? 'Error',
      code,
      message,
      ...(details === undefined ? {} : { details }),
    };
  }
}

/** Fastify's own 4xx (bad JSON, unsupported media type, body too large) carry a statusCode. */
function isFastifyClientError(e: unknown): e is { statusCode: number; message: string } {
  const status = (e as { statusCode?: unknown })?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 500;
}

/** mysql2 codes of a database that is down, unreachable or too slow: the request is answered 503, it is not a bug. */
const UNAVAILABLE_CODES = new Set([
  'PROTOCOL_SEQUENCE_TIMEOUT', // the query timeout (DB_QUERY_TIMEOUT_MS)
  'PROTOCOL_CONNECTION_LOST',
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'ER_CON_COUNT_ERROR',
  'ER_LOCK_WAIT_TIMEOUT',
]);

/** The server stopped a statement at DB_QUERY_TIMEOUT_MS: MariaDB's max_statement_time (1969), MySQL's max_execution_time (3024). */
const STATEMENT_TIMEOUT_ERRNOS = new Set([1969, 3024]);

/** Outages and timeouts as a 503 (with Retry-After): whatever layer they surface from (a QueryFailedError or the raw driver error). */
export function asUnavailable(exception: unknown): DatabaseUnavailableError | null {
  if (exception instanceof DatabaseUnavailableError) return exception;
  const driver =
    exception instanceof QueryFailedError ? (exception as { driverError?: { code?: string } }).driverError : exception;
  const { code, errno } = (driver ?? {}) as { code?: unknown; errno?: unknown };
  if (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) return new DatabaseUnavailableError(code);
  if (typeof errno === 'number' && STATEMENT_TIMEOUT_ERRNOS.has(errno))
    return new DatabaseUnavailableError('statement timeout');
  return null;
}
