import { Injectable } from '@nestjs/common';
import { JobHandler, JobOf } from '@hotline/core';
import { RouteOutcome, RoutingService } from '@hotline/dispatch';

/** The dispatch queue's jobs: thin adapters to RoutingService (which re-reads MySQL, so every job is idempotent). */
@Injectable()
export class DispatchJobsHandler {
  constructor(private readonly routing: RoutingService) {}

  @JobHandler('dispatch-route-leg')
  route(data: JobOf<'dispatch-route-leg'>): Promise<RouteOutcome> {
    return this.routing.route(
      data.legId,
      data.attempt,
      data.requestCode && data.createdById
        ? { requestCode: data.requestCode, createdById: data.createdById }
        : undefined,
    );
  }

  @JobHandler('dispatch-leg-overdue')
  overdue(data: JobOf<'dispatch-leg-overdue'>): Promise<'overdue' | 'stale'> {
    return this.routing.overdue(data.legId, data.dueAt);
  }

  @JobHandler('dispatch-accept-timeout')
  timeout(data: JobOf<'dispatch-accept-timeout'>): Promise<'timed_out' | 'stale'> {
    return this.routing.acceptTimeout(data.assignmentId);
  }
}
