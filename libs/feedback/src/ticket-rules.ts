/**
 * The pure rules of a ticket change, shared by every use case: the status machine of contracts, the automatic opening on
 * work, the policy snapshot a ticket keeps, the history data of its clocks, its code.
 */
import { randomInt } from 'node:crypto';
import { TICKET_MACHINE, type TicketStatus, vnLocalDate } from '@hotline/contracts';
import { assertTransition, ConflictError } from '@hotline/core';
import type { WorkingCalendar } from '@hotline/calendar';
import type { SlaPolicy } from './entities/reference.entities';
import type { Ticket, TicketClocks } from './entities/ticket.entity';
import { pauseClock } from './sla/sla-clock';
import { minutesToMs, type SlaTargetsMs } from './ticket-sla';

/** One history row of a ticket change (the ticket, the actor and the instant are added by the change path). */
export interface TicketHistoryInput {
  action: string;
  from?: string | null;
  to?: string | null;
  reason?: string | null;
  data?: Record<string, unknown> | null;
}

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A 409 ILLEGAL_TRANSITION unless the machine allows `from → to`. */
export function assertTicketMove(from: TicketStatus, to: TicketStatus): void {
  assertTransition(TICKET_MACHINE, from, to);
}

/** A closed ticket takes no change (reply, note, assignment, edit): 409. */
export function assertNotFrozen(t: Pick<Ticket, 'status'>): void {
  if (TICKET_MACHINE.is('frozen', t.status)) throw new ConflictError('The ticket is closed', 'ILLEGAL_TRANSITION');
}

/** The status and the instants that go with it. */
export function setStatus(t: Ticket, to: TicketStatus, now: Date): void {
  t.status = to;
  if (to === 'resolved') t.resolvedAt = now;
  if (to === 'closed') t.closedAt = now;
  if (to === 'reopened') {
    t.resolvedAt = null;
    t.closedAt = null;
  }
}

/** Work started on a new ticket (assignment, a reply) opens it. */
export function openOnWork(t: Ticket, now: Date): TicketHistoryInput[] {
  if (!TICKET_MACHINE.is('opensOnWork', t.status)) return [];
  const from = t.status;
  assertTicketMove(from, 'open');
  setStatus(t, 'open', now);
  return [{ action: 'status_changed', from, to: 'open', reason: 'work started' }];
}

/** The policy's terms the ticket keeps (a later edit of the policy is applied by the recompute job). */
export function applyPolicy(t: Ticket, p: SlaPolicy): void {
  t.policyId = p.id;
  t.calendarId = p.calendarId;
  t.warnPercent = p.warnPercent;
  t.pauseWhenForwarded = p.pauseWhenForwarded;
  t.escalation = p.escalation;
}

export function targetsOf(p: SlaPolicy): SlaTargetsMs {
  return {
    firstResponse: minutesToMs(p.firstResponseMinutes),
    resolution: minutesToMs(p.resolutionMinutes),
    forward: p.forwardMinutes === null ? null : minutesToMs(p.forwardMinutes),
  };
}

/** Does the ticket already follow these terms of its policy (nothing to recompute)? */
export function followsPolicy(t: Ticket, p: SlaPolicy): boolean {
  const targets = targetsOf(p);
  return (
    t.calendarId === p.calendarId &&
    t.warnPercent === p.warnPercent &&
    t.pauseWhenForwarded === p.pauseWhenForwarded &&
    t.escalation === p.escalation &&
    (t.slaClocks.firstResponse?.targetMs ?? targets.firstResponse) === targets.firstResponse &&
    (t.slaClocks.resolution?.targetMs ?? targets.resolution) === targets.resolution &&
    (t.slaClocks.forward?.targetMs ?? null) === targets.forward
  );
}

export function pauseAll(cal: WorkingCalendar, clocks: TicketClocks, now: Date): TicketClocks {
  return {
    firstResponse: clocks.firstResponse && pauseClock(cal, clocks.firstResponse, now),
    resolution: clocks.resolution && pauseClock(cal, clocks.resolution, now),
    forward: clocks.forward && pauseClock(cal, clocks.forward, now),
  };
}

export function clockData(t: Ticket): Record<string, unknown> {
  return {
    slaVersion: t.slaVersion,
    firstResponseDueAt: t.firstResponseDueAt?.toISOString() ?? null,
    resolutionDueAt: t.resolutionDueAt?.toISOString() ?? null,
    forwardDueAt: t.forwardDueAt?.toISOString() ?? null,
  };
}

/** e.g. PA260301-K7QX2: the Gia Lai local date of receipt + 5 random characters without look-alikes (0/O, 1/I). */
export function ticketCode(now: Date): string {
  const day = vnLocalDate(now).slice(2).replace(/-/g, '');
  let rand = '';
  for (let i = 0; i < 5; i++) rand += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return `PA${day}-${rand}`;
}

export function isRealDate(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
