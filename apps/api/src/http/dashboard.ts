import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/** The built dashboard (apps/dashboard/dist), from the source tree or from dist/apps/api/src/http. */
export function dashboardDir(): string | null {
  const candidates = [
    join(__dirname, '../../../dashboard/dist'),
    join(__dirname, '../../../../../apps/dashboard/dist'),
  ];
  return candidates.find((d) => existsSync(join(d, 'index.html'))) ?? null;
}

const SERVER_PATHS = /^\/(api|socket\.io|docs|admin\/queues|health|metrics)(\/|$|\?)/;

/** Serves the dashboard at / with a single-page-app fallback; server paths keep their JSON 404s. */
export async function registerDashboard(app: NestFastifyApplication): Promise<void> {
  const dir = dashboardDir();
  const fastify = app.getHttpAdapter().getInstance();
  if (!dir) {
    fastify.get('/', async (_req, reply) =>
      reply
        .type('text/html; charset=utf-8')
        .send(
          '<!doctype html><meta charset="utf-8"><title>Tổng đài 0269.3888.222</title><body style="font-family:sans-serif">' +
            '<h1>Tổng đài hành chính công 0269.3888.222</h1><p>The dashboard has not been built (apps/dashboard/dist). API: ' +
            '<a href="/docs">/docs</a> · <a href="/health">/health</a></p>',
        ),
    );
    return;
  }
  await app.register(fastifyStatic as never, { root: dir, prefix: '/', wildcard: false, index: ['index.html'] });
  // Client-side routes (/operator, /dispatcher...) get index.html; unknown server paths keep a JSON 404.
  fastify.get('/*', (req, reply) => {
    // A missing hashed asset (a tab open across a redeploy) must be a 404, not index.html served as JavaScript.
    if (!SERVER_PATHS.test(req.url) && !/^\/assets\//.test(req.url)) return reply.sendFile('index.html', dir);
    return reply.status(404).send({
      statusCode: 404,
      error: 'Not Found',
      code: 'NOT_FOUND',
      message: `Route ${req.method} ${req.url.split('?')[0]} not found`,
    });
  });
}
