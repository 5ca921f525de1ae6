/** The ticket state machine: one table, one pure function. An illegal move is a 409 (ConflictError ILLEGAL_TRANSITION). */
import type { TicketPriority, TicketStatus } from '@hotline/contracts';
import { TICKET_PRIORITIES } from '@hotline/contracts';
import { ConflictError } from '@hotline/core/errors/domain-errors';

export const TICKET_TRANSITIONS: Readonly<Record<TicketStatus, readonly TicketStatus[]>> = {
  new: ['open', 'waiting_citizen', 'forwarded', 'resolved'],
  open: ['waiting_citizen', 'forwarded', 'resolved'],
  waiting_citizen: ['open', 'forwarded', 'resolved'],
  forwarded: ['open', 'waiting_citizen', 'resolved'],
  resolved: ['closed', 'reopened'],
  reopened: ['open', 'waiting_citizen', 'forwarded', 'resolved'],
  closed: [],
};

export function canTransition(from: TicketStatus, to: TicketStatus): boolean {
  return TICKET_TRANSITIONS[from]?.includes(to) ?? false;
}

export function assertTransition(from: TicketStatus, to: TicketStatus): void {
  if (!canTransition(from, to)) {
    throw new ConflictError(`Illegal transition ${from} → ${to}`, 'ILLEGAL_TRANSITION', { from, to, allowed: TICKET_TRANSITIONS[from] ?? [] });
  }
}

/** Statuses in which the ticket is being worked on (clocks run unless paused). */
export const ACTIVE_STATUSES: readonly TicketStatus[] = ['new', 'open', 'waiting_citizen', 'forwarded', 'reopened'];

/** One step up; urgent stays urgent. */
export function raisePriority(p: TicketPriority): TicketPriority {
  const i = TICKET_PRIORITIES.indexOf(p);
  return TICKET_PRIORITIES[Math.min(i + 1, TICKET_PRIORITIES.length - 1)];
}
