import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createTransport, type Transporter } from 'nodemailer';
import { DataSource, EntityManager, In } from 'typeorm';
import {
  MAIL_STATES,
  type MailKind,
  type MailOutboxListView,
  type MailOutboxView,
  type MailState,
} from '@hotline/contracts';
import {
  Clock,
  ConflictError,
  dbManager,
  jobId,
  JobQueue,
  NotFoundError,
  uuidv7,
  ValidationError,
  writeAudit,
} from '@hotline/core';
import type { MailSendJob } from '../feedback.jobs';
import { loadFeedbackConfig, type MailConfig } from '../feedback-config';
import { MailOutbox } from '../entities/mail-outbox.entity';
import { Ticket } from '../entities/ticket.entity';

/** Outbox rows per reconcile step. */
const PAGE = 500;
const MAX_BACKOFF_MS = 3_600_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const mailJobId = (id: string, round: number, attempt: number) => jobId('mail', id, `r${round}`, `a${attempt}`);

export interface NewMail {
  kind: MailKind;
  ticketId: string | null;
  to: string;
  subject: string;
  body: string;
}

export type MailOutcome = 'stale' | 'sent' | 'retry' | 'failed' | 'disabled';

/**
 * The transactional outbox of outgoing mail. `add` writes the row inside the caller's transaction (the change and its mail commit
 * together); `dispatch` enqueues the delivery after the commit; the worker's `deliver` sends it over SMTP (nodemailer) and records
 * the outcome per message: `sent`, a retry with exponential backoff (`pending`, `lastError`, `nextAttemptAt`), `failed` after
 * MAIL_MAX_ATTEMPTS, or `disabled` when SMTP_URL is not set (kept, and sent once SMTP is configured). MySQL says what is still to
 * send: `reconcile` re-enqueues every pending row after a Redis loss. Delivery is at-least-once (a crash between the SMTP answer
 * and the UPDATE sends again).
 */
