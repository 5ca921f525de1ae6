import { Column, Entity, Index } from 'typeorm';
import type { OperatorStatus } from '@hotline/contracts';
import { DateTimeColumn, UuidColumn, UuidPrimaryColumn } from '@hotline/core';

/** A closed period spent in one status, with its duration: time on calls, on break, per shift (reports). */
@Entity('operator_status_periods')
@Index('ix_operator_status_periods_user', ['userId', 'startedAt'])
@Index('ix_operator_status_periods_started', ['startedAt'])
export class OperatorStatusPeriod {
  @UuidPrimaryColumn()
  id: string;

  @UuidColumn()
  userId: string;

  @Column({ type: 'varchar', length: 10 })
  status: OperatorStatus;

  @DateTimeColumn()
  startedAt: Date;

  @DateTimeColumn()
  endedAt: Date;

  @Column({ type: 'int' })
  durationSeconds: number;

  /** Why it ended: the next status's reason (operator, cti:answer, cti:hangup, wrap_up_timer, presence). */
  @Column({ type: 'varchar', length: 60, nullable: true })
  endReason: string | null;
}
