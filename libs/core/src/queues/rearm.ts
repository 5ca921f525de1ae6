import type { JobsOptions, Queue } from 'bullmq';

export type RearmOutcome = 'armed' | 'present' | 'rearmed';

/**
 * The one re-arm of the reconcilers: makes sure the job `jobId` will run, from what MySQL says is pending. A job still
 * waiting, delayed, prioritized or running is left alone; a missing one is added; a failed one (BullMQ gave up) or a
 * completed one (its work is still pending in MySQL, so that run did not do it) is removed and added again with fresh
 * attempts. Jobs are idempotent, so a race with a job finishing meanwhile only costs a no-op run.
 */
export async function rearmJob(
  queue: Queue,
  job: { name: string; data: unknown; opts: JobsOptions & { jobId: string } },
): Promise<RearmOutcome> {
  const existing = await queue.getJob(job.opts.jobId);
  if (existing) {
    const state = await existing.getState();
    if (state !== 'failed' && state !== 'completed' && state !== 'unknown') return 'present';
    await existing.remove();
  }
  await queue.add(job.name, job.data, job.opts);
  return existing ? 'rearmed' : 'armed';
}
