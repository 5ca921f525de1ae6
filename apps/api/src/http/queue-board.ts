import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter as BoardAdapter } from '@bull-board/fastify';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  ACCESS_TOKEN_VERIFIER,
  AccessTokenVerifier,
  AllExceptionsFilter,
  ForbiddenError,
  JobQueue,
  UnauthenticatedError,
  bearerToken,
} from '@hotline/core';

export const BOARD_PATH = '/admin/queues';
const COOKIE = 'hotline_board';

function cookieToken(header: string | undefined): string | null {
  for (const part of (header ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === COOKIE) return decodeURIComponent(v.join('='));
  }
  return null;
}

/**
 * Bull Board for admins. A browser cannot send a bearer header on navigation, so `?token=<access token>` is accepted
 * once and exchanged for an httpOnly cookie scoped to the board.
 */
export async function registerQueueBoard(app: NestFastifyApplication): Promise<void> {
  const serverAdapter = new BoardAdapter();
  serverAdapter.setBasePath(BOARD_PATH);
  const jobs = app.get(JobQueue);
  createBullBoard({
    queues: jobs.queueNames().map((name) => new BullMQAdapter(jobs.queue(name))),
    serverAdapter,
    options: { uiConfig: { boardTitle: 'Hotline 0269 queues' } },
  });
  const verifier = app.get<AccessTokenVerifier>(ACCESS_TOKEN_VERIFIER);
  const filter = new AllExceptionsFilter();

  await app.register(
    async (scope: FastifyInstance) => {
      scope.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
        const query = req.query as { token?: string };
        const token = bearerToken(req.headers.authorization) ?? query.token ?? cookieToken(req.headers.cookie);
        try {
          if (!token) throw new UnauthenticatedError('Log in as an admin: open the board with ?token=<access token>');
          const user = await verifier.verifyAccessToken(token);
          if (user.role !== 'admin') throw new ForbiddenError('The queue board is for admins');
        } catch (err) {
          const body = filter.toBody(err);
          return reply.status(body.statusCode).send(body);
        }
        if (query.token) {
          const secure = req.protocol === 'https' ? '; Secure' : '';
          void reply.header(
            'set-cookie',
            `${COOKIE}=${encodeURIComponent(query.token)}; Path=${BOARD_PATH}; HttpOnly; SameSite=Strict${secure}`,
          );
          return reply.redirect(BOARD_PATH, 302);
        }
      });
      await scope.register(serverAdapter.registerPlugin() as never);
    },
    { prefix: BOARD_PATH },
  );
}
