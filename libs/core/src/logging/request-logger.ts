import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';

const storage = new AsyncLocalStorage<Logger>();

/** Runs `fn` with `logger` (a request's child logger) as the one AppLogger writes to, in `fn` and all it starts. */
export function runWithRequestLogger<T>(logger: Logger, fn: () => T): T {
  return storage.run(logger, fn);
}

/** The logger of the request being served, if any. */
export function requestLogger(): Logger | undefined {
  return storage.getStore();
}

/** Keeps a caller's (proxy's) X-Request-Id when it looks sane, otherwise makes one. */
export function requestId(incoming: unknown): string {
  return typeof incoming === 'string' && /^[\w.-]{1,100}$/.test(incoming) ? incoming : randomUUID();
}
