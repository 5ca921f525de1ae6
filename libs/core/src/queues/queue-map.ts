import type { JobsOptions } from 'bullmq';
import type { AnnouncementEvent } from '@hotline/contracts';
// Leaf files of each context (no runtime imports of their own): the contexts declare their jobs, core merges them.
import { CALLS_JOB_QUEUE, CALLS_QUEUES, CallsJobMap } from '@hotline/calls/calls.jobs';
import { DISPATCH_JOB_QUEUE, DISPATCH_QUEUES, DispatchJobMap } from '@hotline/dispatch/dispatch.jobs';
import { FEEDBACK_JOB_QUEUE, FEEDBACK_QUEUES, FeedbackJobMap } from '@hotline/feedback/feedback.jobs';

/** Every queue. One WorkerHost per queue in apps/worker. */
export const QUEUE_NAMES = ['maintenance', 'notifications', ...CALLS_QUEUES, ...DISPATCH_QUEUES, ...FEEDBACK_QUEUES] as const;
export type QueueName = (typeof QUEUE_NAMES)[number];

/**
 * Every job name with its payload type. Adding a job here without exactly one `@JobHandler(name)` in the worker
 * makes the worker refuse to boot.
 */
export interface JobMap extends CallsJobMap, DispatchJobMap, FeedbackJobMap {
  /** Re-arms, from MySQL, whatever should be pending in Redis (routing, timeouts, SLA timers...). */
  reconcile: { trigger: 'schedule' | 'startup' | 'manual' };
  /** Deletes refresh tokens that expired long ago (they are kept a while for reuse detection). */
  'purge-expired-refresh-tokens': Record<string, never>;
  /** Delivers a supervisor's announcement to a room over socket.io. */
  announce: AnnouncementEvent;
}
export type JobName = keyof JobMap;
export type JobOf<N extends JobName> = JobMap[N];

export const JOB_QUEUE: { readonly [N in JobName]: QueueName } = {
  reconcile: 'maintenance',
  'purge-expired-refresh-tokens': 'maintenance',
  announce: 'notifications',
  ...CALLS_JOB_QUEUE,
  ...DISPATCH_JOB_QUEUE,
  ...FEEDBACK_JOB_QUEUE,
};

export const JOB_NAMES = Object.keys(JOB_QUEUE) as JobName[];

/** Default job options, in one place: retries with exponential backoff, bounded history in Redis. */
export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 6,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { count: 2000, age: 24 * 3600 },
  removeOnFail: { count: 5000, age: 14 * 24 * 3600 },
};

/** BullMQ job ids may not contain ':' (its key separator); ids are built from stable entity ids + attempt/version. */
export function jobId(...parts: Array<string | number>): string {
  return parts.map((p) => String(p).replace(/:/g, '_')).join('__');
}
