import { Injectable } from '@nestjs/common';
import type { TicketView } from '@hotline/contracts';
import { type AuthUser, ForbiddenError } from '@hotline/core';
import type { AssignDto } from '../dto/feedback.dto';
import { TicketsRepository } from '../repositories/tickets.repository';
import { assertNotFrozen, openOnWork } from '../ticket-rules';
import { Assignees } from './assignees';
import { ChangeTicket } from './change-ticket';
import { ticketOr404 } from './ticket-guards';

/** Operators assign unassigned tickets or hand over their own; reassigning someone else's ticket is for supervisors/admins. */
@Injectable()
export class AssignTicket {
  constructor(
    private readonly change: ChangeTicket,
    private readonly tickets: TicketsRepository,
    private readonly assignees: Assignees,
  ) {}

  async execute(id: string, dto: AssignDto, actor: AuthUser): Promise<TicketView> {
    // An unknown ticket is a 404 before the assignee is judged (a 400 about the assignee of nothing would mislead).
    await ticketOr404(this.tickets, id);
    await this.assignees.check(dto.assigneeId);
    const { view } = await this.change.execute({
      ticketId: id,
      actorId: actor.id,
      apply: async (t, { now }) => {
        assertNotFrozen(t);
        if (actor.role === 'operator' && t.assigneeId && t.assigneeId !== actor.id)
          throw new ForbiddenError('Only a supervisor can reassign a ticket assigned to someone else');
        const from = t.assigneeId;
        t.assigneeId = dto.assigneeId;
        t.queue = 'operators';
        return {
          history: [{ action: from ? 'reassigned' : 'assigned', from, to: dto.assigneeId }, ...openOnWork(t, now)],
        };
      },
    });
    return view!;
  }
}
