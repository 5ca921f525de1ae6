import { DynamicModule, Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import type { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { HotlineLoggingModule } from './logging/logging.module';
import { QueuesModule } from './queues/queues.module';
import { RedisModule } from './redis/redis.module';
import { Clock } from './clock/clock';
import { RealtimeEmitter } from './realtime/realtime-emitter';

/** What every process needs: config, logs, MySQL, Redis, queues, clock and the realtime emitter. */
@Global()
@Module({})
export class CoreModule {
  static forRoot(config?: AppConfig): DynamicModule {
    return {
      module: CoreModule,
      imports: [ConfigModule.forRoot(config), HotlineLoggingModule, DatabaseModule, RedisModule, QueuesModule, DiscoveryModule],
      providers: [Clock, RealtimeEmitter],
      exports: [ConfigModule, RedisModule, QueuesModule, Clock, RealtimeEmitter, DiscoveryModule],
    };
  }
}
