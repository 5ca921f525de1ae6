import { Injectable } from '@nestjs/common';
import type { LegEvent } from '@hotline/contracts';
import { DispatchKit } from '../dispatch-kit';
import { emitLeg, enqueue, routeJob } from '../leg-effects';

export interface EndOfferInput {
  assignmentId: string;
  outcome: 'timed_out' | 'rejected';
  actorId: string | null;
  reason: string | null;
}

/**
 * Ends a pending offer (timeout, reject) and sends the leg back to routing with the next attempt (its routing job, the
 * `dispatch:leg-updated` event to the old office too). A conditional UPDATE on the offer's state makes a late timeout
 * after an accept (or a double reject) a no-op: null then. The worker's timeout job and the api's reject both run it.
 */
@Injectable()
export class EndOffer {
  constructor(private readonly kit: DispatchKit) {}

  execute(i: EndOfferInput): Promise<LegEvent | null> {
    const { uow, clock, records, transitions } = this.kit;
    return uow.run(async (tx) => {
      const now = clock.now();
      const ended = await records.assignments.end(i.assignmentId, {
        state: i.outcome,
        at: now,
        actorId: i.actorId,
        reason: i.reason,
      });
      if (!ended) return null;
      const a = (await records.assignments.find(i.assignmentId))!;
      const leg = (await records.legs.find(a.legId))!;
      const request = await records.requests.ref(leg.requestId);
      const event = await transitions.apply(tx, leg, {
        to: 'routing',
        actorId: i.actorId,
        at: now,
        reason: i.reason ?? (i.outcome === 'timed_out' ? 'not accepted in time' : null),
        changes: { officeId: null, routingAttempt: leg.routingAttempt + 1, routeAfter: null },
        data: { assignmentId: a.id, outcome: i.outcome, officeId: a.officeId },
        requestCode: request.requestCode,
        assignmentId: a.id,
      });
      enqueue(tx, routeJob({ ...leg, routingAttempt: leg.routingAttempt + 1, routeAfter: null }, request));
      emitLeg(tx, 'dispatch:leg-updated', event, { createdById: request.createdById, previousOfficeId: a.officeId });
      return event;
    });
  }

  /** The timeout job: re-reads MySQL; after an accept (or a reject) it changes nothing. */
  async timeout(assignmentId: string): Promise<'timed_out' | 'stale'> {
    const event = await this.execute({ assignmentId, outcome: 'timed_out', actorId: null, reason: null });
    return event ? 'timed_out' : 'stale';
  }
}
