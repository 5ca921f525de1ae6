import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { TICKET_MACHINE, type TicketKind, type TicketQueue, type TicketStatus } from '@hotline/contracts';
import { afterCursor, BaseRepository, type Keyset, likePrefix } from '@hotline/core';
import { Ticket, type TicketClocks } from '../entities/ticket.entity';

/** The filters of the ticket list; `search` is resolved by the caller into what each column is matched against. */
export interface TicketListFilter {
  status?: TicketStatus;
  kind?: TicketKind;
  queue?: TicketQueue;
  assigneeId?: string;
  atRisk?: boolean;
  /** Only tickets being worked on (the machine's `open` set). */
  open?: boolean;
  search?: TicketSearch | null;
  after?: Keyset | null;
  /** Rows to read (the page's limit + 1). */
  take: number;
}

/** A search matches a ticket when any part matches: code prefix, one of these citizens, or the words of the subject. */
export interface TicketSearch {
  codePrefix: string | null;
  citizenIds: string[];
  /** A FULLTEXT boolean-mode query (`+word*` per word), or null. */
  subjectWords: string | null;
  /** The subject's beginning when every word is too short for the FULLTEXT index. */
  subjectPrefix: string | null;
}

/** The reconciler's raw row: no entity hydration while timers keep firing in the same process. */
export interface TimerRow {
  id: string;
  slaVersion: number;
  slaClocks: TicketClocks;
  nextTimerAt: Date;
}

/** The columns a change may write (everything but the identity and the intake facts). */
const MUTABLE: ReadonlyArray<keyof Ticket> = [
  'status',
  'priority',
  'queue',
  'subject',
  'content',
  'categoryId',
  'communeCode',
  'dossierCode',
  'bcciRequestId',
  'assigneeId',
  'attachments',
  'policyId',
  'calendarId',
  'warnPercent',
  'pauseWhenForwarded',
  'escalation',
  'slaClocks',
  'firstResponseDueAt',
  'firstResponseState',
  'resolutionDueAt',
  'resolutionState',
  'forwardDueAt',
  'forwardState',
  'nextTimerAt',
  'slaVersion',
  'firstResponseAt',
  'firstForwardedAt',
  'resolvedAt',
  'closedAt',
  'csatScore',
  'csatComment',
  'csatAt',
  'updatedAt',
];

const AT_RISK =
  "(t.first_response_state IN ('warning','breached') OR t.resolution_state IN ('warning','breached') OR t.forward_state IN ('warning','breached'))";

/** The tickets table: the locked read of a change, its plain UPDATE, the list with its search, the job scans. */
/** A citizen's ticket as the screen-pop's section counts it. */
export type RecentTicket = Pick<Ticket, 'id' | 'code' | 'subject' | 'status' | 'receivedAt'>;

@Injectable()
export class TicketsRepository extends BaseRepository {
  constructor(@InjectDataSource() ds: DataSource) {
    super(ds);
  }

  find(id: string): Promise<Ticket | null> {
    return this.repo(Ticket).findOneBy({ id });
  }

  findByCode(code: string): Promise<Ticket | null> {
    return this.repo(Ticket).findOneBy({ code });
  }

  /** The row locked until the unit of work commits (SELECT … FOR UPDATE): one change of a ticket at a time. */
  lock(id: string): Promise<Ticket | null> {
    return this.repo(Ticket).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async insert(t: Ticket): Promise<void> {
    await this.insertDeferred(Ticket, [t]);
  }

  /** A plain UPDATE of the mutable columns of a locked row (no entity diffing: the breach storm's hot path), version + 1. */
  async update(t: Ticket): Promise<void> {
    const changes = Object.fromEntries(MUTABLE.map((k) => [k, t[k]])) as Partial<Ticket>;
    t.version += 1;
    await this.repo(Ticket).update({ id: t.id }, { ...changes, version: t.version } as never);
  }

  /** Newest received first (keyset over received_at desc, id desc). */
  list(f: TicketListFilter): Promise<Ticket[]> {
    const qb = this.repo(Ticket)
      .createQueryBuilder('t')
      .orderBy('t.received_at', 'DESC')
      .addOrderBy('t.id', 'DESC')
      .limit(f.take);
    if (f.status) qb.andWhere('t.status = :status', { status: f.status });
    if (f.kind) qb.andWhere('t.kind = :kind', { kind: f.kind });
    if (f.queue) qb.andWhere('t.queue = :queue', { queue: f.queue });
    if (f.assigneeId) qb.andWhere('t.assignee_id = :assigneeId', { assigneeId: f.assigneeId });
    // At risk: only tickets still being worked on (a settled ticket keeps its recorded breach but is no longer at risk).
    if (f.open || f.atRisk) qb.andWhere('t.status IN (:...open)', { open: [...TICKET_MACHINE.sets.open] });
    if (f.atRisk) qb.andWhere(AT_RISK);
    if (f.search) {
      const s = searchCondition(f.search);
      qb.andWhere(s.sql, s.params);
    }
    if (f.after) {
      const c = afterCursor(f.after, 't.received_at', 't.id');
      qb.andWhere(c.sql, c.params);
    }
    return qb.getMany();
  }

  /** Ids of the tickets (not frozen) a policy governs, by id after `afterId` (the recompute job's pages, ix_tickets_policy). */
  async idsOfPolicy(policyId: string, afterId: string, limit: number): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.manager.query(
      'SELECT id FROM tickets WHERE policy_id = ? AND status NOT IN (?) AND id > ? ORDER BY id LIMIT ?',
      [policyId, [...TICKET_MACHINE.sets.frozen], afterId, limit],
    );
    return rows.map((r) => r.id);
  }

