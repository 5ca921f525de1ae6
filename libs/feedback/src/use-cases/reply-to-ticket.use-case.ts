import { Injectable } from '@nestjs/common';
import type { TicketView } from '@hotline/contracts';
import { type AuthUser, uuidv7 } from '@hotline/core';
import type { ReplyDto } from '../dto/feedback.dto';
import { TicketDetailsRepository } from '../repositories/ticket-details.repository';
import { assertNotFrozen, openOnWork, type TicketHistoryInput } from '../ticket-rules';
import { ChangeTicket } from './change-ticket';

/** A public reply (the citizen sees it in the lookup): the first one meets the first-response target; a new ticket opens. */
@Injectable()
export class ReplyToTicket {
  constructor(
    private readonly change: ChangeTicket,
    private readonly details: TicketDetailsRepository,
  ) {}

  async execute(id: string, dto: ReplyDto, actor: AuthUser): Promise<TicketView> {
    const { view } = await this.change.execute({
      ticketId: id,
      actorId: actor.id,
      apply: async (t, { now }) => {
        assertNotFrozen(t);
        await this.details.insertMessage({
          id: uuidv7(),
          ticketId: t.id,
          kind: 'public_reply',
          body: dto.body,
          authorId: actor.id,
          createdAt: now,
        });
        const history: TicketHistoryInput[] = [{ action: dto.callBack ? 'call_back' : 'public_reply' }];
        if (!t.firstResponseAt) {
          t.firstResponseAt = now;
          history.push({ action: 'first_response', to: now.toISOString() });
        }
        return { history: [...history, ...openOnWork(t, now)] };
      },
    });
    return view!;
  }
}
