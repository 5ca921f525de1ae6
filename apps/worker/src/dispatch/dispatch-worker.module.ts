import { Module } from '@nestjs/common';
import { Processor } from '@nestjs/bullmq';
import { DispatchModule } from '@hotline/dispatch';
import { DispatchingWorker } from '../processors/queue-processors';
import { Logger } from '@nestjs/common';
import { DispatchJobsHandler } from './dispatch-jobs.handler';

@Processor('dispatch', { concurrency: 20 })
export class DispatchProcessor extends DispatchingWorker {
  protected readonly logger = new Logger(DispatchProcessor.name);
}

/** The dispatch context's job handlers (routing, acceptance timeouts) and its queue's processor. DispatchReconciler is the reconciler contributor. */
@Module({ imports: [DispatchModule], providers: [DispatchProcessor, DispatchJobsHandler] })
export class DispatchWorkerModule {}
