import type { LoggerService } from '@nestjs/common';
import type { Level, Logger } from 'pino';
import { requestLogger } from './request-logger';

// Nest's ExceptionsHandler (and friends) call error(message, stack) with the stack as a plain string.
const STACK_RE = /\n\s*at /;

/**
 * Nest's logger over pino, with nestjs-pino's call shapes: `log(message, context)`, `warn({ err }, message, context)`,
 * `error(message, stack, context)`. Inside a request it writes through that request's logger, so the line carries its id.
 */
export class AppLogger implements LoggerService {
  constructor(private readonly root: Logger) {}

  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }
  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }
  log(message: unknown, ...params: unknown[]): void {
    this.write('info', message, params);
  }
  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }
  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }
  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }

  private write(level: Level, message: unknown, params: unknown[]): void {
    const logger = requestLogger() ?? this.root;
    if (!logger.isLevelEnabled(level)) return;
    const fields: Record<string, unknown> = {};
    // Nest's Logger passes its context (the class name) last.
    const rest = params.length ? params.slice(0, -1) : params;
    if (params.length) fields.context = params[params.length - 1];
    const log = logger[level].bind(logger) as (obj: object, msg?: unknown, ...args: unknown[]) => void;
    if (message instanceof Error) {
      log({ ...fields, err: message }, ...rest);
    } else if (typeof message === 'object' && message !== null) {
      log(Object.assign(fields, message), ...rest);
    } else if (level === 'error' && typeof message === 'string' && isStack(rest)) {
      const err = new Error(message);
      err.stack = rest[0];
      log({ ...fields, err });
    } else {
      log(fields, message, ...rest);
    }
  }
}

function isStack(params: unknown[]): params is [string] {
  return params.length === 1 && typeof params[0] === 'string' && STACK_RE.test(params[0]);
}
