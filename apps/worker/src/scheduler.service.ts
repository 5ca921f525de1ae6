import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, AppConfig, JobQueue, jobId } from '@hotline/core';

/** Repeatable jobs of the worker, declared idempotently at every boot (upsert: several workers agree on one schedule). */
@Injectable()
export class SchedulerService implements OnApplicationBootstrap {
  private readonly logger = new Logger(SchedulerService.name);

  constructor(
    private readonly jobs: JobQueue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const maintenance = this.jobs.queue('maintenance');
    await maintenance.upsertJobScheduler(
      'reconcile',
      // The first scheduled pass comes one period after boot: the startup pass below already runs now.
      {
        every: this.config.queues.reconcileEverySeconds * 1000,
        startDate: Date.now() + this.config.queues.reconcileEverySeconds * 1000,
      },
      { name: 'reconcile', data: { trigger: 'schedule' } },
    );
    await maintenance.upsertJobScheduler(
      'purge-expired-refresh-tokens',
      { pattern: '17 3 * * *', tz: 'Asia/Ho_Chi_Minh' },
      { name: 'purge-expired-refresh-tokens', data: {} },
    );
    // A startup pass heals whatever was lost while no worker ran (a Redis flush, a crash between commit and enqueue).
    await this.jobs.enqueue('reconcile', { trigger: 'startup' }, { jobId: jobId('reconcile-startup', Date.now()) });
    this.logger.log(`Reconciler scheduled every ${this.config.queues.reconcileEverySeconds}s`);
  }
}
