import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { JobRegistry } from '@hotline/core';

/** One WorkerHost per queue; each dispatches on job.name through the registry's map. */
@Injectable()
export abstract class DispatchingWorker extends WorkerHost {
  protected abstract readonly logger: Logger;

  constructor(private readonly registry: JobRegistry) {
    super();
  }

  process(job: Job): Promise<unknown> {
    return this.registry.dispatch(job);
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job | undefined, err: Error): void {
    this.logger.error(
      { jobId: job?.id, name: job?.name, attemptsMade: job?.attemptsMade, err },
      `Job ${job?.name} failed: ${err.message}`,
    );
  }

  @OnWorkerEvent('error')
  onError(err: Error): void {
    this.logger.warn(`Worker error: ${err.message}`);
  }
}

@Processor('maintenance', { concurrency: 1 })
export class MaintenanceProcessor extends DispatchingWorker {
  protected readonly logger = new Logger(MaintenanceProcessor.name);
}

@Processor('notifications', { concurrency: 20 })
export class NotificationsProcessor extends DispatchingWorker {
  protected readonly logger = new Logger(NotificationsProcessor.name);
}

export const PROCESSORS = [MaintenanceProcessor, NotificationsProcessor];
