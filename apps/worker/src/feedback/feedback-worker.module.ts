import { Module } from '@nestjs/common';
import { Processor } from '@nestjs/bullmq';
import { DispatchingWorker } from '../processors/queue-processors';
import { Logger } from '@nestjs/common';
import { FeedbackModule } from '@hotline/feedback';
import { SlaTimerHandler, SlaTimersReconciler } from './sla-timer.handler';

@Processor('sla', { concurrency: 50 })
export class SlaProcessor extends DispatchingWorker {
  protected readonly logger = new Logger(SlaProcessor.name);
}

/** The feedback/SLA context's job handlers (SLA timers), its reconciler contributor and its queue's processor. */
@Module({ imports: [FeedbackModule], providers: [SlaProcessor, SlaTimerHandler, SlaTimersReconciler] })
export class FeedbackWorkerModule {}
