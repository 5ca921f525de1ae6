import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import type { ApiErrorBody } from '@hotline/contracts';
import { ERROR_CODES } from '@hotline/contracts';
import type { FastifyReply } from 'fastify';
import { QueryFailedError } from 'typeorm';
import { DomainError, TooManyRequestsError } from './domain-errors';

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
    const body = exception instanceof ThrottlerException ? this.throttled(reply) : this.toBody(exception);
    if (body.statusCode >= 500) this.logger.error({ err: exception }, 'Unhandled error');
    if (exception instanceof TooManyRequestsError) reply.header('retry-after', String(exception.retryAfterSeconds));
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
      const code = (typeof response === 'object' && (response as { code?: string }).code) || CODE_BY_STATUS[status] || `HTTP_${status}`;
      return this.body(status, code, messages.join('; '), messages.length > 1 ? { errors: messages } : undefined);
    }
    if (isFastifyClientError(exception)) {
      return this.body(exception.statusCode, CODE_BY_STATUS[exception.statusCode] ?? `HTTP_${exception.statusCode}`, exception.message);
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
    return this.body(429, ERROR_CODES.TOO_MANY_REQUESTS, `Too many attempts: wait ${minutes} minute${minutes > 1 ? 's' : ''} before trying again`, {
      retryAfterSeconds: seconds,
    });
  }

  private body(statusCode: number, code: string, message: string, details?: unknown): ApiErrorBody {
    return { statusCode, error: REASONS[statusCode] ?? 'Error', code, message, ...(details === undefined ? {} : { details }) };
  }
}

/** Fastify's own 4xx (bad JSON, unsupported media type, body too large) carry a statusCode. */
function isFastifyClientError(e: unknown): e is { statusCode: number; message: string } {
  const status = (e as { statusCode?: unknown })?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 500;
}
