import { Injectable } from '@nestjs/common';
import { vnDayStart } from '@hotline/contracts';
import type { JobOf } from '@hotline/core';
import { AdministrativeUnitsService } from '@hotline/geo';
import type { BcciLeg } from '../bcci-leg.entity';
import { DispatchKit } from '../dispatch-kit';
import { emitLeg, enqueue, type RequestRef, routeJob } from '../leg-effects';
import type { OfficeIndex, Point, RoutingDecision } from '../office-index';
import { OfficeIndexService } from '../office-index.service';
import { OfferLeg } from './offer-leg';

export type RouteOutcome = 'stale' | 'assigned' | 'waiting' | 'unroutable';

/**
 * The routing job (worker): the nearest eligible office now (offer), or wait in `routing` for the next opening (a delayed
 * job), or `unroutable` (escalated to supervisors). Idempotent per (leg, attempt): the reads run on the pool, the write in
 * one unit of work conditional on the leg's state, version and attempt.
 */
@Injectable()
export class RouteLeg {
  constructor(
    private readonly kit: DispatchKit,
    private readonly offices: OfficeIndexService,
    private readonly units: AdministrativeUnitsService,
    private readonly offers: OfferLeg,
  ) {}

  async execute(job: JobOf<'dispatch-route-leg'>): Promise<RouteOutcome> {
    // The leg and the office index's freshness check are independent: one round trip's wait instead of two.
    const { records, clock, uow } = this.kit;
    const [leg, index] = await Promise.all([records.legs.find(job.legId), this.offices.get()]);
    if (!leg || leg.state !== 'routing' || leg.routingAttempt !== job.attempt) return 'stale';
    const request: RequestRef =
      job.requestCode && job.createdById
        ? { requestCode: job.requestCode, createdById: job.createdById }
        : await records.requests.ref(leg.requestId);
    const now = clock.now();
    const decision = await this.decide(leg, index, now);
    if (decision.kind === 'wait') return this.wait(leg, decision.at, request);
    if (decision.kind === 'none') return this.escalate(leg, request, now);
    const deadline = this.offers.deadlineFrom(now);
    return uow.run(async (tx) => {
      await this.offers.offer(tx, {
        leg,
        request,
        officeId: decision.officeId,
        distanceKm: decision.distanceKm,
        deadline,
        manual: false,
        actorId: null,
        now,
      });
      return 'assigned' as const;
    });
  }

  private async decide(leg: BcciLeg, index: OfficeIndex, now: Date): Promise<RoutingDecision> {
    // Every ended offer (reject, timeout, manual re-assignment) starts a new attempt: at the first one there is none to exclude.
    const { assignments } = this.kit.records;
    const excluded = new Set(leg.routingAttempt > 1 ? await assignments.triedOffices(leg.id) : []);
    const candidates = index
      .candidates(leg.communeCode)
      .map((c) => c.id)
      .filter((id) => !excluded.has(id));
    const loadToday = await assignments.loadSince(candidates, vnDayStart(now));
    const point: Point =
      leg.lat !== null && leg.lng !== null ? { lat: leg.lat, lng: leg.lng } : await this.centroid(leg.communeCode);
    return index.decide({ communeCode: leg.communeCode, point, at: now, excluded, loadToday });
  }

  /** Eligible offices exist but none can take the leg now: the next attempt at the next opening (still `routing`). */
  private wait(leg: BcciLeg, at: Date, request: RequestRef): Promise<RouteOutcome> {
    return this.kit.uow.run(async (tx) => {
      if (!(await this.kit.records.legs.setRouteAfter(leg.id, leg.routingAttempt, at))) return 'stale' as const;
      enqueue(tx, routeJob({ ...leg, routeAfter: at }, request));
      return 'waiting' as const;
    });
  }

  private escalate(leg: BcciLeg, request: RequestRef, now: Date): Promise<RouteOutcome> {
    return this.kit.uow.run(async (tx) => {
      const event = await this.kit.transitions.apply(tx, leg, {
        to: 'unroutable',
        actorId: null,
        at: now,
        reason: 'no eligible post office left',
        routingAttempt: leg.routingAttempt,
        changes: { officeId: null, routeAfter: null },
        requestCode: request.requestCode,
      });
      emitLeg(tx, 'dispatch:escalated', event, { createdById: request.createdById });
      return 'unroutable' as const;
    });
  }

  private async centroid(communeCode: string): Promise<Point> {
    const unit = await this.units.find(communeCode);
    if (!unit) throw new Error(`commune ${communeCode} disappeared`);
    return { lat: Number(unit.lat), lng: Number(unit.lng) };
  }
}
