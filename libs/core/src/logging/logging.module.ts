import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { REDACT_PATHS, scrubText } from './redact';

/** Keeps a caller's (proxy's) X-Request-Id when it looks sane, otherwise makes one. */
export function requestId(incoming: unknown): string {
  return typeof incoming === 'string' && /^[\w.-]{1,100}$/.test(incoming) ? incoming : randomUUID();
}

interface LoggedRequest {
  id?: string;
  method?: string;
  url?: string;
  headers?: Record<string, unknown>;
}

/** JSON logs (pino) with a request id on every line of a request; phones and tokens redacted. */
export const LoggingModule = LoggerModule.forRootAsync({
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig) => ({
    pinoHttp: {
      level: config.log.level,
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      // Fastify assigns the id (see requestId()); pino-http reuses it so every line of a request carries it.
      genReqId: (req: IncomingMessage) => (req as { id?: string }).id ?? requestId(req.headers['x-request-id']),
      customProps: () => ({ app: process.env.HOTLINE_APP ?? 'api' }),
      serializers: {
        req: (req: LoggedRequest) => ({ id: req.id, method: req.method, url: req.url ? scrubText(req.url) : req.url }),
        res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
      },
      hooks: {
        // Free-text messages may contain a phone number typed by an operator: scrub them too.
        logMethod(this: unknown, args: unknown[], method: (...a: unknown[]) => void) {
          method.apply(
            this,
            args.map((a) => (typeof a === 'string' ? scrubText(a) : a)),
          );
        },
      },
      autoLogging: { ignore: (req: { url?: string }) => req.url === '/health/live' || req.url === '/metrics' },
      transport: config.log.pretty ? { target: 'pino-pretty', options: { singleLine: true } } : undefined,
    },
  }),
});

@Module({ imports: [LoggingModule], exports: [LoggingModule] })
export class HotlineLoggingModule {}
