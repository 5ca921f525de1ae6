import { Logger, Module } from '@nestjs/common';
import { Processor } from '@nestjs/bullmq';
import { CallsModule } from '@hotline/calls';
import { DispatchingWorker } from '../processors/queue-processors';
import { CallsTimersHandler } from './calls-timers.handler';

@Processor('calls', { concurrency: 20 })
export class CallsProcessor extends DispatchingWorker {
  protected readonly logger = new Logger(CallsProcessor.name);
}

/** The calls context's job handlers and its queue's processor. */
@Module({ imports: [CallsModule], providers: [CallsProcessor, CallsTimersHandler] })
export class CallsWorkerModule {}
