import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, Not } from 'typeorm';
import type { LegEvent } from '@hotline/contracts';
import { Clock, dbManager, jobId, JobOf, JobQueue, Reconcilable, ReconcileContributor, uuidv7 } from '@hotline/core';
import { AdministrativeUnitsService } from '@hotline/geo';
import { BcciAssignment } from './bcci-assignment.entity';
import { BcciLeg } from './bcci-leg.entity';
import { BcciRequest } from './bcci-request.entity';
import { DispatchCalendar } from './dispatch-calendar';
import { DISPATCH_CONFIG, DispatchConfig } from './dispatch-config';
import { LegEventsService } from './leg-events.service';
import { transitionLeg } from './leg-writer';
import { OfficeIndexService } from './office-index.service';
import { plainInsert } from './plain-insert';

/** BullMQ priority: lower runs first. Remote-area legs (letter 659/UBND-KGVX) jump the queue. */
export const REMOTE_PRIORITY = 1;
export const NORMAL_PRIORITY = 5;

export const routeJobId = (legId: string, attempt: number, after: Date | null) =>
  jobId('route', legId, attempt, after ? after.getTime() : 0);
export const timeoutJobId = (assignmentId: string) => jobId('accept-timeout', assignmentId);
export const overdueJobId = (legId: string, dueAt: Date) => jobId('overdue', legId, dueAt.getTime());
const FINISHED: readonly string[] = ['delivered', 'returned_to_agency', 'cancelled'];

export type RouteOutcome = 'stale' | 'assigned' | 'waiting' | 'unroutable';

/** What routing needs of a leg's request: immutable, so a job may carry it. */
export interface RequestRef {
  requestCode: string;
  createdById: string;
}

/**
 * Routing and re-routing of legs. Runs in the worker (route/timeout jobs, reconciler) and in the api (enqueue after
 * commit, reject/accept re-routing). MySQL decides; Redis only carries the timers.
 */
@Injectable()
@ReconcileContributor()
export class RoutingService implements Reconcilable {
  private readonly logger = new Logger(RoutingService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly queue: JobQueue,
    private readonly offices: OfficeIndexService,
    private readonly units: AdministrativeUnitsService,
    private readonly events: LegEventsService,
    @Inject(DISPATCH_CONFIG) private readonly config: DispatchConfig,
    private readonly calendar: DispatchCalendar,
  ) {}

  /** Enqueue after commit: the routing job of a leg's current attempt. */
  async enqueueRoute(
    leg: Pick<BcciLeg, 'id' | 'routingAttempt' | 'routeAfter' | 'remoteArea'>,
    request?: RequestRef,
  ): Promise<void> {
    const job = this.routeJob(leg, request);
    await this.queue.enqueue(job.name, job.data, job.opts);
  }

  /**
   * After the creating transaction commits: each new leg's routing job and overdue timer, in one Redis round trip
   * (BullMQ addBulk; the queue's default job options apply as for a single add).
   */
  async enqueueNewLegs(
    legs: Array<Pick<BcciLeg, 'id' | 'routingAttempt' | 'routeAfter' | 'remoteArea' | 'dueAt'>>,
    request: RequestRef,
  ): Promise<void> {
    await this.queue
      .queue('dispatch')
      .addBulk(legs.flatMap((leg) => [this.routeJob(leg, request), this.overdueJob(leg)]));
  }

  private routeJob(leg: Pick<BcciLeg, 'id' | 'routingAttempt' | 'routeAfter' | 'remoteArea'>, request?: RequestRef) {
    const data: JobOf<'dispatch-route-leg'> = { legId: leg.id, attempt: leg.routingAttempt, ...(request ?? {}) };
    return {
      name: 'dispatch-route-leg' as const,
      data,
      opts: {
        jobId: routeJobId(leg.id, leg.routingAttempt, leg.routeAfter),
        delay: leg.routeAfter ? Math.max(0, leg.routeAfter.getTime() - this.clock.nowMs()) : 0,
        priority: leg.remoteArea ? REMOTE_PRIORITY : NORMAL_PRIORITY,
      },
    };
  }

