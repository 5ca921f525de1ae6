import { Injectable } from '@nestjs/common';
import { type BcciRequestView, type Page, phonesMatch, type PublicRequestView } from '@hotline/contracts';
import { type AuthUser, Clock, decodeCursor, NotFoundError, toPage, ValidationError } from '@hotline/core';
import { requirePhone } from '@hotline/calls';
import type { BcciRequest } from '../bcci-request.entity';
import type { ListBcciRequestsQuery } from '../dispatch.dto';
import { LegRecords } from '../leg-records';
import { requestView } from '../views';
import { LegQueries } from './leg-queries';

const CODE_RE = /^BC-\d{6}-\d{6}$/;

/** BCCI requests as operators, supervisors and admins read them (with legs and offers), and the citizen's public lookup. */
@Injectable()
export class RequestQueries {
  constructor(
    private readonly clock: Clock,
    private readonly records: LegRecords,
    private readonly legQueries: LegQueries,
  ) {}

  async get(id: string): Promise<BcciRequestView> {
    const request = await this.records.requests.find(id);
    if (!request) throw new NotFoundError('BCCI request', id);
    return (await this.views([request]))[0];
  }

  /**
   * Requests newest first (keyset over created_at desc, id desc). Operators see their own unless `mine=false`; supervisors
   * and admins see all unless `mine=true`. Each request comes with its legs (state, office) and their offers.
   */
  async list(q: ListBcciRequestsQuery, user: AuthUser): Promise<Page<BcciRequestView>> {
    const limit = q.limit ?? 50;
    const mine = q.mine ?? user.role === 'operator';
    const from = q.from ? new Date(q.from) : null;
    const to = q.to ? new Date(q.to) : null;
    if (from && to && from.getTime() >= to.getTime())
      throw new ValidationError('to: the date range must end after it starts', { field: 'to' });
    const rows = await this.records.requests.list({
      createdById: mine ? user.id : undefined,
      option: q.option,
      citizenId: q.citizenId,
      phone: q.phone ? requirePhone(q.phone, 'phone') : undefined,
      q: q.q,
      state: q.state,
      from,
      to,
      after: q.cursor ? decodeCursor(q.cursor) : null,
      take: limit + 1,
    });
    const views = new Map((await this.views(rows.slice(0, limit))).map((v) => [v.id, v]));
    return toPage(
      rows,
      limit,
      (r) => ({ at: r.createdAt, id: r.id }),
      (r) => views.get(r.id)!,
    );
  }

  /** The citizen's lookup: code + the phone given at creation (any format); status and dates only. Unknown or mismatched → 404. */
  async publicLookup(code: string, phone: string): Promise<PublicRequestView> {
    const normalized = code.trim().toUpperCase();
    if (!CODE_RE.test(normalized)) throw new ValidationError('code must look like BC-YYMMDD-NNNNNN', { field: 'code' });
    const e164 = requirePhone(phone, 'phone');
    const request = await this.records.requests.findByCode(normalized);
    if (!request || !phonesMatch(request.citizenPhone, e164)) throw new NotFoundError('BCCI request', normalized);
    const legs = await this.records.legs.findByRequests([request.id]);
    return {
      code: request.code,
      option: request.option,
      createdAt: request.createdAt.toISOString(),
      legs: legs
        .sort((a, b) => (a.kind === 'pickup' ? -1 : b.kind === 'pickup' ? 1 : 0))
        .map((l) => ({
          kind: l.kind,
          state: l.state,
          dueAt: l.dueAt.toISOString(),
          updatedAt: l.updatedAt.toISOString(),
          deliveredAt: l.deliveredAt?.toISOString() ?? null,
        })),
    };
  }

  /** Requests with their legs, offers and leg extras: three reads for the whole page, plus the extras a page needs. */
  private async views(requests: BcciRequest[]): Promise<BcciRequestView[]> {
    const legs = await this.records.legs.findByRequests(requests.map((r) => r.id));
    const assignments = await this.records.assignments.ofLegs(legs.map((l) => l.id));
    const extras = await this.legQueries.extras(legs, assignments);
    const now = this.clock.now();
    return requests.map((r) =>
      requestView(r, { legs: legs.filter((l) => l.requestId === r.id), now, assignments, extras }),
    );
  }
}
