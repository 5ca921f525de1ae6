/**
 * The feedback/SLA context's queues and jobs (payload types + which queue). A leaf file: it imports nothing at runtime,
 * so libs/core can merge it into the one typed job map without an import cycle.
 */
import type { SlaTargetName } from '@hotline/contracts';

export const FEEDBACK_QUEUES = ['sla'] as const;

export interface SlaTimerJob {
  ticketId: string;
  target: SlaTargetName;
  kind: 'warning' | 'breach';
  /** The ticket's sla_version when the timer was armed: a timer of an older version does nothing. */
  version: number;
  /** When it should fire (ISO), to measure lateness. */
  at: string;
}

export interface FeedbackJobMap {
  /** An SLA warning or breach timer of one target of one ticket (delayed job). */
  'sla-timer': SlaTimerJob;
}

export const FEEDBACK_JOB_QUEUE: { readonly [N in keyof FeedbackJobMap]: (typeof FEEDBACK_QUEUES)[number] } = { 'sla-timer': 'sla' };
