import { Inject, Injectable } from '@nestjs/common';
import type { LegEvent } from '@hotline/contracts';
import { type Tx, uuidv7 } from '@hotline/core';
import type { BcciAssignment } from '../bcci-assignment.entity';
import type { BcciLeg } from '../bcci-leg.entity';
import { DispatchCalendar } from '../dispatch-calendar';
import { DISPATCH_CONFIG, type DispatchConfig } from '../dispatch-config';
import { emitLeg, enqueue, type RequestRef, timeoutJob } from '../leg-effects';
import { LegTransitions } from '../leg-transitions';
import { AssignmentsRepository } from '../repositories/assignments.repository';

export interface OfferInput {
  leg: BcciLeg;
  request: RequestRef;
  officeId: string;
  distanceKm: number | null;
  /** Accept before this instant; null for a supervisor's manual assignment (no timeout). */
  deadline: Date | null;
  manual: boolean;
  actorId: string | null;
  now: Date;
}

/**
 * An offer of a leg to one office, inside the caller's unit of work (routing's decision, a supervisor's manual
 * assignment): the pending assignment, the leg moved to `assigned` (conditional on its state, version and attempt), the
 * `dispatch:leg-assigned` event and, with a deadline, the acceptance-timeout job.
 */
@Injectable()
export class OfferLeg {
  constructor(
    private readonly assignments: AssignmentsRepository,
    private readonly transitions: LegTransitions,
    private readonly calendar: DispatchCalendar,
    @Inject(DISPATCH_CONFIG) private readonly config: DispatchConfig,
  ) {}

  /** The acceptance deadline of an offer made at `at`: N working minutes, or the wall-clock override for tests. */
  deadlineFrom(at: Date): Date {
    if (this.config.acceptTimeoutSeconds !== null)
      return new Date(at.getTime() + this.config.acceptTimeoutSeconds * 1000);
    return this.calendar.addBusinessTime(at, this.config.acceptTimeoutMinutes);
  }

  async offer(tx: Tx, i: OfferInput): Promise<{ event: LegEvent; assignment: BcciAssignment }> {
    // A manual assignment starts a new attempt, so that stale routing jobs of the previous one stay no-ops.
    const attempt = i.manual ? i.leg.routingAttempt + 1 : i.leg.routingAttempt;
    const assignment: BcciAssignment = {
      id: uuidv7(),
      legId: i.leg.id,
      officeId: i.officeId,
      attempt,
      state: 'pending',
      distanceKm: i.distanceKm,
      deadlineAt: i.deadline,
      manual: i.manual,
      respondedById: null,
      respondedAt: null,
      reason: null,
      createdAt: i.now,
    };
    const moved = await this.transitions.apply(tx, i.leg, {
      to: 'assigned',
      actorId: i.actorId,
      at: i.now,
      reason: i.manual ? 'assigned by a supervisor' : null,
      changes: { officeId: i.officeId, routeAfter: null, routingAttempt: attempt },
      routingAttempt: i.manual ? undefined : i.leg.routingAttempt,
      data: { officeId: i.officeId, distanceKm: i.distanceKm, manual: i.manual },
      requestCode: i.request.requestCode,
      assignmentId: assignment.id,
    });
    await this.assignments.insert(assignment);
    const event = { ...moved, deadlineAt: i.deadline?.toISOString() ?? null };
    // The timer is armed before the office hears of the offer (the relay carries the effects out in this order).
    if (i.deadline) enqueue(tx, timeoutJob({ id: assignment.id, deadlineAt: i.deadline }));
    emitLeg(tx, 'dispatch:leg-assigned', event, { createdById: i.request.createdById });
    return { event, assignment };
  }
}
