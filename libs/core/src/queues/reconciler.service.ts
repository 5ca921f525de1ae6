import { Injectable, Logger } from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';
import { JobHandler, RECONCILE_CONTRIBUTOR, Reconcilable } from './job-handler.decorator';
import type { JobOf } from './queue-map';

/**
 * MySQL is the source of truth; Redis only holds what can be rebuilt. This repeatable job asks every contributor
 * (one per context that keeps work in Redis) to re-enqueue what the database says is pending. Contributors use
 * deterministic job ids, so running it while everything is healthy changes nothing.
 */
@Injectable()
export class ReconcilerService {
  private readonly logger = new Logger(ReconcilerService.name);

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
  ) {}

  contributors(): Array<{ name: string; instance: Reconcilable }> {
    return this.discovery
      .getProviders()
      .filter((w) => w.metatype && w.instance && this.reflector.get(RECONCILE_CONTRIBUTOR, w.metatype))
      .map((w) => ({ name: (w.metatype as { name: string }).name, instance: w.instance as Reconcilable }));
  }

  @JobHandler('reconcile')
  async run(data: JobOf<'reconcile'>): Promise<Record<string, number>> {
    const result: Record<string, number> = {};
    const failures: string[] = [];
    for (const { name, instance } of this.contributors()) {
      try {
        result[name] = await instance.reconcile(data.trigger);
      } catch (err) {
        failures.push(name);
        this.logger.error({ err }, `Reconcile contributor ${name} failed`);
      }
    }
    const armed = Object.values(result).reduce((a, b) => a + b, 0);
    if (armed > 0 || data.trigger !== 'schedule')
      this.logger.log({ trigger: data.trigger, result }, `Reconciled: ${armed} job(s) re-armed`);
    // A failed contributor fails the job so that BullMQ retries it and the failure is visible on the board.
    if (failures.length) throw new Error(`Reconcile failed for: ${failures.join(', ')}`);
    return result;
  }
}
