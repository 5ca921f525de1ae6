import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { Emitter } from '@socket.io/redis-emitter';
import type { RoomName, ServerEventName, ServerEventPayload, ServerToClientEvents } from '@hotline/contracts';
import type Redis from 'ioredis';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { closeRedis, createRedis } from '../redis/redis';

/** The adapter (api) and the emitter (anywhere) must agree on this key to meet in Redis. */
export function socketIoKey(config: AppConfig): string {
  return `${config.redis.prefix}socket.io`;
}

/**
 * Emits typed events to rooms through Redis, from any process (worker or api). The api's socket.io server, through
 * its Redis adapter, delivers them to the sockets in those rooms on every api instance.
 */
@Injectable()
export class RealtimeEmitter implements OnModuleDestroy {
  private readonly logger = new Logger(RealtimeEmitter.name);
  private readonly redis: Redis;
  private readonly emitter: Emitter<ServerToClientEvents>;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    // Auto-pipelining: the events of requests finishing in the same tick go to Redis in one write (socket writes were a
    // fifth of the api's CPU per request).
    this.redis = createRedis(config, 'emitter', { enableAutoPipelining: true });
    let last = 0;
    this.redis.on('error', (err) => {
      if (Date.now() - last > 10_000) this.logger.warn(`Redis (emitter): ${err.message}`);
      last = Date.now();
    });
    // The library does not return its PUBLISH's promise: observed here, so that an event queued in the same tick as the
    // client's shutdown (auto-pipelined, sent after the QUIT) is a logged drop, not an unhandled rejection.
    const publish = this.redis.publish.bind(this.redis) as (
      channel: string,
      message: string | Buffer,
    ) => Promise<number>;
    (this.redis as unknown as { publish: typeof publish }).publish = (channel, message) => {
      const sent = publish(channel, message);
      sent.catch((err: Error) => this.logger.debug(`Realtime event dropped: ${err.message}`));
      return sent;
    };
    this.emitter = new Emitter<ServerToClientEvents>(this.redis, { key: socketIoKey(config) });
  }

  to<E extends ServerEventName>(room: RoomName | RoomName[], event: E, payload: ServerEventPayload<E>): void {
    if (this.closed()) return;
    (this.emitter.to(room) as unknown as { emit: (e: string, p: unknown) => void }).emit(event, payload);
  }

  toAll<E extends ServerEventName>(event: E, payload: ServerEventPayload<E>): void {
    if (this.closed()) return;
    (this.emitter as unknown as { emit: (e: string, p: unknown) => void }).emit(event, payload);
  }

  /**
   * After shutdown the emitter's publish would reject unobserved (the library does not return its promise). Events
   * are best-effort by design: a client that reconnects re-fetches over REST.
   */
  private closed(): boolean {
    if (this.redis.status !== 'end' && this.redis.status !== 'close') return false;
    this.logger.debug('Realtime event dropped: the emitter is closed');
    return true;
  }

  /** Closes every socket of a user on every api instance (disabled user, password reset). */
  disconnectUser(userId: string, reason: { code: string; message: string }): void {
    if (this.closed()) return;
    this.to(`user:${userId}`, 'auth:error', reason);
    this.emitter.in(`user:${userId}`).disconnectSockets(true);
  }

  async onModuleDestroy(): Promise<void> {
    await closeRedis(this.redis);
  }
}
