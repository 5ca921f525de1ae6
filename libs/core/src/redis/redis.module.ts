import { Global, Inject, Injectable, Module, OnModuleDestroy } from '@nestjs/common';
import type Redis from 'ioredis';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { closeRedis, createRedis } from './redis';

export const REDIS = Symbol('REDIS');

/** Closes the shared client on shutdown so that processes (and jest) exit. */
@Injectable()
class RedisCloser implements OnModuleDestroy {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}
  async onModuleDestroy(): Promise<void> {
    await closeRedis(this.redis);
  }
}

@Global()
@Module({
  providers: [
    {
      provide: REDIS,
      inject: [APP_CONFIG],
      // Commands fail fast while disconnected (no offline queue): health must say "down", not hang.
      useFactory: (config: AppConfig) => {
        const client = createRedis(config, 'shared', { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
        client.on('error', () => undefined); // reconnects by itself; /health reports the state
        return client;
      },
    },
    RedisCloser,
  ],
  exports: [REDIS],
})
export class RedisModule {}
