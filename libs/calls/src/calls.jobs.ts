/**
 * The calls context's queues and jobs (payload types + which queue). Merged into core's JobMap (declaration
 * merging, below) and, at run time, into the apps' job catalog (apps/composition).
 */
export const CALLS_QUEUES = ['calls'] as const;

export interface CallsJobMap {
  /** End of an operator's wrap-up time: back to `available` if the status is still the one that armed the timer. */
  'calls-wrap-up-end': { userId: string; version: number };
  /** The operator's last socket went away `graceSeconds` ago: `offline` unless they came back since. */
  'calls-presence-offline': { userId: string; lostAtMs: number };
}

declare module '@hotline/core' {
  interface JobMap extends CallsJobMap {}
}

export const CALLS_JOB_QUEUE: { readonly [N in keyof CallsJobMap]: (typeof CALLS_QUEUES)[number] } = {
  'calls-wrap-up-end': 'calls',
  'calls-presence-offline': 'calls',
};
