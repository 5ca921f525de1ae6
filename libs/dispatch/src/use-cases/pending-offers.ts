import { Injectable } from '@nestjs/common';
import { type AuthUser, ConflictError, NotFoundError } from '@hotline/core';
import type { BcciAssignment } from '../bcci-assignment.entity';
import type { BcciLeg } from '../bcci-leg.entity';
import { scopeOffice } from '../office-scope';
import { LegRecords } from '../leg-records';

/** The pending offer a dispatcher answers: their office's (supervisors: any office's); another office's leg is a 404. */
@Injectable()
export class PendingOffers {
  constructor(private readonly records: LegRecords) {}

  async of(legId: string, user: AuthUser): Promise<{ leg: BcciLeg; assignment: BcciAssignment }> {
    const own = scopeOffice(user);
    const leg = await this.records.legs.find(legId, own);
    if (!leg) throw new NotFoundError('Leg', legId);
    const assignment = await this.records.assignments.pending(legId, own);
    if (!assignment)
      throw new ConflictError(
        `leg ${legId} has no pending offer${own ? ' for your office' : ''} (state ${leg.state})`,
        'ILLEGAL_TRANSITION',
      );
    return { leg, assignment };
  }
}
