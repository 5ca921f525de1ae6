import { hostname } from 'node:os';
import pino, { type DestinationStream, type Logger, type LoggerOptions } from 'pino';
import type { AppConfig } from '../config/app-config';
import { REDACT_PATHS, scrubText } from './redact';

interface LoggedRequest {
  id?: string;
  method?: string;
  url?: string;
}

export interface CreateLoggerOptions {
  /** `app` on every line: which process wrote it. */
  app: string;
  /** Where the lines go (tests read them); stdout, or pino-pretty with LOG_PRETTY, otherwise. */
  destination?: DestinationStream;
}

/**
 * The process's one pino logger: JSON lines, phones and tokens redacted by path, free text (messages, URLs) scrubbed.
 * The api hands it to Fastify (one child per request, its id as `reqId` on every line) and Nest logs through it
 * (AppLogger); built once, nothing about it is recomputed per request.
 */
export function createLogger(log: AppConfig['log'], options: CreateLoggerOptions): Logger {
  const pretty = !options.destination && log.pretty;
  const settings: LoggerOptions = {
    level: log.level,
    base: { pid: process.pid, hostname: hostname(), app: options.app },
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    serializers: {
      req: (req: LoggedRequest) => ({ id: req.id, method: req.method, url: req.url ? scrubText(req.url) : req.url }),
      res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
      err: pino.stdSerializers.err,
    },
    hooks: {
      // Free-text messages may contain a phone number typed by an operator: scrub them too.
      logMethod(args, method) {
        method.apply(this, args.map((a) => (typeof a === 'string' ? scrubText(a) : a)) as Parameters<typeof method>);
      },
    },
    transport: pretty ? { target: 'pino-pretty', options: { singleLine: true } } : undefined,
  };
  return options.destination ? pino(settings, options.destination) : pino(settings);
}
