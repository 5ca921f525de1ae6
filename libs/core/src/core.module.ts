import { DynamicModule, Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import type { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { COMPOSITION, Composition } from './composition';
import { DatabaseModule } from './database/database.module';
import { QueuesModule } from './queues/queues.module';
import { RedisModule } from './redis/redis.module';
import { Clock } from './clock/clock';
import { RealtimeEmitter } from './realtime/realtime-emitter';
import { OutboxRelay } from './outbox/outbox-relay';
import { UnitOfWork } from './outbox/unit-of-work';
import { InvalidationBus } from './cache/invalidation-bus';

/**
 * What every process needs: config, logs, MySQL, Redis, queues, clock and the realtime emitter. The app passes what it composed
 * from the contexts (entities, migrations, jobs): core itself knows no context.
 */
@Global()
@Module({})
export class CoreModule {
  static forRoot(config: AppConfig, composition: Composition): DynamicModule {
    return {
      module: CoreModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule.forRoot(composition),
        RedisModule,
        QueuesModule.forRoot(composition.jobs),
        DiscoveryModule,
      ],
      providers: [
        Clock,
        RealtimeEmitter,
        InvalidationBus,
        OutboxRelay,
        UnitOfWork,
        { provide: COMPOSITION, useValue: composition },
      ],
      exports: [
        ConfigModule,
        RedisModule,
        QueuesModule,
        Clock,
        RealtimeEmitter,
        InvalidationBus,
        OutboxRelay,
        UnitOfWork,
        DiscoveryModule,
        COMPOSITION,
      ],
    };
  }
}
