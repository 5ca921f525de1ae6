import { Column, Entity, Index, VersionColumn } from 'typeorm';
import type { CallbackState } from '@hotline/contracts';
import { DateTimeColumn, UuidColumn, UuidPrimaryColumn } from '@hotline/core';

/**
 * A citizen to call back after a missed/abandoned inbound call. `open_phone` equals `phone` while the task is open
 * and NULL once closed: its unique index enforces "one open callback per number" (NULLs never collide), portable
 * to MySQL 8 without functional indexes.
 */
@Entity('callbacks')
@Index('ux_callbacks_open_phone', ['openPhone'], { unique: true })
@Index('ix_callbacks_state_created', ['state', 'createdAt'])
@Index('ix_callbacks_phone', ['phone', 'createdAt'])
export class Callback {
  @UuidPrimaryColumn()
  id: string;

  @Column({ type: 'varchar', length: 16, charset: 'ascii', collation: 'ascii_bin' })
  phone: string;

  @Column({ type: 'varchar', length: 16, charset: 'ascii', collation: 'ascii_bin', nullable: true })
  openPhone: string | null;

  @UuidColumn({ nullable: true })
  citizenId: string | null;

  @Column({ type: 'varchar', length: 10 })
  state: CallbackState;

  @UuidColumn()
  sourceCallId: string;

  /** How many missed calls from this number while the task was open. */
  @Column({ type: 'int', default: 1 })
  missedCount: number;

  @UuidColumn({ nullable: true })
  assigneeId: string | null;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @DateTimeColumn({ nullable: true })
  lastAttemptAt: Date | null;

  @UuidColumn({ nullable: true })
  closedCallId: string | null;

  @DateTimeColumn({ nullable: true })
  closedAt: Date | null;

  @DateTimeColumn()
  createdAt: Date;

  @DateTimeColumn()
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