  private overdueJob(leg: Pick<BcciLeg, 'id' | 'dueAt'>) {
    const data: JobOf<'dispatch-leg-overdue'> = { legId: leg.id, dueAt: leg.dueAt.toISOString() };
    return {
      name: 'dispatch-leg-overdue' as const,
      data,
      opts: { jobId: overdueJobId(leg.id, leg.dueAt), delay: Math.max(0, leg.dueAt.getTime() - this.clock.nowMs()) },
    };
  }

  async enqueueTimeout(a: Pick<BcciAssignment, 'id' | 'deadlineAt'>): Promise<void> {
    if (!a.deadlineAt) return;
    await this.queue.enqueue(
      'dispatch-accept-timeout',
      { assignmentId: a.id },
      { jobId: timeoutJobId(a.id), delay: Math.max(0, a.deadlineAt.getTime() - this.clock.nowMs()) },
    );
  }

  /** The live overdue flag at the leg's due date (no state change: `overdue` is derived from dueAt in the views). */
  async enqueueOverdue(leg: Pick<BcciLeg, 'id' | 'dueAt'>): Promise<void> {
    const job = this.overdueJob(leg);
    await this.queue.enqueue(job.name, job.data, job.opts);
  }

  /** The overdue job: emits to the office, the creating operator and supervisors, unless the leg is finished or its due date moved. */
  async overdue(legId: string, dueAt: string): Promise<'overdue' | 'stale'> {
    const leg = await dbManager(this.db).getRepository(BcciLeg).findOneBy({ id: legId });
    if (
      !leg ||
      FINISHED.includes(leg.state) ||
      leg.dueAt.toISOString() !== dueAt ||
      leg.dueAt.getTime() > this.clock.nowMs()
    )
      return 'stale';
    const request = await dbManager(this.db).getRepository(BcciRequest).findOneByOrFail({ id: leg.requestId });
    this.events.emit(
      'dispatch:leg-overdue',
      {
        legId,
        requestId: leg.requestId,
        requestCode: request.code,
        officeId: leg.officeId,
        assignmentId: null,
        from: leg.state,
        to: leg.state,
        reason: 'past its due date',
        remoteArea: leg.remoteArea,
        deadlineAt: dueAt,
        at: this.clock.now().toISOString(),
      },
      request.createdById,
    );
    return 'overdue';
  }

  /** The acceptance deadline of an offer made at `at`: N working minutes, or the wall-clock override for tests. */
  acceptDeadline(at: Date): Date {
    if (this.config.acceptTimeoutSeconds !== null)
      return new Date(at.getTime() + this.config.acceptTimeoutSeconds * 1000);
    return this.calendar.addBusinessTime(at, this.config.acceptTimeoutMinutes);
  }

