import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CitizenHistoryProvider, CitizenHistorySource } from '@hotline/calls';
import type { CitizenHistorySection } from '@hotline/contracts';
import { dbManager } from '@hotline/core';

const DONE = ['resolved', 'closed'];

/** The screen-pop's "tickets" section: the citizen's feedback tickets, open until resolved. Index-only (ix_tickets_citizen). */
@Injectable()
@CitizenHistoryProvider()
export class TicketsCitizenHistory implements CitizenHistorySource {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async citizenHistory(citizenId: string | null): Promise<CitizenHistorySection | null> {
    if (!citizenId) return null;
    const rows: Array<{ id: string; code: string; subject: string; status: string; received_at: Date }> =
      await dbManager(this.db).query(
        'SELECT id, code, subject, status, received_at FROM tickets WHERE citizen_id = ? ORDER BY received_at DESC, id DESC LIMIT 200',
        [citizenId],
      );
    const open = rows.filter((r) => !DONE.includes(r.status));
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
            createdAt: new Date(latest.received_at).toISOString(),
          }
        : null,
    };
  }
}
