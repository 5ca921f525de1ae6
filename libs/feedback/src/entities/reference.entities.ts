import { Column, Entity, Index, VersionColumn } from 'typeorm';
import { DateTimeColumn, UuidColumn, UuidPrimaryColumn } from '@hotline/core';
import type { EscalationRule, TicketKind, TicketPriority } from '@hotline/contracts';

/** Managed list of ticket categories (lĩnh vực). */
@Entity('feedback_categories')
@Index('ux_feedback_categories_code', ['code'], { unique: true })
export class FeedbackCategory {
  @UuidPrimaryColumn()
  id: string;

  @Column({ type: 'varchar', length: 40, charset: 'ascii', collation: 'ascii_general_ci' })
  code: string;

  @Column({ type: 'varchar', length: 150 })
  name: string;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @DateTimeColumn()
  updatedAt: Date;
}

/** Managed list of competent agencies (cơ quan giải quyết) with a contact email. */
@Entity('agencies')
@Index('ux_agencies_code', ['code'], { unique: true })
export class Agency {
  @UuidPrimaryColumn()
  id: string;

  @Column({ type: 'varchar', length: 40, charset: 'ascii', collation: 'ascii_general_ci' })
  code: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 120 })
  email: string;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @DateTimeColumn()
  updatedAt: Date;
}

/**
 * An SLA policy: targets in business minutes of a calendar, chosen for a ticket by kind/category/priority (most specific match
 * wins: category > kind > priority; a policy with all three null is the catch-all).
 */
@Entity('sla_policies')
@Index('ix_sla_policies_match', ['active', 'kind', 'categoryId', 'priority'])
export class SlaPolicy {
  @UuidPrimaryColumn()
  id: string;

  @Column({ type: 'varchar', length: 150 })
  name: string;

  @Column({ type: 'varchar', length: 20, charset: 'ascii', collation: 'ascii_general_ci', nullable: true })
  kind: TicketKind | null;

  @UuidColumn({ nullable: true })
  categoryId: string | null;

  @Column({ type: 'varchar', length: 10, charset: 'ascii', collation: 'ascii_general_ci', nullable: true })
  priority: TicketPriority | null;

  @UuidColumn()
  calendarId: string;

  /** Business minutes; fractions allowed (drills and tests use seconds-long targets on a 24/7 calendar). */
  @Column({
    type: 'decimal',
    precision: 12,
    scale: 3,
    transformer: { to: (v: number) => v, from: (v: string) => Number(v) },
  })
  firstResponseMinutes: number;

  @Column({
    type: 'decimal',
    precision: 12,
    scale: 3,
    transformer: { to: (v: number) => v, from: (v: string) => Number(v) },
  })
  resolutionMinutes: number;

  /** Forward to the competent agency within this many business minutes of receipt (Decree 20/2008: 5 working days); null: none. */
  @Column({
    type: 'decimal',
    precision: 12,
    scale: 3,
    nullable: true,
    transformer: { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) },
  })
  forwardMinutes: number | null;

  @Column({ type: 'smallint', default: 75 })
  warnPercent: number;

  @Column({ type: 'boolean', default: false })
  pauseWhenForwarded: boolean;

  @Column({ type: 'varchar', length: 20, charset: 'ascii', collation: 'ascii_general_ci', default: 'none' })
  escalation: EscalationRule;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @DateTimeColumn()
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
