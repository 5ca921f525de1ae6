import { Module } from '@nestjs/common';
import { Processor } from '@nestjs/bullmq';
import { DispatchingWorker } from '../processors/queue-processors';
import { Logger } from '@nestjs/common';

@Processor('dispatch', { concurrency: 20 })
export class DispatchProcessor extends DispatchingWorker {
  protected readonly logger = new Logger(DispatchProcessor.name);
}

/** The dispatch context's job handlers (routing, acceptance timeouts) and its queue's processor. */
@Module({ imports: [], providers: [DispatchProcessor] })
export class DispatchWorkerModule {}
