import { Column, Entity, Index } from 'typeorm';
import type { AssignmentState } from '@hotline/contracts';
import { DateTimeColumn, UuidColumn, UuidPrimaryColumn, decimalToNumber } from '@hotline/core';

/** An offer of a leg to one office: pending until accepted, rejected (with reason) or timed out. */
@Entity('bcci_assignments')
@Index('ix_bcci_assignments_leg', ['legId', 'state'])
@Index('ix_bcci_assignments_state_deadline', ['state', 'deadlineAt'])
@Index('ix_bcci_assignments_office_created', ['officeId', 'createdAt'])
export class BcciAssignment {
  @UuidPrimaryColumn()
  id: string;

  @UuidColumn()
  legId: string;

  @UuidColumn()
  officeId: string;

  /** The leg's routing attempt that produced this offer. */
  @Column({ type: 'int' })
  attempt: number;

  @Column({ type: 'varchar', length: 12 })
  state: AssignmentState;

  @Column({ type: 'decimal', precision: 9, scale: 3, nullable: true, transformer: decimalToNumber })
  distanceKm: number | null;

  @DateTimeColumn({ nullable: true })
  deadlineAt: Date | null;

  @Column({ type: 'boolean', default: false })
  manual: boolean;

  @UuidColumn({ nullable: true })
  respondedById: string | null;

  @DateTimeColumn({ nullable: true })
  respondedAt: Date | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  reason: string | null;

  @DateTimeColumn()
  createdAt: Date;
}
