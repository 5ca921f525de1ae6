import type { LegState } from '@hotline/contracts';
import { ConflictError } from '@hotline/core';

/**
 * The leg's one transition table. `routing` is re-entered on reject/timeout; cancel is allowed before pickup only
 * (failed_attempt → cancelled is checked against pickedUp by the service).
 */
export const LEG_TRANSITIONS: Readonly<Record<LegState, readonly LegState[]>> = {
  routing: ['assigned', 'unroutable', 'cancelled'],
  assigned: ['accepted', 'routing', 'cancelled'],
  accepted: ['courier_assigned', 'cancelled'],
  courier_assigned: ['picked_up', 'failed_attempt', 'cancelled'],
  picked_up: ['delivered', 'failed_attempt'],
  failed_attempt: ['courier_assigned', 'picked_up', 'delivered', 'failed_attempt', 'returned_to_agency', 'cancelled'],
  unroutable: ['assigned', 'cancelled'],
  delivered: [],
  returned_to_agency: [],
  cancelled: [],
};

export function canTransition(from: LegState, to: LegState): boolean {
  return LEG_TRANSITIONS[from].includes(to);
}

/** Throws a 409 for an illegal transition. */
export function assertTransition(from: LegState, to: LegState): void {
  if (!canTransition(from, to)) {
    throw new ConflictError(`a leg in state ${from} cannot go to ${to}`, 'ILLEGAL_TRANSITION', { from, to });
  }
}

/** States before pickup: the request can still be cancelled. */
export const CANCELLABLE: readonly LegState[] = [
  'routing',
  'assigned',
  'accepted',
  'courier_assigned',
  'unroutable',
  'failed_attempt',
];
/** States in which the office holds the leg (dispatchers act on it). */
export const OFFICE_STATES: readonly LegState[] = ['accepted', 'courier_assigned', 'picked_up', 'failed_attempt'];
/** Circular 17/2017: the citizen is invited at least twice before the item goes back to the agency. */
export const MIN_FAILED_ATTEMPTS_BEFORE_RETURN = 2;

/** Circular 17/2017: the two invitations must be at least this many working days apart. */
export const MIN_WORKING_DAYS_BETWEEN_ATTEMPTS = 2;

/** The working-calendar operations the return rule needs (WorkingCalendar from @hotline/sla has them). */
export interface AttemptCalendar {
  addWorkingDays(date: Date, n: number): Date;
  localDateOf(t: Date): string;
}

/**
 * May the item go back to the agency? Only after the citizen was invited at least twice, the last invitation on or
 * after the 2nd working day following the first (e.g. Monday then Wednesday; Friday then Tuesday). Returns the reason
 * when not, for a 409 the dispatcher can read.
 */
export function returnToAgencyRefusal(attempts: Date[], calendar: AttemptCalendar): string | null {
  if (attempts.length < MIN_FAILED_ATTEMPTS_BEFORE_RETURN) {
    return `the citizen must be invited at least ${MIN_FAILED_ATTEMPTS_BEFORE_RETURN} times before returning the item (${attempts.length} so far)`;
  }
  const sorted = [...attempts].sort((a, b) => a.getTime() - b.getTime());
  const earliest = calendar.localDateOf(calendar.addWorkingDays(sorted[0], MIN_WORKING_DAYS_BETWEEN_ATTEMPTS));
  const last = calendar.localDateOf(sorted[sorted.length - 1]);
  if (last < earliest) {
    return `the invitations must be at least ${MIN_WORKING_DAYS_BETWEEN_ATTEMPTS} working days apart: invite the citizen again on or after ${earliest.split('-').reverse().join('/')}`;
  }
  return null;
}
