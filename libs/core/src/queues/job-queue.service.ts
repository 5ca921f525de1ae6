import { getQueueToken } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Job, JobsOptions, Queue } from 'bullmq';
import { JOB_QUEUE, JobMap, JobName, QueueName } from './queue-map';

export interface EnqueueOptions extends Omit<JobsOptions, 'jobId'> {
  /** Deterministic id from the entity's stable id + attempt/version: re-enqueueing the same work is a no-op. */
  jobId: string;
}

/** Typed producer: the job name decides the queue, the payload type is checked against the job map. */
@Injectable()
export class JobQueue {
  private readonly queues = new Map<QueueName, Queue>();

  constructor(private readonly moduleRef: ModuleRef) {}

  queue(name: QueueName): Queue {
    let q = this.queues.get(name);
    if (!q) {
      q = this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
      this.queues.set(name, q);
    }
    return q;
  }

  /** Call after the transaction that created the work has committed, never inside it. */
  async enqueue<N extends JobName>(name: N, data: JobMap[N], options: EnqueueOptions): Promise<Job> {
    return this.queue(JOB_QUEUE[name]).add(name, data, options);
  }

  /** Removes a delayed/waiting job (e.g. a timer whose deadline moved). Active or finished jobs are left alone. */
  async cancel(name: JobName, jobId: string): Promise<boolean> {
    const job = await this.queue(JOB_QUEUE[name]).getJob(jobId);
    if (!job) return false;
    const state = await job.getState();
    if (state !== 'delayed' && state !== 'waiting' && state !== 'prioritized') return false;
    await job.remove();
    return true;
  }
}
