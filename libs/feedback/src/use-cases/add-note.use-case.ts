import { Injectable } from '@nestjs/common';
import type { TicketView } from '@hotline/contracts';
import { type AuthUser, uuidv7 } from '@hotline/core';
import type { MessageDto } from '../dto/feedback.dto';
import { TicketDetailsRepository } from '../repositories/ticket-details.repository';
import { ChangeTicket } from './change-ticket';

/** An internal note (staff only): no clock moves, but it is part of the ticket's history and screens. */
@Injectable()
export class AddTicketNote {
  constructor(
    private readonly change: ChangeTicket,
    private readonly details: TicketDetailsRepository,
  ) {}

  async execute(id: string, dto: MessageDto, actor: AuthUser): Promise<TicketView> {
    const { view } = await this.change.execute({
      ticketId: id,
      actorId: actor.id,
      apply: async (t, { now }) => {
        await this.details.insertMessage({
          id: uuidv7(),
          ticketId: t.id,
          kind: 'internal_note',
          body: dto.body,
          authorId: actor.id,
          createdAt: now,
        });
        return { history: [{ action: 'internal_note' }] };
      },
    });
    return view!;
  }
}
