import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { redisOptions } from '../redis/redis';
import { JobQueue } from './job-queue.service';
import { DEFAULT_JOB_OPTIONS, QUEUE_NAMES } from './queue-map';

/** BullMQ, registered with forRootAsync so that the connection is read from the validated config at boot, not at import. */
@Global()
@Module({
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
    BullModule.registerQueue(...QUEUE_NAMES.map((name) => ({ name }))),
  ],
  providers: [JobQueue],
  exports: [BullModule, JobQueue],
})
export class QueuesModule {}
