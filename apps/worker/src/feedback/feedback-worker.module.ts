import { Module } from '@nestjs/common';
import { Processor } from '@nestjs/bullmq';
import { DispatchingWorker } from '../processors/queue-processors';
import { Logger } from '@nestjs/common';
import { FeedbackModule } from '@hotline/feedback';
import { MailOutboxReconciler, MailSendHandler } from './mail-send.handler';
import { SlaPolicyRecomputeHandler, SlaTimerHandler, SlaTimersReconciler } from './sla-timer.handler';

@Processor('sla', { concurrency: 50 })
export class SlaProcessor extends DispatchingWorker {
  protected readonly logger = new Logger(SlaProcessor.name);
}

/** A few SMTP deliveries at a time: the transport pools 3 connections. */
@Processor('mail', { concurrency: 3 })
export class MailProcessor extends DispatchingWorker {
  protected readonly logger = new Logger(MailProcessor.name);
}

/** The feedback/SLA context's job handlers (SLA timers, policy recompute, mail), its reconciler contributors and its queues' processors. */
@Module({
  imports: [FeedbackModule],
  providers: [
    SlaProcessor,
    MailProcessor,
    SlaTimerHandler,
    SlaPolicyRecomputeHandler,
    SlaTimersReconciler,
    MailSendHandler,
    MailOutboxReconciler,
  ],
})
export class FeedbackWorkerModule {}
