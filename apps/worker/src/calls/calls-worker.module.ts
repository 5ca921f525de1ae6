import { Module } from '@nestjs/common';
import { Processor } from '@nestjs/bullmq';
import { DispatchingWorker } from '../processors/queue-processors';
import { Logger } from '@nestjs/common';

@Processor('calls', { concurrency: 20 })
export class CallsProcessor extends DispatchingWorker {
  protected readonly logger = new Logger(CallsProcessor.name);
}

/** The calls context's job handlers and its queue's processor. */
@Module({ imports: [], providers: [CallsProcessor] })
export class CallsWorkerModule {}
