/**
 * The dispatch context's queues and jobs (payload types + which queue). Merged into core's JobMap (declaration
 * merging, below) and, at run time, into the apps' job catalog (apps/composition).
 */
export const DISPATCH_QUEUES = ['dispatch'] as const;

export interface DispatchJobMap {
  /** Picks the nearest eligible office for a leg in `routing`; a no-op when the leg moved on or the attempt changed. */
  'dispatch-route-leg': {
    legId: string;
    attempt: number;
    /** The request's code and creator (immutable), carried to spare the job a read; absent from reconciler jobs, then read. */
    requestCode?: string;
    createdById?: string;
  };
  /** Fires when an office did not accept in time; a no-op when the assignment is no longer pending (re-checked in MySQL). */
  'dispatch-accept-timeout': { assignmentId: string };
  /** Fires at a leg's J+n due date: emits the live overdue flag unless the leg is finished (or its due date moved). */
  'dispatch-leg-overdue': { legId: string; dueAt: string };
}

declare module '@hotline/core' {
  interface JobMap extends DispatchJobMap {}
}

export const DISPATCH_JOB_QUEUE: { readonly [N in keyof DispatchJobMap]: (typeof DISPATCH_QUEUES)[number] } = {
  'dispatch-route-leg': 'dispatch',
  'dispatch-accept-timeout': 'dispatch',
  'dispatch-leg-overdue': 'dispatch',
};
