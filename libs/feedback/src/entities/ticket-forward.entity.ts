import { Column, Entity, Index } from 'typeorm';
import { DateTimeColumn, UuidColumn, UuidPrimaryColumn } from '@hotline/core';

/** A forward to the competent agency (Decree 20/2008 art. 9): when, to whom, and the agency's answer once it arrives. */
@Entity('ticket_forwards')
@Index('ix_ticket_forwards_ticket', ['ticketId', 'forwardedAt'])
@Index('ix_ticket_forwards_agency', ['agencyId', 'forwardedAt'])
export class TicketForward {
  @UuidPrimaryColumn()
  id: string;

  @UuidColumn()
  ticketId: string;

  @UuidColumn()
  agencyId: string;

  @DateTimeColumn()
  forwardedAt: Date;

  @UuidColumn()
  forwardedBy: string;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  note: string | null;

  @Column({ type: 'text', nullable: true })
  answer: string | null;

  @DateTimeColumn({ nullable: true })
  answeredAt: Date | null;

  @UuidColumn({ nullable: true })
  answerRecordedBy: string | null;
}
