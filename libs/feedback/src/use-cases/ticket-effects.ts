import type { TicketView } from '@hotline/contracts';
import { jobId, type Tx } from '@hotline/core';
import type { SlaTimerJob } from '../feedback.jobs';
import type { Ticket, TicketClocks } from '../entities/ticket.entity';
import { allTimers } from '../ticket-sla';

export const timerJobId = (ticketId: string, target: string, kind: string, version: number) =>
  jobId('sla', ticketId, target, kind, `v${version}`);

/** A ticket's pending SLA timers as jobs (ids and the version only: the instant is in MySQL, the handler re-reads it). */
export function timerJobs(ticket: Pick<Ticket, 'id' | 'slaClocks' | 'slaVersion'>) {
  return allTimers(ticket.slaClocks).map((t) => ({
    data: { ticketId: ticket.id, target: t.target, kind: t.kind, version: ticket.slaVersion } satisfies SlaTimerJob,
    jobId: timerJobId(ticket.id, t.target, t.kind, ticket.slaVersion),
    runAt: new Date(t.at),
  }));
}

/**
 * The timers of a ticket whose due instants moved (or of a new ticket), on the unit of work: the jobs of the previous version
 * are cancelled (they would find a newer version and do nothing anyway), those of the current one armed after the commit.
 */
export function recordTimers(
  tx: Tx,
  ticket: Pick<Ticket, 'id' | 'slaClocks' | 'slaVersion'>,
  previous?: { version: number; clocks: TicketClocks },
): void {
  if (previous && previous.version !== ticket.slaVersion) {
    for (const t of allTimers(previous.clocks))
      tx.cancelJob('sla-timer', timerJobId(ticket.id, t.target, t.kind, previous.version));
  }
  for (const job of timerJobs(ticket)) tx.enqueue('sla-timer', job.data, { jobId: job.jobId, runAt: job.runAt });
}

/** Tells the operators' and supervisors' screens (they re-fetch on reconnect: the event is a hint with the new state). */
export function emitTicketChanged(tx: Tx, ticket: TicketView, action: string): void {
  tx.emit(['role:operator', 'role:supervisor'], 'ticket:changed', { ticket, action });
}
