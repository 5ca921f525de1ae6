import { Injectable } from '@nestjs/common';
import { LEG_MACHINE } from '@hotline/contracts';
import { DispatchKit } from '../dispatch-kit';
import { emitLeg } from '../leg-effects';

/** The overdue job: tells the office, the creating operator and supervisors, unless the leg is finished or its due date moved. */
@Injectable()
export class LegOverdue {
  constructor(private readonly kit: DispatchKit) {}

  async execute(legId: string, dueAt: string): Promise<'overdue' | 'stale'> {
    const { uow, clock, records } = this.kit;
    const leg = await records.legs.find(legId);
    if (
      !leg ||
      LEG_MACHINE.is('finished', leg.state) ||
      leg.dueAt.toISOString() !== dueAt ||
      leg.dueAt.getTime() > clock.nowMs()
    )
      return 'stale';
    const request = await records.requests.ref(leg.requestId);
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
      at: clock.now().toISOString(),
    };
    await uow.run(async (tx) => emitLeg(tx, 'dispatch:leg-overdue', payload, { createdById: request.createdById }));
    return 'overdue';
  }
}
