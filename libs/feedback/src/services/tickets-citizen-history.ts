import { Injectable } from '@nestjs/common';
import {
  CitizenHistoryProvider,
  type CitizenHistorySource,
  type CitizenHistoryStatement,
  type SqlFragment,
} from '@hotline/calls';
import { TICKET_MACHINE, type CitizenHistorySection } from '@hotline/contracts';
import { type RecentTicket, TicketsRepository } from '../repositories/tickets.repository';

/** The most recent tickets the section counts. */
const RECENT = 200;

/** The screen-pop's "tickets" section: the citizen's feedback tickets, open until settled. Index-only (ix_tickets_citizen). */
@Injectable()
@CitizenHistoryProvider()
export class TicketsCitizenHistory implements CitizenHistorySource {
  constructor(private readonly tickets: TicketsRepository) {}

  async citizenHistory(citizenId: string | null): Promise<CitizenHistorySection | null> {
    if (!citizenId) return null;
    return sectionOf(await this.tickets.ofCitizen(citizenId, RECENT));
  }

  /** The same, sent with the screen-pop's own reads (an unknown number's NULL id matches no ticket: zeros). */
  citizenHistoryStatement(citizenId: SqlFragment): CitizenHistoryStatement {
    const { sql, params, rows } = this.tickets.ofCitizenStatement(citizenId, RECENT);
    return { sql, params, section: (raw) => sectionOf(rows(raw)) };
  }
}

function sectionOf(rows: RecentTicket[]): CitizenHistorySection {
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