@Injectable()
export class MailOutboxService implements OnModuleDestroy {
  private readonly logger = new Logger(MailOutboxService.name);
  private readonly config: MailConfig = loadFeedbackConfig().mail;
  private transport: Transporter | null = null;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly queue: JobQueue,
    private readonly clock: Clock,
  ) {}

  onModuleDestroy(): void {
    this.transport?.close();
  }

  get enabled(): boolean {
    return !!this.config.smtpUrl;
  }

  /** Inside the caller's transaction. */
  async add(m: EntityManager, mail: NewMail, now: Date): Promise<MailOutbox> {
    const row: MailOutbox = {
      id: uuidv7(),
      kind: mail.kind,
      ticketId: mail.ticketId,
      toAddress: mail.to,
      subject: mail.subject.slice(0, 400),
      body: mail.body,
      state: 'pending',
      attempts: 0,
      round: 1,
      lastError: null,
      nextAttemptAt: now,
      sentAt: null,
      messageId: null,
      createdAt: now,
      updatedAt: now,
    };
    await m.insert(MailOutbox, row);
    return row;
  }

  /** After the commit: enqueue the delivery of pending rows. A lost enqueue is healed by the reconciler. */
  async dispatch(rows: Array<Pick<MailOutbox, 'id' | 'round' | 'attempts' | 'nextAttemptAt'>>): Promise<void> {
    if (!rows.length) return;
    const now = this.clock.nowMs();
    const timestamp = Date.now();
    try {
      await this.queue.queue('mail').addBulk(
        rows.map((r) => ({
          name: 'mail-send',
          data: { outboxId: r.id, round: r.round, attempt: r.attempts } satisfies MailSendJob,
          opts: {
            jobId: mailJobId(r.id, r.round, r.attempts),
            delay: Math.max(0, (r.nextAttemptAt?.getTime() ?? now) - now),
            timestamp,
          },
        })),
      );
    } catch (err) {
      this.logger.warn(
        `Enqueueing ${rows.length} mail(s) failed, the reconciler will retry: ${(err as Error).message}`,
      );
    }
  }

  /** The worker's `mail-send` job. A job of an older round/attempt (retried by hand meanwhile, or already done) does nothing. */
  async deliver(job: MailSendJob): Promise<MailOutcome> {
    const row = await dbManager(this.db).getRepository(MailOutbox).findOneBy({ id: job.outboxId });
    if (!row || row.state !== 'pending' || row.round !== job.round || row.attempts !== job.attempt) return 'stale';
    const guard = { id: row.id, state: 'pending' as MailState, round: row.round, attempts: row.attempts };
    if (!this.config.smtpUrl) {
      await dbManager(this.db).getRepository(MailOutbox).update(guard, {
        state: 'disabled',
        nextAttemptAt: null,
        lastError: 'SMTP_URL is not set',
        updatedAt: this.clock.now(),
      });
      this.logger.warn(
        `Mail ${row.id} (${row.kind}) to ${row.toAddress} kept in the outbox as "disabled": SMTP_URL is not set. It is sent once SMTP_URL is configured and the worker restarts.`,
      );
      return 'disabled';
    }
    let messageId: string | null = null;
    let error: string | null = null;
    try {
      const info = await this.transporter().sendMail({
        from: this.config.from,
        to: row.toAddress,
        subject: row.subject,
        text: row.body,
        headers: { 'X-Hotline-Outbox-Id': row.id },
      });
      messageId = info.messageId ?? null;
    } catch (err) {
      error = ((err as Error).message || String(err)).slice(0, 1000);
    }
    const now = this.clock.now();
    const attempts = row.attempts + 1;
    if (error === null) {
      await dbManager(this.db).getRepository(MailOutbox).update(guard, {
        state: 'sent',
        attempts,
        sentAt: now,
        messageId,
        lastError: null,
        nextAttemptAt: null,
        updatedAt: now,
      });
      return 'sent';
    }
    if (attempts >= this.config.maxAttempts) {
      await dbManager(this.db)
        .getRepository(MailOutbox)
        .update(guard, { state: 'failed', attempts, lastError: error, nextAttemptAt: null, updatedAt: now });
      this.logger.error(
        `Mail ${row.id} (${row.kind}) to ${row.toAddress} failed after ${attempts} attempt(s): ${error}`,
      );
      return 'failed';
    }
    const nextAttemptAt = new Date(
      now.getTime() + Math.min(MAX_BACKOFF_MS, this.config.retryBaseMs * 2 ** (attempts - 1)),
    );
    const res = await dbManager(this.db)
      .getRepository(MailOutbox)
      .update(guard, { attempts, lastError: error, nextAttemptAt, updatedAt: now });
    this.logger.warn(
      `Mail ${row.id} to ${row.toAddress}: attempt ${attempts} failed (${error}); next at ${nextAttemptAt.toISOString()}`,
    );
    if (res.affected) await this.dispatch([{ id: row.id, round: row.round, attempts, nextAttemptAt }]);
    return 'retry';
  }

  /**
   * Re-enqueues every pending row (after a Redis loss or a lost enqueue; the same job ids make it a no-op otherwise). When SMTP is
   * configured, the rows kept as `disabled` become pending again first.
   */
  async reconcile(): Promise<number> {
    const now = this.clock.now();
    if (this.config.smtpUrl) {
      const res = await this.db
        .createQueryBuilder()
        .update(MailOutbox)
        .set({ state: 'pending', attempts: 0, round: () => 'round + 1', nextAttemptAt: now, updatedAt: now })
        .where('state = :s', { s: 'disabled' })
        .execute();
      if (res.affected)
        this.logger.log(`SMTP is configured: ${res.affected} mail(s) kept while it was not are pending again`);
    }
    let count = 0;
    let after = '';
    for (;;) {
      const rows: Array<{ id: string; round: number; attempts: number; next_attempt_at: Date | null }> =
        await dbManager(this.db).query(
          "SELECT id, round, attempts, next_attempt_at FROM mail_outbox WHERE state = 'pending' AND id > ? ORDER BY id LIMIT ?",
          [after, PAGE],
        );
      if (!rows.length) break;
      const pending = rows.map((r) => ({
        id: r.id,
        round: Number(r.round),
        attempts: Number(r.attempts),
        nextAttemptAt: r.next_attempt_at ? new Date(r.next_attempt_at) : null,
      }));
      // A job that ended without updating its row (it kept failing on MySQL, not SMTP, and BullMQ gave up) would block its id:
      // the row says the attempt is still to make, so the finished job is removed and the attempt enqueued again.
      const q = this.queue.queue('mail');
      for (const r of pending) {
        const job = await q.getJob(mailJobId(r.id, r.round, r.attempts));
        const state = job ? await job.getState() : null;
        if (job && (state === 'failed' || state === 'completed')) await job.remove();
      }
      await this.dispatch(pending);
      count += rows.length;
      after = rows[rows.length - 1].id;
      if (rows.length < PAGE) break;
    }
    return count;
  }

  /**
   * A page of the outbox, newest first (keyset on created_at, id: index `ix_mail_outbox_state` when filtered by state), with the
   * count per state and whether this process has SMTP configured.
   */
  async list(q: {
    state?: MailState;
    ticketId?: string;
    before?: string;
    limit?: number;
  }): Promise<MailOutboxListView> {
    const limit = q.limit ?? 50;
    const repo = dbManager(this.db).getRepository(MailOutbox);
    const qb = repo.createQueryBuilder('m');
    if (q.state) qb.andWhere('m.state = :state', { state: q.state });
    if (q.ticketId) qb.andWhere('m.ticketId = :ticketId', { ticketId: q.ticketId });
    if (q.before) {
      const cursor = await repo.findOne({ select: { id: true, createdAt: true }, where: { id: q.before } });
      if (!cursor)
        throw new ValidationError("before must be the id of a mail of the outbox (the previous page's nextBefore)", {
          field: 'before',
          constraint: 'exists',
        });
      qb.andWhere('(m.createdAt < :at OR (m.createdAt = :at AND m.id < :id))', { at: cursor.createdAt, id: cursor.id });
    }
    const rows = await qb
      .orderBy('m.createdAt', 'DESC')
      .addOrderBy('m.id', 'DESC')
      .limit(limit + 1)
      .getMany();
    const page = rows.slice(0, limit);
    const counted: Array<{ state: MailState; n: string | number }> = await dbManager(this.db).query(
      `SELECT state, COUNT(*) AS n FROM mail_outbox${q.ticketId ? ' WHERE ticket_id = ?' : ''} GROUP BY state`,
      q.ticketId ? [q.ticketId] : [],
    );
    const counts = Object.fromEntries(MAIL_STATES.map((s) => [s, 0])) as Record<MailState, number>;
    for (const c of counted) if (c.state in counts) counts[c.state] = Number(c.n);
    return {
      items: await this.views(page),
      mailEnabled: this.enabled,
      counts,
      nextBefore: rows.length > limit ? page[page.length - 1].id : null,
    };
  }

  /** A supervisor's retry of a failed (or disabled) message: a new round of attempts. Pending or sent → 409. */
  async retry(id: string, actorId: string): Promise<MailOutboxView> {
    if (!UUID.test(id)) throw new ValidationError('id must be a UUID', { field: 'id' });
    const now = this.clock.now();
    const row = await this.db.transaction(async (m) => {
      const r = await m.findOne(MailOutbox, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!r) throw new NotFoundError('Mail', id);
      if (r.state !== 'failed' && r.state !== 'disabled')
        throw new ConflictError(
          `Only a failed or disabled mail can be retried (this one is ${r.state})`,
          'ILLEGAL_TRANSITION',
        );
      if (r.state === 'disabled' && !this.config.smtpUrl)
        throw new ConflictError('SMTP is not configured (SMTP_URL): the mail would stay disabled', 'MAIL_DISABLED');
      const from = r.state;
      Object.assign(r, { state: 'pending', attempts: 0, round: r.round + 1, nextAttemptAt: now, updatedAt: now });
      await m.update(
        MailOutbox,
        { id },
        { state: r.state, attempts: r.attempts, round: r.round, nextAttemptAt: now, updatedAt: now },
      );
      await writeAudit(m, {
        actorId,
        entityType: 'mail_outbox',
        entityId: id,
        action: 'retry',
        from,
        to: 'pending',
        at: now,
      });
      return r;
    });
    await this.dispatch([row]);
    return (await this.views([row]))[0];
  }

  private async views(rows: MailOutbox[]): Promise<MailOutboxView[]> {
    const ticketIds = [...new Set(rows.map((r) => r.ticketId).filter((x): x is string => !!x))];
    const tickets = ticketIds.length
      ? await dbManager(this.db)
          .getRepository(Ticket)
          .find({ select: { id: true, code: true }, where: { id: In(ticketIds) } })
      : [];
    const codes = new Map(tickets.map((t) => [t.id, t.code]));
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      ticketId: r.ticketId,
      ticketCode: r.ticketId ? (codes.get(r.ticketId) ?? null) : null,
      to: r.toAddress,
      subject: r.subject,
      body: r.body,
      state: r.state,
      attempts: r.attempts,
      lastError: r.lastError,
      nextAttemptAt: r.nextAttemptAt?.toISOString() ?? null,
      sentAt: r.sentAt?.toISOString() ?? null,
      messageId: r.messageId,
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
    }));
  }

  private transporter(): Transporter {
    // Pooled: a burst of forwards reuses a few SMTP connections instead of one handshake per message.
    this.transport ??= createTransport(this.config.smtpUrl!, { pool: true, maxConnections: 3 } as never);
    return this.transport;
  }
}
