import { SetMetadata } from '@nestjs/common';
import type { JobName } from './queue-map';

export const JOB_HANDLER = Symbol('JOB_HANDLER');

/** Marks a provider method as THE handler of one job name. The worker discovers these at boot. */
export const JobHandler = (name: JobName): MethodDecorator => SetMetadata(JOB_HANDLER, name);

export const RECONCILE_CONTRIBUTOR = Symbol('RECONCILE_CONTRIBUTOR');

/**
 * Marks a provider as a reconciler contributor: its `reconcile()` re-enqueues what the database says should be pending
 * and returns how many jobs it (re)armed.
 */
export const ReconcileContributor = (): ClassDecorator => SetMetadata(RECONCILE_CONTRIBUTOR, true);
export interface Reconcilable {
  /** `trigger` lets a contributor make its scheduled passes cheaper than the startup/manual ones (optional to use). */
  reconcile(trigger?: 'schedule' | 'startup' | 'manual'): Promise<number>;
}
