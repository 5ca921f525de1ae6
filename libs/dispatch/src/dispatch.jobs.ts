/**
 * The dispatch context's queues and jobs (payload types + which queue). A leaf file: it imports nothing at runtime, so
 * libs/core can merge it into the one typed job map without an import cycle.
 */
export const DISPATCH_QUEUES = ['dispatch'] as const;

// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface DispatchJobMap {}

export const DISPATCH_JOB_QUEUE: { readonly [N in keyof DispatchJobMap]: (typeof DISPATCH_QUEUES)[number] } = {};