  async countNotClosedOfPolicy(policyId: string): Promise<number> {
    const [{ n }] = await this.manager.query(
      'SELECT COUNT(*) AS n FROM tickets WHERE policy_id = ? AND status NOT IN (?)',
      [policyId, [...TICKET_MACHINE.sets.frozen]],
    );
    return Number(n);
  }

  /** A page of pending timers, soonest first along ix_tickets_next_timer (keyset (next_timer_at, id)); up to `until`. */
  async timerPage(after: { at: Date; id: string } | null, until: Date | null, limit: number): Promise<TimerRow[]> {
    const window = until ? ' AND next_timer_at <= ?' : '';
    const raw: Array<{ id: string; sla_version: number; sla_clocks: string | TicketClocks; next_timer_at: Date }> =
      await this.manager.query(
        after
          ? `SELECT id, sla_version, sla_clocks, next_timer_at FROM tickets WHERE (next_timer_at > ? OR (next_timer_at = ? AND id > ?))${window} ORDER BY next_timer_at, id LIMIT ?`
          : `SELECT id, sla_version, sla_clocks, next_timer_at FROM tickets WHERE next_timer_at IS NOT NULL${window} ORDER BY next_timer_at, id LIMIT ?`,
        [...(after ? [after.at, after.at, after.id] : []), ...(until ? [until] : []), limit],
      );
    return raw.map((r) => ({
      id: r.id,
      slaVersion: Number(r.sla_version),
      slaClocks: typeof r.sla_clocks === 'string' ? (JSON.parse(r.sla_clocks) as TicketClocks) : r.sla_clocks,
      nextTimerAt: new Date(r.next_timer_at),
    }));
  }

  /** The screen-pop's rows of a citizen's tickets, newest first (index-only on ix_tickets_citizen). */
  async ofCitizen(citizenId: string, limit: number): Promise<RecentTicket[]> {
    const { sql, params, rows } = this.ofCitizenStatement({ sql: '?', params: [citizenId] }, limit);
    return rows(await this.manager.query(sql, params));
  }

  /**
   * `ofCitizen` as a statement to send with other reads (the screen-pop's round): `citizenId` is a scalar SQL expression
   * with its parameters, `rows` maps what the statement answered. ix_tickets_citizen.
   */
  ofCitizenStatement(
    citizenId: { sql: string; params: unknown[] },
    limit: number,
  ): { sql: string; params: unknown[]; rows: (raw: Array<Record<string, unknown>>) => RecentTicket[] } {
    return {
      sql:
        'SELECT id, code, subject, status, received_at FROM tickets ' +
        `WHERE citizen_id = ${citizenId.sql} ORDER BY received_at DESC, id DESC LIMIT ?`,
      params: [...citizenId.params, limit],
      rows: (raw) =>
        raw.map((r) => ({
          id: r.id as string,
          code: r.code as string,
          subject: r.subject as string,
          status: r.status as TicketStatus,
          receivedAt: new Date(r.received_at as Date),
        })),
    };
  }

  /** Ticket codes by id (the outbox list names the ticket of each mail). */
  async codes(ids: string[]): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const rows = await this.repo(Ticket).find({ select: { id: true, code: true }, where: { id: In(ids) } });
    return new Map(rows.map((t) => [t.id, t.code]));
  }
}

function searchCondition(s: TicketSearch): { sql: string; params: Record<string, unknown> } {
  const parts: string[] = [];
  const params: Record<string, unknown> = {};
  if (s.codePrefix) {
    parts.push('t.code LIKE :codePrefix');
    params.codePrefix = likePrefix(s.codePrefix);
  }
  if (s.citizenIds.length) {
    parts.push('t.citizen_id IN (:...citizenIds)');
    params.citizenIds = s.citizenIds;
  }
  if (s.subjectWords) {
    parts.push('MATCH(t.subject) AGAINST (:subjectWords IN BOOLEAN MODE)');
    params.subjectWords = s.subjectWords;
  }
  if (s.subjectPrefix) {
    parts.push('t.subject LIKE :subjectPrefix');
    params.subjectPrefix = likePrefix(s.subjectPrefix);
  }
  return { sql: parts.length ? `(${parts.join(' OR ')})` : '1=0', params };
}
