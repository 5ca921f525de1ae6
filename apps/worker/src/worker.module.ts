import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig, CoreModule, JobRegistry, ReconcilerService } from '@hotline/core';
import { GeoModule } from '@hotline/geo';
import { IdentityModule } from '@hotline/identity';
import { AnnounceHandler } from './handlers/announce.handler';
import { PurgeRefreshTokensHandler } from './handlers/purge-refresh-tokens.handler';
import { PROCESSORS } from './processors/queue-processors';
import { SchedulerService } from './scheduler.service';

/** The worker: BullMQ processors and job handlers, no HTTP. */
@Module({})
export class WorkerModule {
  static forRoot(config?: AppConfig, options: { schedule?: boolean } = {}): DynamicModule {
    return {
      module: WorkerModule,
      imports: [CoreModule.forRoot(config), IdentityModule, GeoModule],
      providers: [
        JobRegistry,
        ReconcilerService,
        AnnounceHandler,
        PurgeRefreshTokensHandler,
        ...PROCESSORS,
        ...(options.schedule === false ? [] : [SchedulerService]),
      ],
    };
  }
}
