import { Injectable } from '@nestjs/common';
import { LEG_MACHINE } from '@hotline/contracts';
import { Clock, UnitOfWork } from '@hotline/core';
import { emitLeg } from '../leg-effects';
import { LegsRepository } from '../repositories/legs.repository';
import { RequestsRepository } from '../repositories/requests.repository';

/** The overdue job: tells the office, the creating operator and supervisors, unless the leg is finished or its due date moved. */
@Injectable()
export class LegOverdue {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly legs: LegsRepository,
    private readonly requests: RequestsRepository,
  ) {}

  async execute(legId: string, dueAt: string): Promise<'overdue' | 'stale'> {
    const leg = await this.legs.find(legId);
    if (
      !leg ||
      LEG_MACHINE.is('finished', leg.state) ||
      leg.dueAt.toISOString() !== dueAt ||
      leg.dueAt.getTime() > this.clock.nowMs()
    )
      return 'stale';
    const request = await this.requests.ref(leg.requestId);
    const payload = {
      legId,
      requestId: leg.requestId,
      requestCode: request.requestCode,
      officeId: leg.officeId,
      assignmentId: null,
      from: leg.state,
      to: leg.state,
      reason: 'past its due date',
      remoteArea: leg.remoteArea,
      deadlineAt: dueAt,
      at: this.clock.now().toISOString(),
    };
    await this.uow.run(async (tx) =>
      emitLeg(tx, 'dispatch:leg-overdue', payload, { createdById: request.createdById }),
    );
    return 'overdue';
  }
}
