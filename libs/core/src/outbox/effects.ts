import type { RoomName, ServerEventName, ServerEventPayload } from '@hotline/contracts';
import type { JobMap, JobName } from '../queues/queue-map';

/** A job to add once the transaction commits. `runAt` is absolute (epoch ms): a late relay does not delay the timer further. */
export interface JobEffect<N extends JobName = JobName> {
  kind: 'job';
  name: N;
  data: JobMap[N];
  jobId: string;
  runAt?: number;
  priority?: number;
}

/** A delayed or waiting job that no longer makes sense (an accepted offer's timeout). */
export interface CancelJobEffect {
  kind: 'cancel-job';
  name: JobName;
  jobId: string;
}

/** A socket.io event to rooms (or to everybody), through the Redis emitter. */
export interface EmitEffect<E extends ServerEventName = ServerEventName> {
  kind: 'emit';
  rooms: RoomName[] | 'all';
  event: E;
  payload: ServerEventPayload<E>;
}

/** Closes every socket of a user on every api instance (disabled user, password reset, session revoked). */
export interface DisconnectEffect {
  kind: 'disconnect';
  userId: string;
  reason: { code: string; message: string };
}

/**
 * Cached copies to drop in every process once the change committed (core's InvalidationBus): a session revoked, a tariff
 * edited. `keys: null` drops the whole topic.
 */
export interface InvalidateEffect {
  kind: 'invalidate';
  topic: string;
  keys: string[] | null;
}

export type Effect = JobEffect | CancelJobEffect | EmitEffect | DisconnectEffect | InvalidateEffect;
