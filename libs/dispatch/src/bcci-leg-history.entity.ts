import { Column, Entity, Index } from 'typeorm';
import { DateTimeColumn, UuidColumn, UuidPrimaryColumn } from '@hotline/core';

/** Every state change of a leg: who, when, from, to, why. Written in the same transaction as the change. */
@Entity('bcci_leg_history')
@Index('ix_bcci_leg_history_leg', ['legId', 'at'])
export class BcciLegHistory {
  @UuidPrimaryColumn()
  id: string;

  @UuidColumn()
  legId: string;

  @DateTimeColumn()
  at: Date;

  /** Null for the system (worker: routing, timeouts). */
  @UuidColumn({ nullable: true })
  actorId: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  fromState: string | null;

  @Column({ type: 'varchar', length: 20 })
  toState: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  reason: string | null;

  @Column({ type: 'json', nullable: true })
  data: Record<string, unknown> | null;
}
