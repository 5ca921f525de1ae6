import { Injectable } from '@nestjs/common';
import { TICKET_MACHINE, type TicketView } from '@hotline/contracts';
import { type AuthUser, ValidationError } from '@hotline/core';
import type { TransitionDto } from '../dto/feedback.dto';
import { assertTicketMove, setStatus } from '../ticket-rules';
import { ChangeTicket } from './change-ticket';

/** POST /tickets/:id/transitions: a move the ticket machine allows (409 otherwise); `forwarded` needs a forward. */
@Injectable()
export class ChangeTicketStatus {
  constructor(private readonly change: ChangeTicket) {}

  async execute(id: string, dto: TransitionDto, actor: AuthUser): Promise<TicketView> {
    if (TICKET_MACHINE.is('throughForward', dto.to))
      throw new ValidationError('to: forward with POST /tickets/:id/forwards (it needs the agency)', { field: 'to' });
    const { view } = await this.change.execute({
      ticketId: id,
      actorId: actor.id,
      apply: async (t, { now }) => {
        const from = t.status;
        assertTicketMove(from, dto.to);
        setStatus(t, dto.to, now);
        const action = dto.to === 'reopened' ? 'reopened' : 'status_changed';
        return { history: [{ action, from, to: dto.to, reason: dto.reason ?? null }] };
      },
    });
    return view!;
  }
}
