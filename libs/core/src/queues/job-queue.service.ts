import { getQueueToken } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Job, JobsOptions, Queue } from 'bullmq';
import { JobCatalog, JobMap, JobName, QueueName, queueNames } from './queue-map';

/** The composed job catalog (job name → queue), provided by QueuesModule.forRoot. */
export const JOB_CATALOG = Symbol('JOB_CATALOG');

export interface EnqueueOptions extends Omit<JobsOptions, 'jobId'> {
  /** Deterministic id from the entity's stable id + attempt/version: re-enqueueing the same work is a no-op. */
  jobId: string;
}

/** Typed producer: the job name decides the queue, the payload type is checked against the job map. */
@Injectable()
export class JobQueue implements OnModuleInit {
  private readonly logger = new Logger(JobQueue.name);
  private readonly queues = new Map<QueueName, Queue>();
  private lastError = 0;

  constructor(
    private readonly moduleRef: ModuleRef,
    @Inject(JOB_CATALOG) private readonly catalog: JobCatalog,
  ) {}

  /** Every queue of the composed catalog. */
  queueNames(): QueueName[] {
    return queueNames(this.catalog);
  }

  /** A queue without an 'error' listener would crash the process when Redis goes away; log (throttled) instead. */
  onModuleInit(): void {
    for (const name of this.queueNames()) {
      this.queue(name).on('error', (err) => {
        if (Date.now() - this.lastError > 10_000) this.logger.warn(`Queue ${name}: ${err.message}`);
        this.lastError = Date.now();
      });
    }
  }

  queue(name: QueueName): Queue {
    let q = this.queues.get(name);
    if (!q) {
      q = this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
      this.queues.set(name, q);
    }
    return q;
  }

  queueOf(name: JobName): QueueName {
    const queue = this.catalog[name];
    if (!queue) throw new Error(`job "${String(name)}" is not in the job catalog (apps/composition)`);
    return queue;
  }

  /** Call after the transaction that created the work has committed, never inside it. */
  async enqueue<N extends JobName>(name: N, data: JobMap[N], options: EnqueueOptions): Promise<Job> {
    return this.queue(this.queueOf(name)).add(name, data, options);
  }

  /** Removes a delayed/waiting job (e.g. a timer whose deadline moved). Active or finished jobs are left alone. */
  async cancel(name: JobName, jobId: string): Promise<boolean> {
    const job = await this.queue(this.queueOf(name)).getJob(jobId);
    if (!job) return false;
    const state = await job.getState();
    if (state !== 'delayed' && state !== 'waiting' && state !== 'prioritized') return false;
    await job.remove();
    return true;
  }
}
