import 'reflect-metadata';
import type { IncomingMessage } from 'node:http';
import fastifyCors from '@fastify/cors';
import fastifyMultipart from '@fastify/multipart';
import { RequestMethod, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { DestinationStream } from 'pino';
import {
  AllExceptionsFilter,
  AppConfig,
  AppLogger,
  createLogger,
  ValidationError,
  requestId,
  validationFields,
  validationMessages,
} from '@hotline/core';
import { ApiModule } from './api.module';
import { registerDashboard } from './http/dashboard';
import { registerQueueBoard } from './http/queue-board';
import { RequestLogController, registerRequestContext } from './http/request-logging';
import { registerSecurityHeaders } from './http/security-headers';
import { MetricsService } from './metrics/metrics.service';
import { RedisIoAdapter } from './realtime/redis-io.adapter';

/** Routes that stay at the root; everything else lives under /api (the dashboard owns /). */
export const ROOT_ROUTES = [
  { path: 'health', method: RequestMethod.GET },
  { path: 'health/live', method: RequestMethod.GET },
  { path: 'metrics', method: RequestMethod.GET },
];

export interface ApiAppOptions {
  /** Where the log lines go (tests read them); stdout otherwise. */
  logDestination?: DestinationStream;
}

/** Builds the api exactly as production runs it; tests call this with their own config and listen on port 0. */
export async function createApiApp(config: AppConfig, options: ApiAppOptions = {}): Promise<NestFastifyApplication> {
  // One pino logger for Fastify (a child per request, carrying its id) and Nest (AppLogger): no logging middleware,
  // so no middie either (nothing else registers a Nest middleware).
  const logger = createLogger(config.log, { app: 'api', destination: options.logDestination });
  const adapter = new FastifyAdapter({
    trustProxy: config.http.trustProxy,
    bodyLimit: BODY_LIMIT,
    loggerInstance: logger,
    logController: new RequestLogController(),
    genReqId: (req: IncomingMessage) => requestId(req.headers['x-request-id']),
    skipMiddie: true,
  });
  const app = await NestFactory.create<NestFastifyApplication>(ApiModule.forRoot(config), adapter, {
    logger: new AppLogger(logger),
    abortOnError: false,
  });
  app.setGlobalPrefix('api', { exclude: ROOT_ROUTES });
  app.useGlobalPipes(validationPipe());
  app.useGlobalFilters(new AllExceptionsFilter());
  app.useWebSocketAdapter(new RedisIoAdapter(app, config));
  registerRequestContext(app.getHttpAdapter().getInstance());
  await registerHttpPlugins(app, config);
  registerHooks(app);
  registerOpenApi(app);
  if (config.queues.boardEnabled) await registerQueueBoard(app);
  await registerDashboard(app);
  return app;
}

const BODY_LIMIT = 6 * 1024 * 1024;

/** Every input is a DTO; unknown fields are refused; a 400 says which rule failed on which path. */
function validationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    // The factory reads each rule's arguments (min, max...) from the class of the object that failed; it never sends it.
    validationError: { target: true },
    // `errors` keeps the plain messages (clients and tests read them); `fields` says which rule failed on which path.
    exceptionFactory: (errors) => {
      const messages = validationMessages(errors);
      return new ValidationError(messages.join('; '), { errors: messages, fields: validationFields(errors) });
    },
  });
}

/** CSV/plain bodies (post office import), helmet's headers with the dashboard's CSP, CORS, multipart uploads. */
async function registerHttpPlugins(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  app
    .getHttpAdapter()
    .getInstance()
    .addContentTypeParser(
      ['text/csv', 'text/plain'],
      { parseAs: 'string', bodyLimit: BODY_LIMIT },
      (_req, body, done) => done(null, body),
    );
  registerSecurityHeaders(app.getHttpAdapter().getInstance());
  await app.register(fastifyCors as never, {
    origin: config.http.corsOrigins.length ? config.http.corsOrigins : false,
    credentials: true,
  });
  await app.register(fastifyMultipart as never, { limits: { fileSize: BODY_LIMIT, files: 1 } });
}

/** The latency histogram per route (a callback hook: an async one costs a promise per request). */
function registerHooks(app: NestFastifyApplication): void {
  const fastify = app.getHttpAdapter().getInstance();
  const { httpDuration } = app.get(MetricsService);
  fastify.addHook('onResponse', (req, reply, done) => {
    const route = req.routeOptions?.url ?? 'unmatched';
    httpDuration.observe({ method: req.method, route, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
    done();
  });
}

/** OpenAPI at /docs (and /docs/openapi.json), generated from the DTOs. */
function registerOpenApi(app: NestFastifyApplication): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Hotline 0269.3888.222 API')
      .setDescription(
        'Tổng đài phục vụ hành chính công tỉnh Gia Lai — calls, BCCI dispatch, feedback SLA. All routes below are under /api.',
      )
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/openapi.json' });
}
