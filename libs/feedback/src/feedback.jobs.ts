/**
 * The feedback/SLA context's queues and jobs (payload types + which queue). A leaf file: it imports nothing at runtime,
 * so libs/core can merge it into the one typed job map without an import cycle.
 */
export const FEEDBACK_QUEUES = ['sla'] as const;

// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface FeedbackJobMap {}

export const FEEDBACK_JOB_QUEUE: { readonly [N in keyof FeedbackJobMap]: (typeof FEEDBACK_QUEUES)[number] } = {};
