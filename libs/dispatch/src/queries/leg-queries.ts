import { Injectable } from '@nestjs/common';
import type { LegRequestSummary, LegView, Page } from '@hotline/contracts';
import { type AuthUser, Clock, decodeCursor, NotFoundError, toPage } from '@hotline/core';
import type { BcciAssignment } from '../bcci-assignment.entity';
import type { BcciLeg } from '../bcci-leg.entity';
import type { ListLegsQuery } from '../dispatch.dto';
import { Invitations } from '../invitations';
import { LegRecords } from '../leg-records';
import { scopeOffice } from '../office-scope';
import { RemittancesRepository } from '../repositories/remittances.repository';
import { type LegExtras, legView, pendingOfferView } from '../views';

export interface RequestInfo {
  code: string;
  summary: LegRequestSummary;
}

/**
 * The legs as the dispatcher and the supervisor read them (office scope inside the queries: another office's leg is a
 * 404), with what a view needs beyond the row — remittance batch, pending offer, invitations — loaded for a whole page
 * in a few indexed reads, none when no leg of the page needs one.
 */
@Injectable()
export class LegQueries {
  constructor(
    private readonly clock: Clock,
    private readonly records: LegRecords,
    private readonly remittances: RemittancesRepository,
    private readonly invitations: Invitations,
  ) {}

  /** Newest change first, keyset paging (the list moves while it is read: a client re-fetches on live events). */
  async list(query: ListLegsQuery, user: AuthUser): Promise<Page<LegView>> {
    const limit = query.limit ?? 100;
    const rows = await this.records.legs.list({
      officeId: scopeOffice(user) ?? query.officeId,
      state: query.state,
      active: query.active,
      unremitted: query.unremitted,
      after: query.cursor ? decodeCursor(query.cursor) : null,
      take: limit + 1,
    });
    const shown = rows.slice(0, limit);
    const [requests, extras] = await Promise.all([this.requestInfo(shown), this.extras(shown)]);
    const now = this.clock.now();
    return toPage(
      rows,
      limit,
      (l) => ({ at: l.updatedAt, id: l.id }),
      (l) => {
        const r = requests.get(l.requestId);
        return legView(l, { requestCode: r?.code ?? '', now, request: r?.summary, extras });
      },
    );
  }

  async get(id: string, user: AuthUser): Promise<LegView> {
    const own = scopeOffice(user);
    const leg = await this.records.legs.find(id, own);
    if (!leg) throw new NotFoundError('Leg', id);
    const assignments = await this.records.assignments.ofLegs([id]);
    const [requests, extras] = await Promise.all([this.requestInfo([leg]), this.extras([leg], assignments)]);
    const r = requests.get(leg.requestId);
    return legView(leg, {
      requestCode: r?.code ?? '',
      now: this.clock.now(),
      assignments: own ? assignments.filter((a) => a.officeId === own) : assignments,
      request: r?.summary,
      extras,
    });
  }

  /** Remittance batches, pending offers and invitations of these legs; offers already loaded are used instead of a read. */
  async extras(legs: BcciLeg[], assignments?: BcciAssignment[]): Promise<LegExtras> {
    const remittanceIds = [...new Set(legs.map((l) => l.remittanceId).filter((id): id is string => !!id))];
    const offered = legs.filter((l) => l.state === 'assigned').map((l) => l.id);
    const failed = legs.filter((l) => l.state === 'failed_attempt').map((l) => l.id);
    const [remittances, pending, invitations] = await Promise.all([
      this.remittances.refs(remittanceIds),
      assignments ? assignments.filter((a) => a.state === 'pending') : this.records.assignments.pendingOf(offered),
      this.invitations.of(failed),
    ]);
    return {
      remittances: new Map(
        remittances.map((r) => [r.id, { id: r.id, reference: r.reference, remittedOn: r.remittedOn }]),
      ),
      pending: new Map(pending.map((a) => [a.legId, pendingOfferView(a)])),
      invitations,
    };
  }

  /** The request code and what the handling office needs of the request (contact, dossier, procedure, agency). */
  async requestInfo(legs: BcciLeg[]): Promise<Map<string, RequestInfo>> {
    const rows = await this.records.requests.summaries(legs.map((l) => l.requestId));
    return new Map(
      rows.map((r) => [
        r.id,
        {
          code: r.code,
          summary: {
            dossierCode: r.dossierCode,
            procedureName: r.procedureName,
            field: r.field,
            agency: r.agency,
            serviceLevel: r.serviceLevel,
            contactName: r.contactName,
            citizenPhone: r.citizenPhone,
            notes: r.notes,
          },
        },
      ]),
    );
  }
}
