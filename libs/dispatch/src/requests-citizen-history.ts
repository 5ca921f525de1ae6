import { Injectable } from '@nestjs/common';
import { CitizenHistoryProvider, CitizenHistorySource } from '@hotline/calls';
import type { CitizenHistorySection } from '@hotline/contracts';
import { RequestsRepository } from './repositories/requests.repository';

/** The screen-pop's "requests" section: the citizen's BCCI requests, open while a leg is not finished. */
@Injectable()
@CitizenHistoryProvider()
export class RequestsCitizenHistory implements CitizenHistorySource {
  constructor(private readonly requests: RequestsRepository) {}

  async citizenHistory(citizenId: string | null): Promise<CitizenHistorySection | null> {
    if (!citizenId) return null;
    const rows = await this.requests.ofCitizen(citizenId, 200);
    const open = rows.filter((r) => r.openLegs > 0);
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
            title: latest.procedureName,
            createdAt: latest.createdAt.toISOString(),
          }
        : null,
    };
  }
}
