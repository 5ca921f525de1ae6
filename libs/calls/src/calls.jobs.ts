/**
 * The calls context's queues and jobs (payload types + which queue). A leaf file: it imports nothing at runtime, so
 * libs/core can merge it into the one typed job map without an import cycle.
 */
export const CALLS_QUEUES = ['calls'] as const;

export interface CallsJobMap {
  /** End of an operator's wrap-up time: back to `available` if the status is still the one that armed the timer. */
  'calls-wrap-up-end': { userId: string; version: number };
  /** The operator's last socket went away `graceSeconds` ago: `offline` unless they came back since. */
  'calls-presence-offline': { userId: string; lostAtMs: number };
}

export const CALLS_JOB_QUEUE: { readonly [N in keyof CallsJobMap]: (typeof CALLS_QUEUES)[number] } = {
  'calls-wrap-up-end': 'calls',
  'calls-presence-offline': 'calls',
};
