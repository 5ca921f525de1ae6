import { Injectable } from '@nestjs/common';
import type { Page, PublicTicketView, TicketDetailView, TicketHistoryEntry, TicketView } from '@hotline/contracts';
import { CitizensService } from '@hotline/calls';
import { decodeCursor, NotFoundError, toPage } from '@hotline/core';
import type { ListTicketsQuery, TicketHistoryQuery } from '../dto/feedback.dto';
import type { Ticket } from '../entities/ticket.entity';
import { TicketDetailsRepository } from '../repositories/ticket-details.repository';
import { type TicketSearch, TicketsRepository } from '../repositories/tickets.repository';
import { FeedbackReferenceService } from '../services/reference.service';
import { ticketOr404 } from '../use-cases/ticket-guards';
import { searchIntent } from './ticket-search';
import { TicketViews } from './ticket-views';

const DEFAULT_LIMIT = 50;
const DEFAULT_HISTORY_LIMIT = 500;
/** Citizens a name search may match (the most a page's IN list carries). */
const NAME_MATCHES = 200;

/** The reads of the tickets screens: the list (pages, filters, search), one ticket with its messages, its history. */
@Injectable()
export class TicketQueries {
  constructor(
    private readonly tickets: TicketsRepository,
    private readonly details: TicketDetailsRepository,
    private readonly refs: FeedbackReferenceService,
    private readonly citizens: CitizensService,
    private readonly views: TicketViews,
  ) {}

  /** Newest received first, `limit` per page; pass `nextCursor` back as `cursor` for the next page. */
  async list(q: ListTicketsQuery): Promise<Page<TicketView>> {
    const limit = q.limit ?? DEFAULT_LIMIT;
    const search = q.q ? await this.search(q.q) : null;
    const rows = await this.tickets.list({
      status: q.status,
      kind: q.kind,
      queue: q.queue,
      assigneeId: q.assigneeId,
      atRisk: q.atRisk,
      open: q.open,
      search,
      after: q.cursor ? decodeCursor(q.cursor) : null,
      take: limit + 1,
    });
    const page = toPage(
      rows,
      limit,
      (r) => ({ at: r.receivedAt, id: r.id }),
      (r) => r,
    );
    return { items: await this.views.many(page.items), nextCursor: page.nextCursor };
  }

  private async search(text: string): Promise<TicketSearch> {
    const intent = searchIntent(text);
    const ids = new Set<string>();
    if (intent.phone) {
      const citizen = await this.citizens.findByPhone(intent.phone);
      if (citizen) ids.add(citizen.id);
    }
    if (intent.namePrefix)
      for (const id of await this.citizens.idsByNamePrefix(intent.namePrefix, NAME_MATCHES)) ids.add(id);
    return {
      codePrefix: intent.codePrefix,
      citizenIds: [...ids],
      subjectWords: intent.subjectWords,
      subjectPrefix: intent.subjectPrefix,
    };
  }

  async detail(id: string): Promise<TicketDetailView> {
    const t = await ticketOr404(this.tickets, id);
    const [view, messages, forwards, agencies] = await Promise.all([
      this.views.one(t),
      this.details.messages(id),
      this.details.forwards(id),
      this.refs.agencies(),
    ]);
    const agencyName = new Map(agencies.map((a) => [a.id, a.name]));
    return {
      ...view,
      messages: messages.map((x) => ({
        id: x.id,
        kind: x.kind,
        body: x.body,
        authorId: x.authorId,
        createdAt: x.createdAt.toISOString(),
      })),
      forwards: forwards.map((f) => ({
        id: f.id,
        agencyId: f.agencyId,
        agencyName: agencyName.get(f.agencyId) ?? '',
        forwardedAt: f.forwardedAt.toISOString(),
        forwardedBy: f.forwardedBy,
        note: f.note,
        answer: f.answer,
        answeredAt: f.answeredAt?.toISOString() ?? null,
      })),
    };
  }

  /** The ticket's history, oldest first, a page at a time (most tickets fit in one). */
  async history(id: string, q: TicketHistoryQuery = {}): Promise<Page<TicketHistoryEntry>> {
    await ticketOr404(this.tickets, id);
    const limit = q.limit ?? DEFAULT_HISTORY_LIMIT;
    const rows = await this.details.history(id, q.cursor ? decodeCursor(q.cursor) : null, limit + 1);
    return toPage(
      rows,
      limit,
      (r) => ({ at: r.at, id: r.id }),
      (r) => ({
        at: r.at.toISOString(),
        actorId: r.actorId,
        action: r.action,
        from: r.fromState,
        to: r.toState,
        reason: r.reason,
        data: r.data,
      }),
    );
  }

  /** The citizen's lookup: code + any of the citizen's phone numbers. A wrong phone and an unknown code answer the same 404. */
  async publicLookup(code: string, phone: string): Promise<PublicTicketView> {
    if (!/^[A-Z0-9-]{4,20}$/i.test(code)) throw new NotFoundError('Ticket', code);
    const citizen = await this.citizens.findByPhone(phone);
    const t: Ticket | null = await this.tickets.findByCode(code.toUpperCase());
    if (!t || !citizen || citizen.id !== t.citizenId) throw new NotFoundError('Ticket', code);
    const replies = await this.details.messages(t.id, 'public_reply');
    return {
      code: t.code,
      status: t.status,
      receivedAt: t.receivedAt.toISOString(),
      resolutionDueAt: t.resolutionDueAt?.toISOString() ?? null,
      resolvedAt: t.resolvedAt?.toISOString() ?? null,
      closedAt: t.closedAt?.toISOString() ?? null,
      replies: replies.map((r) => ({ at: r.createdAt.toISOString(), body: r.body })),
    };
  }
}
