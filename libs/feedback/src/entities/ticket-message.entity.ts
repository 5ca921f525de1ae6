import { Column, Entity, Index } from 'typeorm';
import { DateTimeColumn, UuidColumn, UuidPrimaryColumn } from '@hotline/core';

/** A public reply (the citizen sees its text in the lookup) or an internal note (staff only). */
@Entity('ticket_messages')
@Index('ix_ticket_messages_ticket', ['ticketId', 'createdAt'])
export class TicketMessage {
  @UuidPrimaryColumn()
  id: string;

  @UuidColumn()
  ticketId: string;

  @Column({ type: 'varchar', length: 15, charset: 'ascii', collation: 'ascii_general_ci' })
  kind: 'public_reply' | 'internal_note';

  @Column({ type: 'text' })
  body: string;

  @UuidColumn({ nullable: true })
  authorId: string | null;

  @DateTimeColumn()
  createdAt: Date;
}
