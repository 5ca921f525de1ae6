import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import type { MailKind, MailOutboxListView, MailOutboxView } from '@hotline/contracts';
import {
  Clock,
  ConflictError,
  decodeCursor,
  encodeCursor,
  jobId,
  JobQueue,
  type Keyset,
  NotFoundError,
  rearmJob,
  type Tx,
  UnitOfWork,
  uuidv7,
  ValidationError,
} from '@hotline/core';
import type { MailSendJob } from '../feedback.jobs';
import type { ListOutboxQuery } from '../dto/feedback.dto';
import { FEEDBACK_CONFIG, type FeedbackConfig, type MailConfig } from '../feedback-config';
import type { MailOutbox } from '../entities/mail-outbox.entity';
import { type MailGuard, MailOutboxRepository, type PendingMail } from '../repositories/mail-outbox.repository';
import { TicketsRepository } from '../repositories/tickets.repository';
import { UUID } from '../ticket-rules';

/** Outbox rows per reconcile step. */
const PAGE = 500;
const MAX_BACKOFF_MS = 3_600_000;
const DEFAULT_LIMIT = 50;

export const mailJobId = (id: string, round: number, attempt: number) => jobId('mail', id, `r${round}`, `a${attempt}`);

export interface NewMail {
  kind: MailKind;
  ticketId: string | null;
  to: string;
  subject: string;
  body: string;
}

export type MailOutcome = 'stale' | 'sent' | 'retry' | 'failed' | 'disabled';

/** The send job of an attempt, on the unit of work that wrote the attempt (a crash between commit and Redis loses nothing). */
export function enqueueMail(tx: Tx, row: PendingMail): void {
  tx.enqueue('mail-send', { outboxId: row.id, round: row.round, attempt: row.attempts } satisfies MailSendJob, {
    jobId: mailJobId(row.id, row.round, row.attempts),
    ...(row.nextAttemptAt ? { runAt: row.nextAttemptAt } : {}),
  });
}

/**
 * The mail outbox of the context. `add` writes the row and its send job on the caller's unit of work (the change and its mail
 * commit together); the worker's `deliver` sends it over SMTP (nodemailer) and records the outcome per message: `sent`, a retry
 * with exponential backoff (`pending`, `lastError`, `nextAttemptAt`), `failed` after MAIL_MAX_ATTEMPTS, or `disabled` when
 * SMTP_URL is not set (kept, and sent once SMTP is configured). MySQL says what is still to send: `reconcile` re-arms every
 * pending row after a Redis loss. Delivery is at-least-once (a crash between the SMTP answer and the UPDATE sends again).
 */
@Injectable()
export class MailOutboxService implements OnModuleDestroy {
  private readonly logger = new Logger(MailOutboxService.name);
  private readonly config: MailConfig;
  private transport: Transporter | null = null;

  constructor(
    private readonly uow: UnitOfWork,
    private readonly rows: MailOutboxRepository,
    private readonly tickets: TicketsRepository,
    private readonly queue: JobQueue,
    private readonly clock: Clock,
    @Inject(FEEDBACK_CONFIG) feedback: FeedbackConfig,
  ) {
    this.config = feedback.mail;
  }

  onModuleDestroy(): void {
    this.transport?.close();
  }

  get enabled(): boolean {
    return !!this.config.smtpUrl;
  }

  /** On the caller's unit of work: the durable row and its send job. */
  async add(tx: Tx, mail: NewMail): Promise<MailOutbox> {
    const now = this.clock.now();
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
    await this.rows.insert(row);
    enqueueMail(tx, row);
    return row;
  }

  /** The worker's `mail-send` job. A job of an older round/attempt (retried by hand meanwhile, or already done) does nothing. */
  async deliver(job: MailSendJob): Promise<MailOutcome> {
    const row = await this.rows.find(job.outboxId);
    if (!row || row.state !== 'pending' || row.round !== job.round || row.attempts !== job.attempt) return 'stale';
    const guard: MailGuard = { id: row.id, state: 'pending', round: row.round, attempts: row.attempts };
    if (!this.config.smtpUrl) return this.keepDisabled(row, guard);
    const sent = await this.send(row);
    const now = this.clock.now();
    const attempts = row.attempts + 1;
    if (sent.error === null) {
      await this.uow.run(() =>
        this.rows.updateIf(guard, {
          state: 'sent',
          attempts,
          sentAt: now,
          messageId: sent.messageId,
          lastError: null,
          nextAttemptAt: null,
          updatedAt: now,
        }),
      );
      return 'sent';
    }
    return this.failed(row, { guard, attempts, error: sent.error, now });
  }

  private async keepDisabled(row: MailOutbox, guard: MailGuard): Promise<MailOutcome> {
    await this.uow.run(() =>
      this.rows.updateIf(guard, {
        state: 'disabled',
        nextAttemptAt: null,
        lastError: 'SMTP_URL is not set',
        updatedAt: this.clock.now(),
      }),
    );
    this.logger.warn(
      `Mail ${row.id} (${row.kind}) to ${row.toAddress} kept in the outbox as "disabled": SMTP_URL is not set. It is sent once SMTP_URL is configured and the worker restarts.`,
    );
    return 'disabled';
  }

