import type { EntityClass } from '@hotline/core';
/** The feedback context's entities, registered in the one DataSource (composed in apps/composition). */
import { MailOutbox } from './entities/mail-outbox.entity';
import { OverdueDossier } from './entities/overdue-dossier.entity';
import { Agency, FeedbackCategory, SlaPolicy } from './entities/reference.entities';
import { TicketForward } from './entities/ticket-forward.entity';
import { TicketMessage } from './entities/ticket-message.entity';
import { Ticket } from './entities/ticket.entity';

export const FEEDBACK_ENTITIES: EntityClass[] = [
  Ticket,
  TicketMessage,
  TicketForward,
  OverdueDossier,
  FeedbackCategory,
  Agency,
  SlaPolicy,
  MailOutbox,
];
