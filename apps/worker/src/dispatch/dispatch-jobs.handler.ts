import { Injectable } from '@nestjs/common';
import { JobHandler, JobOf } from '@hotline/core';
import { EndOffer, LegOverdue, RouteLeg, RouteOutcome } from '@hotline/dispatch';

/** The dispatch queue's jobs: thin adapters to the context's use cases (they re-read MySQL, so every job is idempotent). */
@Injectable()
export class DispatchJobsHandler {
  constructor(
    private readonly routeLeg: RouteLeg,
    private readonly endOffer: EndOffer,
    private readonly legOverdue: LegOverdue,
  ) {}

  @JobHandler('dispatch-route-leg')
  route(data: JobOf<'dispatch-route-leg'>): Promise<RouteOutcome> {
    return this.routeLeg.execute(data);
  }

  @JobHandler('dispatch-leg-overdue')
  overdue(data: JobOf<'dispatch-leg-overdue'>): Promise<'overdue' | 'stale'> {
    return this.legOverdue.execute(data.legId, data.dueAt);
  }

  @JobHandler('dispatch-accept-timeout')
  timeout(data: JobOf<'dispatch-accept-timeout'>): Promise<'timed_out' | 'stale'> {
    return this.endOffer.timeout(data.assignmentId);
  }
}
