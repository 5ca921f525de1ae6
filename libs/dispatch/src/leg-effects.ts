import type { LegEvent, RoomName } from '@hotline/contracts';
import { jobId, type Tx } from '@hotline/core';
import type { BcciAssignment } from './bcci-assignment.entity';
import type { BcciLeg } from './bcci-leg.entity';

/**
 * What a dispatch use case records on its unit of work besides rows: the routing, acceptance-timeout and overdue jobs
 * (deterministic ids, so a second add is a no-op), their cancellation, and the leg events with their fan-out rooms.
 * The outbox relay carries them out after the commit.
 */

/** BullMQ priority: lower runs first. Remote-area legs (letter 659/UBND-KGVX) jump the queue. */
export const REMOTE_PRIORITY = 1;
export const NORMAL_PRIORITY = 5;

export const routeJobId = (legId: string, attempt: number, after: Date | null) =>
  jobId('route', legId, attempt, after ? after.getTime() : 0);
export const timeoutJobId = (assignmentId: string) => jobId('accept-timeout', assignmentId);
export const overdueJobId = (legId: string, dueAt: Date) => jobId('overdue', legId, dueAt.getTime());

/** What routing needs of a leg's request: immutable, so a job may carry it. */
export interface RequestRef {
  requestCode: string;
  createdById: string;
}

export type RoutableLeg = Pick<BcciLeg, 'id' | 'routingAttempt' | 'routeAfter' | 'remoteArea'>;

/** The routing job of a leg's current attempt (delayed to `routeAfter` when routing waits for an opening). */
export function routeJob(leg: RoutableLeg, request?: RequestRef) {
  return {
    name: 'dispatch-route-leg' as const,
    data: { legId: leg.id, attempt: leg.routingAttempt, ...(request ?? {}) },
    jobId: routeJobId(leg.id, leg.routingAttempt, leg.routeAfter),
    runAt: leg.routeAfter ?? undefined,
    priority: leg.remoteArea ? REMOTE_PRIORITY : NORMAL_PRIORITY,
  };
}

/** The live overdue flag at the leg's due date (no state change: `overdue` is derived from dueAt in the views). */
export function overdueJob(leg: Pick<BcciLeg, 'id' | 'dueAt'>) {
  return {
    name: 'dispatch-leg-overdue' as const,
    data: { legId: leg.id, dueAt: leg.dueAt.toISOString() },
    jobId: overdueJobId(leg.id, leg.dueAt),
    runAt: leg.dueAt,
  };
}

/** The acceptance timeout of an offer with a deadline. */
export function timeoutJob(a: Pick<BcciAssignment, 'id'> & { deadlineAt: Date }) {
  return {
    name: 'dispatch-accept-timeout' as const,
    data: { assignmentId: a.id },
    jobId: timeoutJobId(a.id),
    runAt: a.deadlineAt,
  };
}

type JobSpec = ReturnType<typeof routeJob> | ReturnType<typeof overdueJob> | ReturnType<typeof timeoutJob>;

export function enqueue(tx: Tx, job: JobSpec): void {
  const { name, data, ...options } = job;
  tx.enqueue(name, data as never, options);
}

export function cancelTimeout(tx: Tx, assignmentId: string): void {
  tx.cancelJob('dispatch-accept-timeout', timeoutJobId(assignmentId));
}

export type LegEventName =
  'dispatch:leg-assigned' | 'dispatch:leg-updated' | 'dispatch:escalated' | 'dispatch:leg-overdue';

/** Who hears about a leg: its office (and the previous one on re-route), the operator who created the request, supervisors. */
export function legRooms(payload: LegEvent, createdById: string | null, previousOfficeId?: string | null): RoomName[] {
  const rooms = new Set<RoomName>(['role:supervisor']);
  if (payload.officeId) rooms.add(`office:${payload.officeId}`);
  if (previousOfficeId) rooms.add(`office:${previousOfficeId}`);
  if (createdById) rooms.add(`user:${createdById}`);
  return [...rooms];
}

export function emitLeg(
  tx: Tx,
  event: LegEventName,
  payload: LegEvent,
  to: { createdById: string | null; previousOfficeId?: string | null },
): void {
  tx.emit(legRooms(payload, to.createdById, to.previousOfficeId), event, payload);
}
