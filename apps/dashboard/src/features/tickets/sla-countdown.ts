import type { SlaStateName, SlaTargetName, SlaTargetView, TicketStatus, TicketView } from '@hotline/contracts';
import { TICKET_MACHINE } from '@hotline/contracts';

/**
 * Pure rules of the tickets screens (no browser API: unit-tested in sla-countdown.spec.ts). The api sends instants
 * (due, warn, met, running since); the browser turns them into a state and a countdown every second, so a list ticks
 * and changes colour without asking the server again.
 */

export interface LiveSla {
  state: SlaStateName;
  /** Wall-clock milliseconds to the due instant (negative once breached); null when paused or met. */
  msLeft: number | null;
  /** Business minutes left on a paused clock (the clock does not run, so nothing ticks). */
  pausedMinutesLeft: number | null;
  dueAt: string | null;
  metAt: string | null;
}

const SEVERITY: Record<SlaStateName, number> = { met: -1, paused: -1, ok: 0, warning: 1, breached: 2 };

/** The state of one SLA target at `nowMs`: the server's state, raised by what the clock says now (never lowered). */
export function liveSla(target: SlaTargetView, nowMs: number): LiveSla {
  const base = { dueAt: target.dueAt, metAt: target.metAt };
  if (target.state === 'met') return { ...base, state: 'met', msLeft: null, pausedMinutesLeft: null };
  if (target.state === 'paused' || (!target.runningSince && !target.dueAt)) {
    return {
      ...base,
      state: 'paused',
      msLeft: null,
      pausedMinutesLeft: Math.max(0, target.targetMinutes - target.consumedMinutes),
    };
  }
  const due = target.dueAt ? Date.parse(target.dueAt) : NaN;
  const warn = target.warnAt ? Date.parse(target.warnAt) : NaN;
  let computed: SlaStateName = 'ok';
  if (!Number.isNaN(due) && nowMs >= due) computed = 'breached';
  else if (!Number.isNaN(warn) && nowMs >= warn) computed = 'warning';
  const server: SlaStateName = target.breached ? 'breached' : target.state;
  const state = SEVERITY[server] > SEVERITY[computed] ? server : computed;
  return { ...base, state, msLeft: Number.isNaN(due) ? null : due - nowMs, pausedMinutesLeft: null };
}

/**
 * Which way a running countdown reads: time left, or time over. A breached target always reads "over" (from 0), even if
 * the browser's clock is a little behind the server that declared the breach; an unbreached one never reads "over".
 */
export function countdownDirection(live: LiveSla): { over: boolean; ms: number } | null {
  if (live.msLeft === null) return null;
  return live.state === 'breached'
    ? { over: true, ms: Math.max(0, -live.msLeft) }
    : { over: false, ms: Math.max(0, live.msLeft) };
}

/** `1 ngày 02:03:04` style parts of a duration (absolute value), for the countdown text. */
export function splitCountdown(ms: number): { days: number; clock: string } {
  const total = Math.floor(Math.abs(ms) / 1000);
  const days = Math.floor(total / 86400);
  const h = Math.floor((total % 86400) / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return { days, clock: `${pad(h)}:${pad(m)}:${pad(s)}` };
}

/** Business minutes as `3 giờ 20 phút` parts. */
export function splitMinutes(minutes: number): { hours: number; minutes: number } {
  const total = Math.max(0, Math.round(minutes));
  return { hours: Math.floor(total / 60), minutes: total % 60 };
}

export const SLA_COLORS: Record<SlaStateName, string> = {
  ok: 'green',
  warning: 'orange',
  breached: 'red',
  paused: 'default',
  met: 'blue',
};

/** The target a list shows first: the running one that is due soonest (first response before resolution when tied). */
export function headlineTarget(ticket: TicketView, nowMs: number): { name: SlaTargetName; live: LiveSla } | null {
  const order: SlaTargetName[] = ['firstResponse', 'forward', 'resolution'];
  let best: { name: SlaTargetName; live: LiveSla } | null = null;
  for (const name of order) {
    const target = ticket.sla[name];
    if (!target) continue;
    const live = liveSla(target, nowMs);
    if (live.state === 'met') continue;
    if (!best) best = { name, live };
    else if (live.msLeft !== null && (best.live.msLeft === null || live.msLeft < best.live.msLeft))
      best = { name, live };
  }
  return best;
}

export type TicketFilter = 'mine' | 'all' | 'supervisorQueue' | 'atRisk';

/** Whether a ticket seen live (socket) belongs in the list on screen, so new ones appear and moved ones leave. */
export interface ListFilter {
  filter: TicketFilter;
  /** The signed-in user (the `mine` filter). */
  me: string;
  status?: TicketStatus;
  kind?: string;
  open?: boolean;
}

export function matchesFilter(ticket: TicketView, f: ListFilter, nowMs: number): boolean {
  if (f.status && ticket.status !== f.status) return false;
  if (f.kind && ticket.kind !== f.kind) return false;
  if (f.open && !TICKET_MACHINE.is('open', ticket.status)) return false;
  switch (f.filter) {
    case 'mine':
      return ticket.assigneeId === f.me;
    case 'supervisorQueue':
      return ticket.queue === 'supervisors';
    case 'atRisk':
      // As the api: a settled ticket keeps its recorded breach but is no longer at risk.
      if (!TICKET_MACHINE.is('open', ticket.status)) return false;
      return (['firstResponse', 'resolution', 'forward'] as const).some((n) => {
        const t = ticket.sla[n];
        if (!t) return false;
        const s = liveSla(t, nowMs).state;
        return s === 'warning' || s === 'breached';
      });
    default:
      return true;
  }
}

/** The newest of two versions of one ticket (socket events and REST answers arrive in any order). */
export function newestTicket<T extends TicketView>(a: T | undefined, b: T | undefined): T | undefined {
  if (!a) return b;
  if (!b) return a;
  return b.version >= a.version ? b : a;
}
