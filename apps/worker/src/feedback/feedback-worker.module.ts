import { Module } from '@nestjs/common';
import { Processor } from '@nestjs/bullmq';
import { DispatchingWorker } from '../processors/queue-processors';
import { Logger } from '@nestjs/common';

@Processor('sla', { concurrency: 50 })
export class SlaProcessor extends DispatchingWorker {
  protected readonly logger = new Logger(SlaProcessor.name);
}

/** The feedback/SLA context's job handlers (SLA timers) and its queue's processor. */
@Module({ imports: [], providers: [SlaProcessor] })
export class FeedbackWorkerModule {}
