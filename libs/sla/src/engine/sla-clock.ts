/**
 * Pure SLA clock arithmetic over a WorkingCalendar. A target (first response, resolution, forward deadline) is a budget of business
 * milliseconds. The clock runs in segments: `consumedMs` is what earlier segments used, `runningSince` the start of the current one
 * (null while paused or stopped). The due instant is therefore always `addBusinessMillis(runningSince, targetMs - consumedMs)`:
 * pausing keeps the remaining budget, resuming (or reopening) continues it — nothing restarts and nothing breaches instantly.
 *
 * Instants are ISO strings so a clock can live in a JSON column and in job payloads unchanged.
 */
import type { WorkingCalendar } from '../calendar';

export const SLA_TARGETS = ['firstResponse', 'resolution', 'forward'] as const;
export type SlaTarget = (typeof SLA_TARGETS)[number];
export type SlaState = 'ok' | 'warning' | 'breached' | 'met' | 'paused';
export type SlaTimerKind = 'warning' | 'breach';

export interface TargetClock {
  readonly targetMs: number;
  readonly consumedMs: number;
  readonly runningSince: string | null;
  /** Null while paused (the due instant is unknown until the clock resumes) or when met. */
  readonly dueAt: string | null;
  readonly warnAt: string | null;
  readonly warned: boolean;
  readonly breached: boolean;
  readonly metAt: string | null;
}

export interface ClockOptions {
  /** Fraction of the target at which the warning fires (0.75 by default). */
  readonly warnRatio: number;
}

const iso = (d: Date) => d.toISOString();
const at = (s: string) => new Date(s);

/** A new running clock started at `now`. */
export function startClock(cal: WorkingCalendar, targetMs: number, now: Date, options: ClockOptions): TargetClock {
  return schedule(
    cal,
    {
      targetMs,
      consumedMs: 0,
      runningSince: iso(now),
      dueAt: null,
      warnAt: null,
      warned: false,
      breached: false,
      metAt: null,
    },
    options,
  );
}

/** Business ms the clock has used up to `now`. */
export function consumedAt(cal: WorkingCalendar, clock: TargetClock, now: Date): number {
  if (!clock.runningSince) return clock.consumedMs;
  return clock.consumedMs + Math.max(0, cal.businessMillisBetween(at(clock.runningSince), now));
}

/** Stops the clock keeping what it consumed (waiting for the citizen, forwarded when the policy says so, resolved). */
export function pauseClock(cal: WorkingCalendar, clock: TargetClock, now: Date): TargetClock {
  if (!clock.runningSince || clock.metAt) return clock;
  return { ...clock, consumedMs: consumedAt(cal, clock, now), runningSince: null, dueAt: null, warnAt: null };
}

/** Runs the clock again from `now` with the remaining budget. */
export function resumeClock(cal: WorkingCalendar, clock: TargetClock, now: Date, options: ClockOptions): TargetClock {
  if (clock.runningSince) return clock;
  return schedule(cal, { ...clock, metAt: null, runningSince: iso(now) }, options);
}

/** The target is achieved at `now` (first public reply, resolution, forward). Late if it had breached. */
export function meetClock(cal: WorkingCalendar, clock: TargetClock, now: Date): TargetClock {
  if (clock.metAt) return clock;
  const paused = pauseClock(cal, clock, now);
  return { ...paused, metAt: iso(now) };
}

/** A new budget (the policy changed with the category or priority): the consumed time is kept. */
export function retarget(
  cal: WorkingCalendar,
  clock: TargetClock,
  targetMs: number,
  options: ClockOptions,
): TargetClock {
  const next = { ...clock, targetMs };
  return next.runningSince ? schedule(cal, next, options) : next;
}

/** Marks a fired timer; returns null when the timer must not act (clock not running, already marked, or not yet due). */
export function fireTimer(clock: TargetClock, kind: SlaTimerKind, now: Date, toleranceMs = 50): TargetClock | null {
  if (!clock.runningSince || clock.metAt) return null;
  const due = kind === 'warning' ? clock.warnAt : clock.dueAt;
  if (!due || at(due).getTime() - toleranceMs > now.getTime()) return null;
  if (kind === 'warning') return clock.warned ? null : { ...clock, warned: true };
  return clock.breached ? null : { ...clock, breached: true, warned: true };
}

/** What screens show. A breach stays visible while paused or met late (the `breached` flag); `paused` means no clock runs. */
export function clockState(clock: TargetClock): SlaState {
  if (clock.metAt) return 'met';
  if (clock.breached) return 'breached';
  if (!clock.runningSince) return 'paused';
  return clock.warned ? 'warning' : 'ok';
}

/** The timers that should be pending for a clock: each with the instant it fires at. */
export function pendingTimers(clock: TargetClock): Array<{ kind: SlaTimerKind; at: string }> {
  if (!clock.runningSince || clock.metAt) return [];
  const timers: Array<{ kind: SlaTimerKind; at: string }> = [];
  if (!clock.warned && clock.warnAt) timers.push({ kind: 'warning', at: clock.warnAt });
  if (!clock.breached && clock.dueAt) timers.push({ kind: 'breach', at: clock.dueAt });
  return timers;
}

function schedule(cal: WorkingCalendar, clock: TargetClock, options: ClockOptions): TargetClock {
  const since = at(clock.runningSince!);
  const remaining = Math.max(0, clock.targetMs - clock.consumedMs);
  const warnBudget = Math.round(clock.targetMs * options.warnRatio) - clock.consumedMs;
  return {
    ...clock,
    dueAt: iso(cal.addBusinessMillis(since, remaining)),
    warnAt: clock.warned ? null : iso(cal.addBusinessMillis(since, Math.max(0, warnBudget))),
  };
}
