import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import type Redis from 'ioredis';
import type { Server, ServerOptions } from 'socket.io';
import { AppConfig, closeRedis, createRedis, socketIoKey } from '@hotline/core';

/** socket.io on the api's own HTTP server, fanned out through Redis so that the worker's emitter and other api instances reach every socket. */
export class RedisIoAdapter extends IoAdapter {
  private readonly clients: Redis[] = [];

  constructor(
    app: INestApplicationContext,
    private readonly config: AppConfig,
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server: Server = super.createIOServer(port, {
      ...options,
      path: '/socket.io',
      cors: { origin: this.config.http.corsOrigins.length ? this.config.http.corsOrigins : false, credentials: true },
      pingInterval: 20000,
      pingTimeout: 20000,
    });
    const pub = createRedis(this.config, 'socket-pub');
    const sub = pub.duplicate({ connectionName: 'hotline:socket-sub' });
    for (const c of [pub, sub]) c.on('error', () => undefined); // reconnects by itself; health reports Redis state
    this.clients.push(pub, sub);
    server.adapter(createAdapter(pub, sub, { key: socketIoKey(this.config) }));
    return server;
  }

  override async close(server: Server): Promise<void> {
    server.disconnectSockets(true);
    await super.close(server);
    await Promise.all(this.clients.splice(0).map(closeRedis));
  }
}
