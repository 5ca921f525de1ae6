import { Injectable } from '@nestjs/common';
import type { CitizenView, TicketView } from '@hotline/contracts';
import { CitizensService } from '@hotline/calls';
import type { Ticket } from '../entities/ticket.entity';
import { TicketDetailsRepository } from '../repositories/ticket-details.repository';
import { toTicketView } from './ticket-view';

/** The ticket as every screen sees it (REST answers and `ticket:changed`): the citizen and the overdue-dossier block. */
@Injectable()
export class TicketViews {
  constructor(
    private readonly details: TicketDetailsRepository,
    private readonly citizens: CitizensService,
  ) {}

  /** The view of one ticket; `known` is its citizen when the caller has just read it (the intake), saving the read. */
  async one(t: Ticket, known?: CitizenView): Promise<TicketView> {
    const [overdue, [citizen]] = await Promise.all([
      t.kind === 'overdue_dossier' ? this.details.overdue(t.id) : Promise.resolve(null),
      known?.id === t.citizenId ? [known] : this.citizens.getMany([t.citizenId]),
    ]);
    return toTicketView(t, overdue, citizen ?? null);
  }

  /** One query per kind of data for a whole list. */
  async many(rows: Ticket[]): Promise<TicketView[]> {
    if (!rows.length) return [];
    const overdueIds = rows.filter((r) => r.kind === 'overdue_dossier').map((r) => r.id);
    const [overdue, citizens] = await Promise.all([
      this.details.overdueOf(overdueIds),
      this.citizens.getMany(rows.map((r) => r.citizenId)),
    ]);
    const od = new Map(overdue.map((o) => [o.ticketId, o]));
    const cz = new Map(citizens.map((c) => [c.id, c]));
    return rows.map((r) => toTicketView(r, od.get(r.id) ?? null, cz.get(r.citizenId) ?? null));
  }
}