  private async send(row: MailOutbox): Promise<{ messageId: string | null; error: string | null }> {
    try {
      const info = await this.transporter().sendMail({
        from: this.config.from,
        to: row.toAddress,
        subject: row.subject,
        text: row.body,
        headers: { 'X-Hotline-Outbox-Id': row.id },
      });
      return { messageId: info.messageId ?? null, error: null };
    } catch (err) {
      return { messageId: null, error: ((err as Error).message || String(err)).slice(0, 1000) };
    }
  }

  /** A failed attempt: the next one with backoff (its job on the same unit of work), or `failed` after the last. */
  private async failed(
    row: MailOutbox,
    f: { guard: MailGuard; attempts: number; error: string; now: Date },
  ): Promise<MailOutcome> {
    const { guard, attempts, error, now } = f;
    if (attempts >= this.config.maxAttempts) {
      await this.uow.run(() =>
        this.rows.updateIf(guard, { state: 'failed', attempts, lastError: error, nextAttemptAt: null, updatedAt: now }),
      );
      this.logger.error(
        `Mail ${row.id} (${row.kind}) to ${row.toAddress} failed after ${attempts} attempt(s): ${error}`,
      );
      return 'failed';
    }
    const delay = Math.min(MAX_BACKOFF_MS, this.config.retryBaseMs * 2 ** (attempts - 1));
    const nextAttemptAt = new Date(now.getTime() + delay);
    await this.uow.run(async (tx) => {
      if (await this.rows.updateIf(guard, { attempts, lastError: error, nextAttemptAt, updatedAt: now }))
        enqueueMail(tx, { id: row.id, round: row.round, attempts, nextAttemptAt });
    });
    this.logger.warn(
      `Mail ${row.id} to ${row.toAddress}: attempt ${attempts} failed (${error}); next at ${nextAttemptAt.toISOString()}`,
    );
    return 'retry';
  }

  /**
   * Re-arms every pending row (after a Redis loss or a lost enqueue; a job still waiting is left alone). When SMTP is
   * configured, the rows kept as `disabled` become pending again first.
   */
  async reconcile(): Promise<number> {
    if (this.config.smtpUrl) {
      const revived = await this.uow.run(() => this.rows.reviveDisabled(this.clock.now()));
      if (revived) this.logger.log(`SMTP is configured: ${revived} mail(s) kept while it was not are pending again`);
    }
    const q = this.queue.queue('mail');
    let count = 0;
    let after = '';
    for (;;) {
      const pending = await this.rows.pendingPage(after, PAGE);
      if (!pending.length) break;
      const now = this.clock.nowMs();
      // A job that ended without updating its row (it kept failing on MySQL, not SMTP, and BullMQ gave up) would block its
      // id: the row says the attempt is still to make, so rearmJob removes the finished job and adds the attempt again.
      for (const r of pending)
        await rearmJob(q, {
          name: 'mail-send',
          data: { outboxId: r.id, round: r.round, attempt: r.attempts } satisfies MailSendJob,
          opts: {
            jobId: mailJobId(r.id, r.round, r.attempts),
            delay: Math.max(0, (r.nextAttemptAt?.getTime() ?? now) - now),
          },
        });
      count += pending.length;
      after = pending[pending.length - 1].id;
      if (pending.length < PAGE) break;
    }
    return count;
  }

  /**
   * A page of the outbox, newest first, with the count per state and whether this process has SMTP configured. `cursor`
   * (the page's `nextCursor`) or `before` (the id of the last mail shown, the page's `nextBefore`) give the next page.
   */
  async list(q: ListOutboxQuery): Promise<MailOutboxListView> {
    const limit = q.limit ?? DEFAULT_LIMIT;
    const after = q.cursor ? decodeCursor(q.cursor) : q.before ? await this.keysetOf(q.before) : null;
    const rows = await this.rows.list({ state: q.state, ticketId: q.ticketId, after, take: limit + 1 });
    const page = rows.slice(0, limit);
    const last = rows.length > limit ? page[page.length - 1] : null;
    return {
      items: await this.views(page),
      mailEnabled: this.enabled,
      counts: await this.rows.counts(q.ticketId),
      nextCursor: last ? encodeCursor({ at: last.createdAt, id: last.id }) : null,
      nextBefore: last?.id ?? null,
    };
  }

  private async keysetOf(id: string): Promise<Keyset> {
    const row = await this.rows.find(id);
    if (!row)
      throw new ValidationError("before must be the id of a mail of the outbox (the previous page's nextBefore)", {
        field: 'before',
        constraint: 'exists',
      });
    return { at: row.createdAt, id: row.id };
  }

  /** A supervisor's retry of a failed (or disabled) message: a new round of attempts. Pending or sent → 409. */
  async retry(id: string, actorId: string): Promise<MailOutboxView> {
    if (!UUID.test(id)) throw new ValidationError('id must be a UUID', { field: 'id' });
    const row = await this.uow.run(async (tx) => {
      const now = this.clock.now();
      const r = await this.rows.lock(id);
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
      const { state, attempts, round } = r;
      await this.rows.update(id, { state, attempts, round, nextAttemptAt: now, updatedAt: now });
      await tx.history({ actorId, entityType: 'mail_outbox', entityId: id, action: 'retry', from, to: 'pending' });
      enqueueMail(tx, r);
      return r;
    });
    return (await this.views([row]))[0];
  }

  private async views(rows: MailOutbox[]): Promise<MailOutboxView[]> {
    const codes = await this.tickets.codes([...new Set(rows.map((r) => r.ticketId).filter((x): x is string => !!x))]);
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
