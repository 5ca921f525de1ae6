import { AddTicketNote } from './add-note.use-case';
import { RecordAgencyAnswer } from './answer-forward.use-case';
import { AssignTicket } from './assign-ticket.use-case';
import { ChangeTicketStatus } from './change-status.use-case';
import { CreateTicket } from './create-ticket.use-case';
import { FireSlaTimer } from './fire-sla-timer.use-case';
import { ForwardTicket } from './forward-ticket.use-case';
import { RecomputePolicyTickets } from './recompute-policy.use-case';
import { RecordApologySlip } from './record-apology.use-case';
import { RecordCsat } from './record-csat.use-case';
import { ReplyToTicket } from './reply-to-ticket.use-case';
import { TakeOverTicket } from './take-over-ticket.use-case';
import { UpdateTicket } from './update-ticket.use-case';

export {
  AddTicketNote,
  AssignTicket,
  ChangeTicketStatus,
  CreateTicket,
  FireSlaTimer,
  ForwardTicket,
  RecomputePolicyTickets,
  RecordAgencyAnswer,
  RecordApologySlip,
  RecordCsat,
  ReplyToTicket,
  TakeOverTicket,
  UpdateTicket,
};
export { TimerNotDueError, type FireOutcome } from './fire-sla-timer.use-case';
export type { RecomputeOutcome } from './recompute-policy.use-case';
export { ChangeTicket, type ChangeTicketInput, type ChangeTicketResult, type TicketChange } from './change-ticket';
export { timerJobId } from './ticket-effects';

/** Every ticket use case (one class per command), for the module's providers. */
export const TICKET_USE_CASES = [
  CreateTicket,
  UpdateTicket,
  ChangeTicketStatus,
  ReplyToTicket,
  AddTicketNote,
  AssignTicket,
  TakeOverTicket,
  ForwardTicket,
  RecordAgencyAnswer,
  RecordApologySlip,
  RecordCsat,
  RecomputePolicyTickets,
  FireSlaTimer,
];
