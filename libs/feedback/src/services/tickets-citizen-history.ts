import { Injectable } from '@nestjs/common';
import { CitizenHistoryProvider, CitizenHistorySource } from '@hotline/calls';
import { TICKET_MACHINE, type CitizenHistorySection } from '@hotline/contracts';
import { TicketsRepository } from '../repositories/tickets.repository';

/** The most recent tickets the section counts. */
const RECENT = 200;

/** The screen-pop's "tickets" section: the citizen's feedback tickets, open until settled. Index-only (ix_tickets_citizen). */
@Injectable()
@CitizenHistoryProvider()
export class TicketsCitizenHistory implements CitizenHistorySource {
  constructor(private readonly tickets: TicketsRepository) {}

  async citizenHistory(citizenId: string | null): Promise<CitizenHistorySection | null> {
    if (!citizenId) return null;
    const rows = await this.tickets.ofCitizen(citizenId, RECENT);
    const open = rows.filter((r) => TICKET_MACHINE.is('open', r.status));
    const latest = open[0] ?? rows[0];
    return {
      kind: 'tickets',
      open: open.length,
      total: rows.length,
      latest: latest
        ? {
            id: latest.id,
            code: latest.code,
            status: latest.status,
            title: latest.subject,
            createdAt: latest.receivedAt.toISOString(),
          }
        : null,
    };
  }
}
