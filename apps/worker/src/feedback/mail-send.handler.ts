import { Injectable } from '@nestjs/common';
import { JobHandler, JobOf, ReconcileContributor } from '@hotline/core';
import { MailOutboxService } from '@hotline/feedback';

/** Delivers one outbox message over SMTP; the outcome (sent, retry with backoff, failed, disabled) is recorded on the row. */
@Injectable()
export class MailSendHandler {
  constructor(private readonly outbox: MailOutboxService) {}

  @JobHandler('mail-send')
  handle(job: JobOf<'mail-send'>): Promise<string> {
    return this.outbox.deliver(job);
  }
}

/** Re-enqueues the outbox's pending messages after a Redis loss (and, once SMTP is configured, the ones kept as disabled). */
@Injectable()
@ReconcileContributor()
export class MailOutboxReconciler {
  constructor(private readonly outbox: MailOutboxService) {}

  reconcile(): Promise<number> {
    return this.outbox.reconcile();
  }
}
