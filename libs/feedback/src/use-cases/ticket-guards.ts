import { NotFoundError, ValidationError } from '@hotline/core';
import type { Ticket } from '../entities/ticket.entity';
import type { TicketsRepository } from '../repositories/tickets.repository';
import { UUID } from '../ticket-rules';

/** The ticket, a 400 naming `id` when it is not a UUID, a 404 when there is none. */
export async function ticketOr404(tickets: Pick<TicketsRepository, 'find'>, id: string): Promise<Ticket> {
  if (!UUID.test(id)) throw new ValidationError('id must be a UUID', { field: 'id', constraint: 'isUuid' });
  const t = await tickets.find(id);
  if (!t) throw new NotFoundError('Ticket', id);
  return t;
}
