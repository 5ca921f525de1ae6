import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { redisOptions } from '../redis/redis';
import { JOB_CATALOG, JobQueue } from './job-queue.service';
import { DEFAULT_JOB_OPTIONS, JobCatalog, queueNames } from './queue-map';

/**
 * BullMQ, registered with forRootAsync so that the connection is read from the validated config at boot, not at import; one
 * queue per distinct queue of the composed job catalog.
 */
@Global()
@Module({})
export class QueuesModule {
  static forRoot(catalog: JobCatalog): DynamicModule {
    return {
      module: QueuesModule,
      imports: [
        BullModule.forRootAsync({
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) => ({
            // BullMQ workers need maxRetriesPerRequest: null (blocking commands); queues share the same options.
            connection: redisOptions(config, { maxRetriesPerRequest: null }),
            prefix: `${config.redis.prefix}bull`,
            defaultJobOptions: DEFAULT_JOB_OPTIONS,
          }),
        }),
        BullModule.registerQueue(...queueNames(catalog).map((name) => ({ name }))),
      ],
      providers: [{ provide: JOB_CATALOG, useValue: catalog }, JobQueue],
      exports: [BullModule, JobQueue, JOB_CATALOG],
    };
  }
}
