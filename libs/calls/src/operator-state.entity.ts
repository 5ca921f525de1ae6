import { Column, Entity, PrimaryColumn, VersionColumn } from 'typeorm';
import type { OperatorStatus } from '@hotline/contracts';
import { DateTimeColumn } from '@hotline/core';

/** An operator's current status (one row per operator); every change closes a history row. */
@Entity('operator_states')
export class OperatorState {
  @PrimaryColumn({ type: 'char', length: 36, charset: 'ascii', collation: 'ascii_general_ci' })
  userId: string;

  @Column({ type: 'varchar', length: 10 })
  status: OperatorStatus;

  @DateTimeColumn()
  since: Date;

  @Column({ type: 'varchar', length: 60, nullable: true })
  reason: string | null;

  /** When the operator's last socket went away (null while connected): the offline timer fires only if still equal. */
  @DateTimeColumn({ nullable: true })
  disconnectedAt: Date | null;

  @VersionColumn()
  version: number;
}
