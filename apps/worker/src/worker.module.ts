import { DynamicModule, Global, Module } from '@nestjs/common';
import { AppConfig, CoreModule, JobRegistry, ReconcilerService } from '@hotline/core';
import { GeoModule } from '@hotline/geo';
import { IdentityModule } from '@hotline/identity';
import { CallsWorkerModule } from './calls/calls-worker.module';
import { DispatchWorkerModule } from './dispatch/dispatch-worker.module';
import { FeedbackWorkerModule } from './feedback/feedback-worker.module';
import { AnnounceHandler } from './handlers/announce.handler';
import { PurgeRefreshTokensHandler } from './handlers/purge-refresh-tokens.handler';
import { PROCESSORS } from './processors/queue-processors';
import { SchedulerService } from './scheduler.service';
import { COMPOSITION } from '../../composition/src';

/** The job registry and the reconciler, visible to every feature module's processor. */
@Global()
@Module({ providers: [JobRegistry, ReconcilerService], exports: [JobRegistry, ReconcilerService] })
export class JobsModule {}

/** The worker: BullMQ processors and job handlers, no HTTP. */
@Module({})
export class WorkerModule {
  static forRoot(config?: AppConfig, options: { schedule?: boolean } = {}): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        CoreModule.forRoot(config, COMPOSITION),
        JobsModule,
        IdentityModule,
        GeoModule,
        CallsWorkerModule,
        DispatchWorkerModule,
        FeedbackWorkerModule,
      ],
      providers: [
        AnnounceHandler,
        PurgeRefreshTokensHandler,
        ...PROCESSORS,
        ...(options.schedule === false ? [] : [SchedulerService]),
      ],
    };
  }
}
