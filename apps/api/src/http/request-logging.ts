import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { LogController } from 'fastify';
import type { Logger } from 'pino';
import { runWithRequestLogger } from '@hotline/core';

/** Polled every few seconds by the orchestrator and Prometheus: a line each would drown the rest. */
const QUIET_URLS = new Set(['/health/live', '/metrics']);

/**
 * One line per request, when it is answered (no "incoming request" line), with the request (id, method, scrubbed url),
 * the status and the time taken; none for the polled URLs.
 */
export class RequestLogController extends LogController {
  constructor() {
    super({ disableRequestLogging: (req: { url?: string }) => QUIET_URLS.has(req.url ?? '') });
  }

  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    if (this.isLogDisabled(request)) return;
    const line = { req: request, res: reply, responseTime: reply.elapsedTime };
    if (error) reply.log.error({ ...line, err: error }, 'request errored');
    else reply.log.info(line, reply.statusCode >= 500 ? 'request errored' : 'request completed');
  }
}

/**
 * Every log line written while a request is served carries its id: Nest's loggers (AppLogger) write through the
 * request's child logger, kept in an AsyncLocalStorage from the first hook on (Fastify runs the rest of the request in
 * that context, a body read later included: its content-type parser binds its callback to the request's context).
 * The id goes back in X-Request-Id.
 */
export function registerRequestContext(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', (req, reply, done) => {
    void reply.header('x-request-id', req.id);
    runWithRequestLogger(req.log as Logger, done);
  });
}
