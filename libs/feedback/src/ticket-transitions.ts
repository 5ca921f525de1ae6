/** The ticket state machine: one table, one pure function. An illegal move is a 409 (ConflictError ILLEGAL_TRANSITION). */
import type { TicketStatus } from '@hotline/contracts';
import { raisePriority, TICKET_TRANSITIONS } from '@hotline/contracts';
import { ConflictError } from '@hotline/core';

/** The table lives in @hotline/contracts so that the dashboard offers exactly the moves the server accepts. */
export { TICKET_TRANSITIONS };

export function canTransition(from: TicketStatus, to: TicketStatus): boolean {
  return TICKET_TRANSITIONS[from]?.includes(to) ?? false;
}

export function assertTransition(from: TicketStatus, to: TicketStatus): void {
  if (!canTransition(from, to)) {
    throw new ConflictError(`Illegal transition ${from} → ${to}`, 'ILLEGAL_TRANSITION', {
      from,
      to,
      allowed: TICKET_TRANSITIONS[from] ?? [],
    });
  }
}

/** Statuses in which the ticket is being worked on (clocks run unless paused). */
export const ACTIVE_STATUSES: readonly TicketStatus[] = ['new', 'open', 'waiting_citizen', 'forwarded', 'reopened'];

/** One step up; urgent stays urgent (shared with the dashboard's priority preview). */
export { raisePriority };
