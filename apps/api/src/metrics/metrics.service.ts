import { Injectable, OnModuleInit } from '@nestjs/common';
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { JobQueue } from '@hotline/core';
import { EventsGateway } from '../realtime/events.gateway';

/** Prometheus metrics of this api process, in its own registry (several apps may share a process in tests). */
@Injectable()
export class MetricsService implements OnModuleInit {
  readonly registry = new Registry();
  readonly httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request latency by method, route and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  constructor(
    private readonly queues: JobQueue,
    private readonly gateway: EventsGateway,
  ) {}

  onModuleInit(): void {
    collectDefaultMetrics({ register: this.registry, prefix: 'hotline_' });
    const queues = this.queues;
    new Gauge({
      name: 'queue_jobs',
      help: 'BullMQ jobs by queue and state',
      labelNames: ['queue', 'state'],
      registers: [this.registry],
      async collect() {
        this.reset();
        await Promise.all(
          queues.queueNames().map(async (name) => {
            const counts = await queues
              .queue(name)
              .getJobCounts('waiting', 'active', 'delayed', 'failed', 'prioritized', 'completed');
            for (const [state, n] of Object.entries(counts)) this.set({ queue: name, state }, n);
          }),
        ).catch(() => undefined); // Redis down: the gauge is empty; /health says why
      },
    });
    const gateway = this.gateway;
    new Gauge({
      name: 'socket_connections',
      help: 'socket.io connections open on this api instance',
      registers: [this.registry],
      collect() {
        this.set(gateway.connectedCount());
      },
    });
  }
}
