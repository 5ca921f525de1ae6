import { Column, Entity, Index, VersionColumn } from 'typeorm';
import type { CallChannel, CallDirection, CallOutcome, CallState } from '@hotline/contracts';
import { DateTimeColumn, UuidColumn, UuidPrimaryColumn } from '@hotline/core';

/**
 * One contact with a citizen (a phone call from the PBX or logged by hand, an email, a message, a walk-in).
 * Indexes: every list filter is an equality on one column followed by (started_at, id), the list's sort; InnoDB
 * appends the primary key to secondary indexes, so keyset pagination walks an index in order without a filesort.
 */
@Entity('calls')
@Index('ux_calls_pbx_external', ['pbx', 'externalId'], { unique: true })
@Index('ix_calls_started', ['startedAt', 'id'])
@Index('ix_calls_operator_started', ['operatorId', 'startedAt', 'id'])
@Index('ix_calls_phone_started', ['phone', 'startedAt', 'id'])
@Index('ix_calls_citizen_started', ['citizenId', 'startedAt', 'id'])
@Index('ix_calls_outcome_started', ['outcome', 'startedAt', 'id'])
@Index('ix_calls_topic_started', ['topicId', 'startedAt', 'id'])
@Index('ix_calls_state_started', ['state', 'startedAt'])
export class Call {
  @UuidPrimaryColumn()
  id: string;

  @Column({ type: 'varchar', length: 8 })
  direction: CallDirection;

  @Column({ type: 'varchar', length: 8 })
  channel: CallChannel;

  @Column({ type: 'varchar', length: 8 })
  state: CallState;

  /** E.164 of the citizen's side; null when withheld or not a phone contact. */
  @Column({ type: 'varchar', length: 16, charset: 'ascii', collation: 'ascii_bin', nullable: true })
  phone: string | null;

  @Column({ type: 'boolean', default: false })
  withheld: boolean;

  /** Our side as the PBX gave it (DID / line). */
  @Column({ type: 'varchar', length: 40, nullable: true })
  line: string | null;

  @Column({ type: 'varchar', length: 60, nullable: true })
  queue: string | null;

  @UuidColumn({ nullable: true })
  citizenId: string | null;

  /** users.id of the operator (identity context); no FK across contexts. */
  @UuidColumn({ nullable: true })
  operatorId: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  extension: string | null;

  /** The PBX (pbx_tokens.name) and its call id: together unique, so a repeated event never makes a second call. */
  @Column({ type: 'varchar', length: 40, nullable: true })
  pbx: string | null;

  @Column({ type: 'varchar', length: 120, nullable: true })
  externalId: string | null;

  @DateTimeColumn()
  startedAt: Date;

  @DateTimeColumn({ nullable: true })
  answeredAt: Date | null;

  @DateTimeColumn({ nullable: true })
  endedAt: Date | null;

  @Column({ type: 'int', nullable: true })
  waitSeconds: number | null;

  @Column({ type: 'int', nullable: true })
  talkSeconds: number | null;

  @UuidColumn({ nullable: true })
  topicId: string | null;

  @Column({ type: 'text', nullable: true })
  notes: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  outcome: CallOutcome | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  hangupCause: string | null;

  /** Links to the request / ticket created from this call (other contexts' ids, no FK). */
  @UuidColumn({ nullable: true })
  requestId: string | null;

  @UuidColumn({ nullable: true })
  ticketId: string | null;

  @UuidColumn({ nullable: true })
  createdBy: string | null;

  @DateTimeColumn()
  createdAt: Date;

  @DateTimeColumn()
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
