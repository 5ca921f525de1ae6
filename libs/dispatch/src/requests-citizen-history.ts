import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CitizenHistoryProvider, CitizenHistorySource } from '@hotline/calls';
import type { CitizenHistorySection } from '@hotline/contracts';
import { dbManager } from '@hotline/core';

const DONE = ['delivered', 'returned_to_agency', 'cancelled'];

/** The screen-pop's "requests" section: the citizen's BCCI requests, open when a leg is still under way. Index-only (ix_bcci_requests_citizen, ix_bcci_legs_request). */
@Injectable()
@CitizenHistoryProvider()
export class RequestsCitizenHistory implements CitizenHistorySource {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async citizenHistory(citizenId: string | null): Promise<CitizenHistorySection | null> {
    if (!citizenId) return null;
    const rows: Array<{
      id: string;
      code: string;
      procedure_name: string;
      created_at: Date;
      open_legs: number | string;
      state: string | null;
    }> = await dbManager(this.db).query(
      `SELECT r.id, r.code, r.procedure_name, r.created_at,
              (SELECT COUNT(*) FROM bcci_legs l WHERE l.request_id = r.id AND l.state NOT IN (?)) AS open_legs,
              (SELECT l.state FROM bcci_legs l WHERE l.request_id = r.id ORDER BY l.updated_at DESC LIMIT 1) AS state
         FROM bcci_requests r WHERE r.citizen_id = ? ORDER BY r.created_at DESC, r.id DESC LIMIT 200`,
      [DONE, citizenId],
    );
    const open = rows.filter((r) => Number(r.open_legs) > 0);
    const latest = open[0] ?? rows[0];
    return {
      kind: 'requests',
      open: open.length,
      total: rows.length,
      latest: latest
        ? {
            id: latest.id,
            code: latest.code,
            status: latest.state ?? 'routing',
            title: latest.procedure_name,
            createdAt: new Date(latest.created_at).toISOString(),
          }
        : null,
    };
  }
}
