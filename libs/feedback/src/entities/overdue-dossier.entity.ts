import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { DateTimeColumn, UuidColumn } from '@hotline/core';

/**
 * The late-dossier facts of an `overdue_dossier` ticket (Decree 61/2018 art. 19(9), Circular 01/2018 form Mẫu 04). The new due date
 * is set once: the UPDATE is conditional on `new_due_date IS NULL`, so a second attempt (or a race) is a 409.
 */
@Entity('overdue_dossiers')
@Index('ix_overdue_dossiers_agency', ['agencyId'])
export class OverdueDossier {
  @PrimaryColumn({ type: 'char', length: 36, charset: 'ascii', collation: 'ascii_general_ci' })
  ticketId: string;

  @UuidColumn()
  agencyId: string;

  @Column({ type: 'varchar', length: 60 })
  dossierCode: string;

  /** Local date YYYY-MM-DD. */
  @Column({ type: 'char', length: 10, charset: 'ascii', collation: 'ascii_general_ci' })
  originalDueDate: string;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  apologyReason: string | null;

  @Column({ type: 'char', length: 10, charset: 'ascii', collation: 'ascii_general_ci', nullable: true })
  apologySlipDate: string | null;

  @Column({ type: 'char', length: 10, charset: 'ascii', collation: 'ascii_general_ci', nullable: true })
  newDueDate: string | null;

  @DateTimeColumn({ nullable: true })
  newDateSetAt: Date | null;

  @UuidColumn({ nullable: true })
  newDateSetBy: string | null;
}
