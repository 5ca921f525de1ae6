import { Column, Entity, Index } from 'typeorm';
import type { MailKind, MailState } from '@hotline/contracts';
import { DateTimeColumn, UuidColumn, UuidPrimaryColumn } from '@hotline/core';

/**
 * Transactional outbox of outgoing mail: a row is written in the same transaction as the change it reports (a forward, a new date
 * of an overdue dossier), so a committed change always has its mail and a rolled-back one never does. The worker delivers it
 * (`mail-send` job) and records the outcome here; MySQL, not Redis, says what is still to send.
 */
@Entity('mail_outbox')
@Index('ix_mail_outbox_state', ['state', 'createdAt'])
@Index('ix_mail_outbox_ticket', ['ticketId'])
export class MailOutbox {
  @UuidPrimaryColumn()
  id: string;

  @Column({ type: 'varchar', length: 30, charset: 'ascii', collation: 'ascii_general_ci' })
  kind: MailKind;

  @UuidColumn({ nullable: true })
  ticketId: string | null;

  @Column({ type: 'varchar', length: 254 })
  toAddress: string;

  @Column({ type: 'varchar', length: 400 })
  subject: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'varchar', length: 10, charset: 'ascii', collation: 'ascii_general_ci' })
  state: MailState;

  /** Delivery attempts of the current round (reset by a manual retry). */
  @Column({ type: 'smallint', default: 0 })
  attempts: number;

  /** Bumped by a manual retry or when SMTP becomes configured: part of the job id, so a new round is a new job. */
  @Column({ type: 'int', default: 1 })
  round: number;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  lastError: string | null;

  /** When the next attempt is due (pending rows); the reconciler re-enqueues from it after a Redis loss. */
  @DateTimeColumn({ nullable: true })
  nextAttemptAt: Date | null;

  @DateTimeColumn({ nullable: true })
  sentAt: Date | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  messageId: string | null;

  @DateTimeColumn()
  createdAt: Date;

  @DateTimeColumn()
  updatedAt: Date;
}
