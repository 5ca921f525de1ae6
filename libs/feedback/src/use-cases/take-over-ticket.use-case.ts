import { Injectable } from '@nestjs/common';
import type { TicketView } from '@hotline/contracts';
import type { AuthUser } from '@hotline/core';
import { assertNotFrozen, openOnWork } from '../ticket-rules';
import { ChangeTicket } from './change-ticket';

/** A supervisor takes a ticket over (whoever had it). */
@Injectable()
export class TakeOverTicket {
  constructor(private readonly change: ChangeTicket) {}

  async execute(id: string, actor: AuthUser): Promise<TicketView> {
    const { view } = await this.change.execute({
      ticketId: id,
      actorId: actor.id,
      apply: async (t, { now }) => {
        assertNotFrozen(t);
        const from = t.assigneeId;
        t.assigneeId = actor.id;
        return { history: [{ action: 'taken_over', from, to: actor.id }, ...openOnWork(t, now)] };
      },
    });
    return view!;
  }
}
