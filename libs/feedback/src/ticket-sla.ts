/**
 * Derives a ticket's SLA clocks from its facts (status, first response, forward) — pure, so the api and the worker agree.
 * `syncClocks` is called after every change; it starts, pauses, resumes and meets clocks and says whether due instants moved.
 */
import type { SlaStateName, TicketStatus } from '@hotline/contracts';
import type { WorkingCalendar } from '@hotline/calendar';
import {
  type SlaTarget,
  type TargetClock,
  SLA_TARGETS,
  clockState,
  meetClock,
  pauseClock,
  pendingTimers,
  resumeClock,
  retarget,
  startClock,
} from './sla/sla-clock';
import type { TicketClocks } from './entities/ticket.entity';

export interface SlaFacts {
  status: TicketStatus;
  firstResponseAt: Date | null;
  forwardedAt: Date | null;
  pauseWhenForwarded: boolean;
  warnPercent: number;
}

export interface SlaTargetsMs {
  firstResponse: number;
  resolution: number;
  forward: number | null;
}

const MIN = 60_000;
export const minutesToMs = (m: number) => Math.round(m * MIN);

export function initialClocks(
  cal: WorkingCalendar,
  targets: SlaTargetsMs,
  receivedAt: Date,
  warnPercent: number,
): TicketClocks {
  const o = { warnRatio: warnPercent / 100 };
  return {
    firstResponse: startClock(cal, targets.firstResponse, receivedAt, o),
    resolution: startClock(cal, targets.resolution, receivedAt, o),
    forward: targets.forward === null ? null : startClock(cal, targets.forward, receivedAt, o),
  };
}

/** New targets (policy chosen again): consumed time is kept; a target that disappears is dropped. */
export function retargetClocks(
  cal: WorkingCalendar,
  clocks: TicketClocks,
  terms: { targets: SlaTargetsMs; receivedAt: Date; warnPercent: number },
): TicketClocks {
  const { targets, receivedAt } = terms;
  const o = { warnRatio: terms.warnPercent / 100 };
  const next = { ...clocks };
  for (const t of SLA_TARGETS) {
    const ms = targets[t];
    const clock = clocks[t];
    if (ms === null) next[t] = null;
    else if (!clock) next[t] = t === 'forward' ? startClock(cal, ms, receivedAt, o) : null;
    else next[t] = retarget(cal, clock, ms, o);
  }
  return next;
}

/** Brings every clock in line with the facts at `now`. */
export function syncClocks(cal: WorkingCalendar, clocks: TicketClocks, facts: SlaFacts, now: Date): TicketClocks {
  const o = { warnRatio: facts.warnPercent / 100 };
  const closed = facts.status === 'resolved' || facts.status === 'closed';
  const pausedByStatus =
    facts.status === 'waiting_citizen' || (facts.status === 'forwarded' && facts.pauseWhenForwarded);
  const want = (clock: TargetClock | null, met: boolean, paused: boolean): TargetClock | null => {
    if (!clock) return null;
    if (met) return meetClock(cal, clock, now);
    if (paused) return pauseClock(cal, clock, now);
    return resumeClock(cal, clock, now, o);
  };
  // The forward deadline is statutory (receipt + 5 working days): it never pauses; resolving without a forward makes it moot.
  const forward =
    clocks.forward && closed && !facts.forwardedAt && !clocks.forward.metAt
      ? null
      : want(clocks.forward, !!facts.forwardedAt, false);
  return {
    firstResponse: want(
      clocks.firstResponse,
      !!facts.firstResponseAt || closed || !!clocks.firstResponse?.metAt,
      pausedByStatus,
    ),
    resolution: want(clocks.resolution, closed, pausedByStatus),
    forward,
  };
}

export interface ClockColumns {
  firstResponseDueAt: Date | null;
  firstResponseState: SlaStateName | null;
  resolutionDueAt: Date | null;
  resolutionState: SlaStateName | null;
  forwardDueAt: Date | null;
  forwardState: SlaStateName | null;
  nextTimerAt: Date | null;
}

export function clockColumns(clocks: TicketClocks): ClockColumns {
  const due = (c: TargetClock | null) => (c?.dueAt ? new Date(c.dueAt) : null);
  const state = (c: TargetClock | null) => (c ? clockState(c) : null);
  const next = allTimers(clocks).map((t) => Date.parse(t.at));
  return {
    firstResponseDueAt: due(clocks.firstResponse),
    firstResponseState: state(clocks.firstResponse),
    resolutionDueAt: due(clocks.resolution),
    resolutionState: state(clocks.resolution),
    forwardDueAt: due(clocks.forward),
    forwardState: state(clocks.forward),
    nextTimerAt: next.length ? new Date(Math.min(...next)) : null,
  };
}

export function allTimers(clocks: TicketClocks): Array<{ target: SlaTarget; kind: 'warning' | 'breach'; at: string }> {
  return SLA_TARGETS.flatMap((target) =>
    clocks[target] ? pendingTimers(clocks[target]!).map((t) => ({ target, ...t })) : [],
  );
}

/** True when the pending timers differ (instants or set): the version must move so that old timers stop acting. */
export function timersMoved(before: TicketClocks, after: TicketClocks): boolean {
  const key = (c: TicketClocks) => JSON.stringify(allTimers(c));
  return key(before) !== key(after);
}