  /** The routing job: nearest eligible office now, or wait for the next opening, or unroutable. Idempotent per (leg, attempt). */
  async route(legId: string, attempt: number, known?: RequestRef): Promise<RouteOutcome> {
    // The leg and the office index's freshness check are independent: one round trip's wait instead of two.
    const [leg, index] = await Promise.all([
      dbManager(this.db).getRepository(BcciLeg).findOneBy({ id: legId }),
      this.offices.get(),
    ]);
    if (!leg || leg.state !== 'routing' || leg.routingAttempt !== attempt) return 'stale';
    const request: RequestRef = known?.requestCode && known.createdById ? known : await this.requestRef(leg.requestId);
    const now = this.clock.now();
    const candidates = index.candidates(leg.communeCode);
    // Every ended offer (reject, timeout, manual re-assignment) starts a new attempt: at the first one there is none to exclude.
    const tried =
      attempt > 1
        ? await dbManager(this.db)
            .getRepository(BcciAssignment)
            .find({ where: { legId, state: In(['rejected', 'timed_out', 'withdrawn']) }, select: ['officeId'] })
        : [];
    const excluded = new Set(tried.map((a) => a.officeId));
    const loadToday = await this.loadToday(
      candidates.map((c) => c.id).filter((id) => !excluded.has(id)),
      now,
    );
    const point =
      leg.lat !== null && leg.lng !== null ? { lat: leg.lat, lng: leg.lng } : await this.centroid(leg.communeCode);
    const decision = index.decide({ communeCode: leg.communeCode, point, at: now, excluded, loadToday });

    if (decision.kind === 'wait') {
      const res = await dbManager(this.db)
        .getRepository(BcciLeg)
        .update({ id: legId, state: 'routing', routingAttempt: attempt }, { routeAfter: decision.at });
      if (!res.affected) return 'stale';
      await this.enqueueRoute({ ...leg, routeAfter: decision.at }, request);
      return 'waiting';
    }
    if (decision.kind === 'none') {
      const event = await this.db.transaction((m) =>
        transitionLeg(
          m,
          leg,
          {
            to: 'unroutable',
            actorId: null,
            at: now,
            reason: 'no eligible post office left',
            where: { routingAttempt: attempt },
            changes: { officeId: null, routeAfter: null },
          },
          request.requestCode,
        ),
      );
      this.events.emit('dispatch:escalated', event, request.createdById);
      return 'unroutable';
    }
    const deadline = this.acceptDeadline(now);
    const { event, assignment } = await this.db.transaction((m) =>
      this.offer(m, leg, request.requestCode, decision.officeId, decision.distanceKm, deadline, false, null, now),
    );
    await this.enqueueTimeout(assignment);
    this.events.emit('dispatch:leg-assigned', event, request.createdById);
    return 'assigned';
  }

  /** Creates the pending offer and moves the leg to `assigned` (conditional on its state, version and attempt). */
  async offer(
    m: EntityManager,
    leg: BcciLeg,
    requestCode: string,
    officeId: string,
    distanceKm: number | null,
    deadline: Date | null,
    manual: boolean,
    actorId: string | null,
    now: Date,
  ): Promise<{ event: LegEvent; assignment: BcciAssignment }> {
    // A manual assignment starts a new attempt, so that stale routing jobs of the previous one stay no-ops.
    const attempt = manual ? leg.routingAttempt + 1 : leg.routingAttempt;
    const assignment: BcciAssignment = {
      id: uuidv7(),
      legId: leg.id,
      officeId,
      attempt,
      state: 'pending',
      distanceKm,
      deadlineAt: deadline,
      manual,
      respondedById: null,
      respondedAt: null,
      reason: null,
      createdAt: now,
    };
    const event = await transitionLeg(
      m,
      leg,
      {
        to: 'assigned',
        actorId,
        at: now,
        reason: manual ? 'assigned by a supervisor' : null,
        changes: { officeId, routeAfter: null, routingAttempt: attempt },
        where: manual ? undefined : { routingAttempt: leg.routingAttempt },
        data: { officeId, distanceKm, manual },
      },
      requestCode,
      assignment.id,
    );
    await plainInsert(m, BcciAssignment, [assignment]);
    return { event: { ...event, deadlineAt: deadline?.toISOString() ?? null }, assignment };
  }

  /**
   * Ends a pending offer (timeout, reject) and sends the leg back to routing with the next attempt. A conditional UPDATE on
   * the offer's state makes a late timeout after an accept (or a double reject) a no-op: returns null then.
   */
  async endOffer(
    assignmentId: string,
    outcome: 'timed_out' | 'rejected',
    actorId: string | null,
    reason: string | null,
  ): Promise<LegEvent | null> {
    const now = this.clock.now();
    const result = await this.db.transaction(async (m) => {
      const res = await m
        .createQueryBuilder()
        .update(BcciAssignment)
        .set({ state: outcome, respondedAt: now, respondedById: actorId, reason })
        .where('id = :id AND state = :pending', { id: assignmentId, pending: 'pending' })
        .execute();
      if (!res.affected) return null;
      const a = await m.findOneByOrFail(BcciAssignment, { id: assignmentId });
      const leg = await m.findOneByOrFail(BcciLeg, { id: a.legId });
      const request = await m.findOneByOrFail(BcciRequest, { id: leg.requestId });
      const event = await transitionLeg(
        m,
        leg,
        {
          to: 'routing',
          actorId,
          at: now,
          reason: reason ?? (outcome === 'timed_out' ? 'not accepted in time' : null),
          changes: { officeId: null, routingAttempt: leg.routingAttempt + 1, routeAfter: null },
          data: { assignmentId, outcome, officeId: a.officeId },
        },
        request.code,
        a.id,
      );
      return {
        event,
        leg: { ...leg, routingAttempt: leg.routingAttempt + 1, routeAfter: null },
        createdById: request.createdById,
        officeId: a.officeId,
      };
    });
    if (!result) return null;
    await this.enqueueRoute(result.leg, { requestCode: result.event.requestCode, createdById: result.createdById });
    this.events.emit('dispatch:leg-updated', result.event, result.createdById, result.officeId);
    return result.event;
  }

