import type { JobsOptions } from 'bullmq';
import type { AnnouncementEvent } from '@hotline/contracts';

/**
 * Every job name with its payload type. Core declares its own jobs here; each context adds its jobs to this interface from
 * its `<context>.jobs.ts` (`declare module '@hotline/core' { interface JobMap extends CallsJobMap {} }`), so a producer
 * anywhere is type-checked against the payload without core importing any context. The runtime side — which queue runs
 * which job — is the `JobCatalog` the apps compose (apps/composition) and hand to `CoreModule.forRoot`.
 */
export interface JobMap {
  /** Re-arms, from MySQL, whatever should be pending in Redis (routing, timeouts, SLA timers...). */
  reconcile: { trigger: 'schedule' | 'startup' | 'manual' };
  /** Delivers a supervisor's announcement to a room over socket.io. */
  announce: AnnouncementEvent;
}
export type JobName = keyof JobMap;
export type JobOf<N extends JobName> = JobMap[N];
export type QueueName = string;

/** Which queue runs each job: one entry per job name (a context exports its part; the apps merge them). */
export type JobCatalog = { readonly [N in JobName]: QueueName };

/** Core's own jobs and their queues. */
export const CORE_JOB_QUEUE = { reconcile: 'maintenance', announce: 'notifications' } as const satisfies Partial<
  Record<JobName, QueueName>
>;

/** The distinct queues of a catalog, in a stable order. */
export function queueNames(catalog: Partial<Record<string, QueueName>>): QueueName[] {
  return [...new Set(Object.values(catalog) as QueueName[])].sort();
}

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
