import { Injectable } from '@nestjs/common';
import { JobHandler, JobOf, ReconcileContributor } from '@hotline/core';
import { RecomputePolicyTickets, type RecomputeOutcome, SlaTimersService } from '@hotline/feedback';

/** Runs SLA timers; the timer itself re-checks MySQL (version, clock) before acting. */
@Injectable()
export class SlaTimerHandler {
  constructor(private readonly timers: SlaTimersService) {}

  @JobHandler('sla-timer')
  handle(job: JobOf<'sla-timer'>): Promise<string> {
    return this.timers.fire(job);
  }
}

/** Re-arms every pending SLA timer from MySQL; already-due ones run at once (the startup sweep of what was missed). */
@Injectable()
@ReconcileContributor()
export class SlaTimersReconciler {
  constructor(private readonly timers: SlaTimersService) {}

  reconcile(trigger?: 'schedule' | 'startup' | 'manual'): Promise<number> {
    return this.timers.reconcile(trigger);
  }
}

/** An SLA policy was edited: the open tickets it governs get the new targets (paged, one transaction per ticket). */
@Injectable()
export class SlaPolicyRecomputeHandler {
  constructor(private readonly recompute: RecomputePolicyTickets) {}

  @JobHandler('sla-policy-recompute')
  handle(job: JobOf<'sla-policy-recompute'>): Promise<RecomputeOutcome> {
    return this.recompute.execute(job);
  }
}
