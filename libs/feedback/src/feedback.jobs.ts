/**
 * The feedback/SLA context's queues and jobs (payload types + which queue). Merged into core's JobMap (declaration
 * merging, below) and, at run time, into the apps' job catalog (apps/composition).
 */
import type { SlaTargetName } from '@hotline/contracts';

export const FEEDBACK_QUEUES = ['sla', 'mail'] as const;

export interface SlaTimerJob {
  ticketId: string;
  target: SlaTargetName;
  kind: 'warning' | 'breach';
  /** The ticket's sla_version when the timer was armed: a timer of an older version does nothing. */
  version: number;
  /** Not armed any more (the instant is in MySQL); kept optional for timers queued by an older version. */
  at?: string;
}

export interface SlaPolicyRecomputeJob {
  policyId: string;
  /** The policy's version when it was saved: a job of an older version stops (a newer job recomputes with the newer targets). */
  version: number;
}

export interface MailSendJob {
  /** A row of `mail_outbox`: the job carries only ids, the message itself stays in MySQL. */
  outboxId: string;
  round: number;
  attempt: number;
}

export interface FeedbackJobMap {
  /** An SLA warning or breach timer of one target of one ticket (delayed job). */
  'sla-timer': SlaTimerJob;
  /** An SLA policy was edited: recompute the due times and timers of the open tickets it governs (paged). */
  'sla-policy-recompute': SlaPolicyRecomputeJob;
  /** Deliver one message of the mail outbox over SMTP. */
  'mail-send': MailSendJob;
}

declare module '@hotline/core' {
  interface JobMap extends FeedbackJobMap {}
}

export const FEEDBACK_JOB_QUEUE: { readonly [N in keyof FeedbackJobMap]: (typeof FEEDBACK_QUEUES)[number] } = {
  'sla-timer': 'sla',
  'sla-policy-recompute': 'sla',
  'mail-send': 'mail',
};