  /** The timeout job: re-reads MySQL; after an accept (or a reject) it changes nothing. */
  async acceptTimeout(assignmentId: string): Promise<'timed_out' | 'stale'> {
    return (await this.endOffer(assignmentId, 'timed_out', null, null)) ? 'timed_out' : 'stale';
  }

  /** Re-arms routing jobs for legs in `routing` and timeouts for pending offers, from MySQL (deterministic job ids). */
  async reconcile(): Promise<number> {
    let armed = 0;
    const legs = await dbManager(this.db)
      .getRepository(BcciLeg)
      .find({ where: { state: 'routing' }, select: ['id', 'routingAttempt', 'routeAfter', 'remoteArea'] });
    for (const leg of legs) {
      await this.rearm('dispatch', routeJobId(leg.id, leg.routingAttempt, leg.routeAfter), () =>
        this.enqueueRoute(leg),
      );
      armed++;
    }
    const open = await dbManager(this.db)
      .getRepository(BcciLeg)
      .find({ where: { state: Not(In([...FINISHED])) as never }, select: ['id', 'dueAt'] });
    for (const leg of open) {
      await this.rearm('dispatch', overdueJobId(leg.id, leg.dueAt), () => this.enqueueOverdue(leg));
      armed++;
    }
    const pending = await dbManager(this.db)
      .getRepository(BcciAssignment)
      .find({ where: { state: 'pending' }, select: ['id', 'deadlineAt'] });
    for (const a of pending.filter((p) => p.deadlineAt)) {
      await this.rearm('dispatch', timeoutJobId(a.id), () => this.enqueueTimeout(a));
      armed++;
    }
    return armed;
  }

  /** A job that exists is left alone (add is a no-op), except a failed one, which is retried. */
  private async rearm(queueName: 'dispatch', id: string, add: () => Promise<void>): Promise<void> {
    const job = await this.queue.queue(queueName).getJob(id);
    if (job && (await job.isFailed())) {
      await job.retry();
      return;
    }
    await add();
  }

  private async loadToday(officeIds: string[], now: Date): Promise<Map<string, number>> {
    if (!officeIds.length) return new Map();
    const local = now.getTime() + 7 * 3600_000;
    const dayStart = new Date(Math.floor(local / 86400_000) * 86400_000 - 7 * 3600_000);
    const rows = (await dbManager(this.db).query(
      `SELECT office_id AS o, COUNT(*) AS n FROM bcci_assignments WHERE office_id IN (${officeIds.map(() => '?').join(',')}) AND created_at >= ? AND state IN ('pending','accepted') GROUP BY office_id`,
      [...officeIds, dayStart],
    )) as Array<{ o: string; n: number | string }>;
    return new Map(rows.map((r) => [r.o, Number(r.n)]));
  }

  private async requestRef(requestId: string): Promise<RequestRef> {
    const r = await dbManager(this.db)
      .getRepository(BcciRequest)
      .findOneOrFail({ where: { id: requestId }, select: ['code', 'createdById'] });
    return { requestCode: r.code, createdById: r.createdById };
  }

  private async centroid(communeCode: string): Promise<{ lat: number; lng: number }> {
    const unit = await this.units.find(communeCode);
    if (!unit) throw new Error(`commune ${communeCode} disappeared`);
    return { lat: Number(unit.lat), lng: Number(unit.lng) };
  }
}
