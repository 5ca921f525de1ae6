/**
 * The calls context's queues and jobs (payload types + which queue). A leaf file: it imports nothing at runtime, so
 * libs/core can merge it into the one typed job map without an import cycle.
 */
export const CALLS_QUEUES = ['calls'] as const;

// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface CallsJobMap {}

export const CALLS_JOB_QUEUE: { readonly [N in keyof CallsJobMap]: (typeof CALLS_QUEUES)[number] } = {};
