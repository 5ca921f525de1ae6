import { Injectable } from '@nestjs/common';
import { type UnremittedRow, vnLocalDate } from '@hotline/contracts';
import { type AuthUser, Clock, ValidationError } from '@hotline/core';
import { PostOfficesService } from '@hotline/geo';
import { scopeOffice } from '../office-scope';
import { LegsRepository } from '../repositories/legs.repository';
import { type UnremittedLine, unremittedCsv } from '../unremitted-csv';
import { LegQueries } from './leg-queries';

/** Fees collected on behalf and not yet remitted: per office, and as the CSV file (a dispatcher sees their own office only). */
@Injectable()
export class UnremittedReport {
  constructor(
    private readonly clock: Clock,
    private readonly legs: LegsRepository,
    private readonly legQueries: LegQueries,
    private readonly offices: PostOfficesService,
  ) {}

  summary(user: AuthUser): Promise<UnremittedRow[]> {
    return this.legs.unremittedByOffice(scopeOffice(user));
  }

  /**
   * The report as CSV lines: a dispatcher's own office; supervisors and admins one office or all. With the file name
   * (office code, or "tat-ca", and the local date).
   */
  async csv(officeFilter: string | undefined, user: AuthUser): Promise<{ fileName: string; csv: string }> {
    const officeId = scopeOffice(user) ?? officeFilter ?? null;
    if (officeId && !(await this.offices.exists(officeId)))
      throw new ValidationError(`officeId: unknown post office ${officeId}`, { field: 'officeId' });
    const legs = await this.legs.unremittedLegs(officeId);
    const requests = await this.legQueries.requestInfo(legs);
    const offices = new Map<string, { code: string; name: string }>();
    for (const id of new Set(legs.map((l) => l.officeId!).concat(officeId ? [officeId] : []))) {
      const o = await this.offices.get(id);
      offices.set(id, { code: o.code, name: o.name });
    }
    const lines: UnremittedLine[] = legs
      .map((l) => {
        const r = requests.get(l.requestId);
        return {
          officeCode: offices.get(l.officeId!)!.code,
          officeName: offices.get(l.officeId!)!.name,
          requestCode: r?.code ?? '',
          dossierCode: r?.summary.dossierCode ?? '',
          agency: r?.summary.agency ?? '',
          kind: l.kind,
          state: l.state,
          receiptNumber: l.pickupChecklist?.feeReceiptNumber ?? null,
          feeExpected: l.feeExpected,
          feeCollected: l.feeCollected ?? 0,
          updatedAt: l.updatedAt,
        };
      })
      .sort((a, b) => a.officeCode.localeCompare(b.officeCode));
    const day = vnLocalDate(this.clock.now());
    const scope = officeId ? offices.get(officeId)!.code.replace(/[^A-Za-z0-9_-]/g, '') : 'tat-ca';
    return { fileName: `thu-ho-chua-nop-${scope}-${day}.csv`, csv: unremittedCsv(lines) };
  }
}
