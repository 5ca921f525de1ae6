import { Column, Entity, Index, VersionColumn } from 'typeorm';
import { DateTimeColumn, UuidColumn, UuidPrimaryColumn } from '@hotline/core';
import type {
  AttachmentMeta,
  EscalationRule,
  SlaStateName,
  TicketChannel,
  TicketKind,
  TicketPriority,
  TicketQueue,
  TicketStatus,
} from '@hotline/contracts';
import type { SlaTarget, TargetClock } from '../sla/sla-clock';

export type TicketClocks = Record<SlaTarget, TargetClock | null>;

/**
 * A feedback ticket (phản ánh, kiến nghị, hỏi đáp, hồ sơ trễ hạn, khiếu nại bưu chính). The SLA clocks live in `sla_clocks` (JSON,
 * the engine's state); due instants and states are copied to plain columns for lists, sorting and the reconciler.
 */
@Entity('tickets')
@Index('ux_tickets_code', ['code'], { unique: true })
@Index('ix_tickets_status', ['status', 'receivedAt'])
@Index('ix_tickets_assignee', ['assigneeId', 'status'])
@Index('ix_tickets_queue', ['queue', 'status'])
@Index('ix_tickets_kind', ['kind', 'status'])
@Index('ix_tickets_citizen', ['citizenId', 'receivedAt'])
@Index('ix_tickets_next_timer', ['nextTimerAt'])
@Index('ix_tickets_resolution_due', ['resolutionDueAt'])
@Index('ix_tickets_policy', ['policyId', 'id'])
/** The list's order (newest received first) without a sort; its search of the subject's words (MySQL 8 and MariaDB). */
@Index('ix_tickets_received', ['receivedAt', 'id'])
@Index('ft_tickets_subject', ['subject'], { fulltext: true })
export class Ticket {
  @UuidPrimaryColumn()
  id: string;

  @Column({ type: 'varchar', length: 20, charset: 'ascii', collation: 'ascii_general_ci' })
  code: string;

  @Column({ type: 'varchar', length: 20, charset: 'ascii', collation: 'ascii_general_ci' })
  kind: TicketKind;

  @Column({ type: 'varchar', length: 10, charset: 'ascii', collation: 'ascii_general_ci' })
  channel: TicketChannel;

  @Column({ type: 'varchar', length: 20, charset: 'ascii', collation: 'ascii_general_ci' })
  status: TicketStatus;

  @Column({ type: 'varchar', length: 10, charset: 'ascii', collation: 'ascii_general_ci' })
  priority: TicketPriority;

  @Column({ type: 'boolean', default: false })
  priorityRaisedForRemoteArea: boolean;

  @Column({ type: 'varchar', length: 12, charset: 'ascii', collation: 'ascii_general_ci', default: 'operators' })
  queue: TicketQueue;

  @UuidColumn()
  citizenId: string;

  /** The call the ticket came from (calls context id), a plain reference. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  callId: string | null;

  @Column({ type: 'varchar', length: 200 })
  subject: string;

  @Column({ type: 'text' })
  content: string;

  @UuidColumn({ nullable: true })
  categoryId: string | null;

  @Column({ type: 'varchar', length: 10, charset: 'ascii', collation: 'ascii_general_ci', nullable: true })
  communeCode: string | null;

  @Column({ type: 'varchar', length: 60, nullable: true })
  dossierCode: string | null;

  /** A BCCI request of the dispatch context, a plain reference. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  bcciRequestId: string | null;

  @UuidColumn({ nullable: true })
  assigneeId: string | null;

  @Column({ type: 'json' })
  attachments: AttachmentMeta[];

  // ---- SLA policy snapshot (chosen at creation, chosen again when kind/category/priority change) ----
  @UuidColumn({ nullable: true })
  policyId: string | null;

  @UuidColumn({ nullable: true })
  calendarId: string | null;

  @Column({ type: 'smallint', default: 75 })
  warnPercent: number;

  @Column({ type: 'boolean', default: false })
  pauseWhenForwarded: boolean;

  @Column({ type: 'varchar', length: 20, charset: 'ascii', collation: 'ascii_general_ci', default: 'none' })
  escalation: EscalationRule;

  @Column({ type: 'json' })
  slaClocks: TicketClocks;

  @DateTimeColumn({ nullable: true })
  firstResponseDueAt: Date | null;

  @Column({ type: 'varchar', length: 10, charset: 'ascii', collation: 'ascii_general_ci', nullable: true })
  firstResponseState: SlaStateName | null;

  @DateTimeColumn({ nullable: true })
  resolutionDueAt: Date | null;

  @Column({ type: 'varchar', length: 10, charset: 'ascii', collation: 'ascii_general_ci', nullable: true })
  resolutionState: SlaStateName | null;

  @DateTimeColumn({ nullable: true })
  forwardDueAt: Date | null;

  @Column({ type: 'varchar', length: 10, charset: 'ascii', collation: 'ascii_general_ci', nullable: true })
  forwardState: SlaStateName | null;

  /** The earliest pending warning/breach instant; null when no timer should be pending. The reconciler scans this. */
  @DateTimeColumn({ nullable: true })
  nextTimerAt: Date | null;

  /** Bumped whenever due instants move: timers carry it in their jobId and payload, and a stale one does nothing. */
  @Column({ type: 'int', default: 1 })
  slaVersion: number;

  @DateTimeColumn()
  receivedAt: Date;

  @DateTimeColumn({ nullable: true })
  firstResponseAt: Date | null;

  /** First forward to an agency: meets the forward deadline. */
  @DateTimeColumn({ nullable: true })
  firstForwardedAt: Date | null;

  @DateTimeColumn({ nullable: true })
  resolvedAt: Date | null;

  @DateTimeColumn({ nullable: true })
  closedAt: Date | null;

  @Column({ type: 'tinyint', nullable: true })
  csatScore: number | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  csatComment: string | null;

  @DateTimeColumn({ nullable: true })
  csatAt: Date | null;

  @UuidColumn({ nullable: true })
  createdBy: string | null;

  @DateTimeColumn()
  createdAt: Date;

  @DateTimeColumn()
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
