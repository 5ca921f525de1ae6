import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import type { Job } from 'bullmq';
import { JOB_HANDLER } from './job-handler.decorator';
import { JOB_CATALOG } from './job-queue.service';
import type { JobCatalog, JobName } from './queue-map';

type Handler = (data: unknown, job: Job) => Promise<unknown>;

export class JobRegistryError extends Error {}

/** The map job name → handler, built by discovery; the worker processors dispatch through it. */
@Injectable()
export class JobRegistry implements OnModuleInit {
  private readonly logger = new Logger(JobRegistry.name);
  private readonly handlers = new Map<JobName, Handler>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
    @Inject(JOB_CATALOG) private readonly catalog: JobCatalog,
  ) {}

  onModuleInit(): void {
    const found = new Map<JobName, string[]>();
    const bound = new Map<JobName, Handler>();
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object' || !wrapper.isDependencyTreeStatic()) continue;
      const proto = Object.getPrototypeOf(instance);
      for (const method of this.scanner.getAllMethodNames(proto)) {
        const name = this.reflector.get<JobName | undefined>(JOB_HANDLER, proto[method]);
        if (!name) continue;
        found.set(name, [...(found.get(name) ?? []), `${proto.constructor.name}.${method}`]);
        bound.set(name, (proto[method] as Handler).bind(instance));
      }
    }
    JobRegistry.assertComplete(found, Object.keys(this.catalog));
    for (const [name, handler] of bound) this.handlers.set(name, handler);
    this.logger.log(`${this.handlers.size} job handlers registered`);
  }

  /** Boot fails when a job name has no handler, two handlers, or a handler for a name that is not in the job map. */
  static assertComplete(found: Map<string, string[]>, names: readonly string[]): void {
    const problems: string[] = [];
    for (const name of names) {
      const where = found.get(name) ?? [];
      if (where.length === 0) problems.push(`job "${name}" has no handler`);
      if (where.length > 1) problems.push(`job "${name}" has ${where.length} handlers: ${where.join(', ')}`);
    }
    for (const name of found.keys()) {
      if (!names.includes(name)) problems.push(`handler for unknown job "${name}"`);
    }
    if (problems.length) throw new JobRegistryError(`Job handlers are wrong:\n  - ${problems.join('\n  - ')}`);
  }

  async dispatch(job: Job): Promise<unknown> {
    const handler = this.handlers.get(job.name as JobName);
    if (!handler) throw new JobRegistryError(`No handler for job "${job.name}"`);
    return handler(job.data, job);
  }
}
