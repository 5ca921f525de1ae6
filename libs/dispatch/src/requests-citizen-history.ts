import { Injectable } from '@nestjs/common';
import {
  CitizenHistoryProvider,
  type CitizenHistorySource,
  type CitizenHistoryStatement,
  type SqlFragment,
} from '@hotline/calls';
import type { CitizenHistorySection } from '@hotline/contracts';
import { type CitizenRequestRow, RequestsRepository } from './repositories/requests.repository';

/** The most recent requests the section counts. */
const RECENT = 200;

/** The screen-pop's "requests" section: the citizen's BCCI requests, open while a leg is not finished. */
@Injectable()
@CitizenHistoryProvider()
export class RequestsCitizenHistory implements CitizenHistorySource {
  constructor(private readonly requests: RequestsRepository) {}

  async citizenHistory(citizenId: string | null): Promise<CitizenHistorySection | null> {
    if (!citizenId) return null;
    return sectionOf(await this.requests.ofCitizen(citizenId, RECENT));
  }

  /** The same, sent with the screen-pop's own reads (an unknown number's NULL id matches no request: zeros). */
  citizenHistoryStatement(citizenId: SqlFragment): CitizenHistoryStatement {
    const { sql, params, rows } = this.requests.ofCitizenStatement(citizenId, RECENT);
    return { sql, params, section: (raw) => sectionOf(rows(raw)) };
  }
}

function sectionOf(rows: CitizenRequestRow[]): CitizenHistorySection {
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
