import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { MAIL_STATES, type MailState } from '@hotline/contracts';
import { afterCursor, BaseRepository, type Keyset } from '@hotline/core';
import { MailOutbox } from '../entities/mail-outbox.entity';

/** What a delivery outcome is conditional on: the row is still the attempt the job was for. */
export interface MailGuard {
  id: string;
  state: MailState;
  round: number;
  attempts: number;
}

export interface MailListFilter {
  state?: MailState;
  ticketId?: string;
  after?: Keyset | null;
  take: number;
}

export type PendingMail = Pick<MailOutbox, 'id' | 'round' | 'attempts' | 'nextAttemptAt'>;

/** The mail outbox table (`mail_outbox`): the durable record of every mail, its attempts and its outcome. */
@Injectable()
export class MailOutboxRepository extends BaseRepository {
  constructor(@InjectDataSource() ds: DataSource) {
    super(ds);
  }

  async insert(row: MailOutbox): Promise<void> {
    await this.repo(MailOutbox).insert(row);
  }

  find(id: string): Promise<MailOutbox | null> {
    return this.repo(MailOutbox).findOneBy({ id });
  }

  lock(id: string): Promise<MailOutbox | null> {
    return this.repo(MailOutbox).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** A locked row's change. */
  async update(id: string, changes: Partial<MailOutbox>): Promise<void> {
    await this.repo(MailOutbox).update({ id }, changes);
  }

  /** False when the row moved on meanwhile (a supervisor's retry racing a late job). */
  async updateIf(guard: MailGuard, changes: Partial<MailOutbox>): Promise<boolean> {
    const res = await this.repo(MailOutbox).update(guard, changes);
    return !!res.affected;
  }

  /** SMTP is configured now: the rows kept while it was not get a new round. Returns how many. */
  async reviveDisabled(now: Date): Promise<number> {
    const res = await this.manager
      .createQueryBuilder()
      .update(MailOutbox)
      .set({ state: 'pending', attempts: 0, round: () => 'round + 1', nextAttemptAt: now, updatedAt: now })
      .where('state = :s', { s: 'disabled' })
      .execute();
    return res.affected ?? 0;
  }

  /** Pending rows by id after `afterId` (the reconciler's pages). */
  async pendingPage(afterId: string, limit: number): Promise<PendingMail[]> {
    const rows: Array<{ id: string; round: number; attempts: number; next_attempt_at: Date | null }> =
      await this.manager.query(
        "SELECT id, round, attempts, next_attempt_at FROM mail_outbox WHERE state = 'pending' AND id > ? ORDER BY id LIMIT ?",
        [afterId, limit],
      );
    return rows.map((r) => ({
      id: r.id,
      round: Number(r.round),
      attempts: Number(r.attempts),
      nextAttemptAt: r.next_attempt_at ? new Date(r.next_attempt_at) : null,
    }));
  }

  /** Newest first (keyset on created_at, id: index `ix_mail_outbox_state` when filtered by state). */
  list(f: MailListFilter): Promise<MailOutbox[]> {
    const qb = this.repo(MailOutbox)
      .createQueryBuilder('m')
      .orderBy('m.created_at', 'DESC')
      .addOrderBy('m.id', 'DESC')
      .limit(f.take);
    if (f.state) qb.andWhere('m.state = :state', { state: f.state });
    if (f.ticketId) qb.andWhere('m.ticket_id = :ticketId', { ticketId: f.ticketId });
    if (f.after) {
      const c = afterCursor(f.after, 'm.created_at', 'm.id');
      qb.andWhere(c.sql, c.params);
    }
    return qb.getMany();
  }

  /** Messages per state (of one ticket when given). */
  async counts(ticketId?: string): Promise<Record<MailState, number>> {
    const counted: Array<{ state: MailState; n: string | number }> = await this.manager.query(
      `SELECT state, COUNT(*) AS n FROM mail_outbox${ticketId ? ' WHERE ticket_id = ?' : ''} GROUP BY state`,
      ticketId ? [ticketId] : [],
    );
    const counts = Object.fromEntries(MAIL_STATES.map((s) => [s, 0])) as Record<MailState, number>;
    for (const c of counted) if (c.state in counts) counts[c.state] = Number(c.n);
    return counts;
  }
}
