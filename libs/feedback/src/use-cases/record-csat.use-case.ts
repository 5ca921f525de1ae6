import { Injectable } from '@nestjs/common';
import { TICKET_MACHINE, type TicketView } from '@hotline/contracts';
import { type AuthUser, ConflictError } from '@hotline/core';
import type { CsatDto } from '../dto/feedback.dto';
import { ChangeTicket } from './change-ticket';

/** The citizen's satisfaction (1–5), once, after resolution. */
@Injectable()
export class RecordCsat {
  constructor(private readonly change: ChangeTicket) {}

  async execute(id: string, dto: CsatDto, actor: AuthUser): Promise<TicketView> {
    const { view } = await this.change.execute({
      ticketId: id,
      actorId: actor.id,
      apply: async (t, { now }) => {
        if (!TICKET_MACHINE.is('rateable', t.status))
          throw new ConflictError(
            `Satisfaction is recorded after resolution (status is ${t.status})`,
            'ILLEGAL_TRANSITION',
          );
        if (t.csatScore) throw new ConflictError('Satisfaction is already recorded for this ticket');
        t.csatScore = dto.score;
        t.csatComment = dto.comment ?? null;
        t.csatAt = now;
        return { history: [{ action: 'csat', to: String(dto.score), reason: dto.comment ?? null }] };
      },
    });
    return view!;
  }
}
