import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { ACTIVE_LEG_STATES } from '@hotline/contracts';
import type {
  LegEvent,
  LegPage,
  LegRequestSummary,
  LegState,
  LegView,
  RemittanceView,
  UnremittedRow,
} from '@hotline/contracts';
import {
  AuthUser,
  Clock,
  ConflictError,
  dbManager,
  ForbiddenError,
  JobQueue,
  NotFoundError,
  uuidv7,
  ValidationError,
  writeAudit,
} from '@hotline/core';
import { PostOfficesService } from '@hotline/geo';
import { BcciAssignment } from './bcci-assignment.entity';
import { BcciLegHistory } from './bcci-leg-history.entity';
import { BcciLeg } from './bcci-leg.entity';
import { BcciRemittance } from './bcci-remittance.entity';
import { BcciRequest } from './bcci-request.entity';
import type { CourierDto, DeliverDto, ListLegsQuery, PickupDto, RemittanceDto } from './dispatch.dto';
import { LegEventsService } from './leg-events.service';
import { CANCELLABLE, returnToAgencyRefusal } from './leg-state';
import { TransitionInput, transitionLeg } from './leg-writer';
import { DispatchCalendar } from './dispatch-calendar';
import { RoutingService, timeoutJobId } from './routing.service';
import { legView, loadLegExtras } from './views';
import { UnremittedLine, unremittedCsv } from './unremitted-csv';
import { vnLocalDate } from './pricing';

/**
 * The dispatcher's screen: offers (accept/reject), the delivery lifecycle, fees and remittances. A dispatcher's office scope
 * is applied inside the queries: another office's leg is "not found".
 */
@Injectable()
export class LegsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly routing: RoutingService,
    private readonly events: LegEventsService,
    private readonly queue: JobQueue,
    private readonly offices: PostOfficesService,
    private readonly calendar: DispatchCalendar,
  ) {}

  /** Newest change first, limit + offset with the total (the list moves while it is read: a client re-fetches on live events). */
  async list(query: ListLegsQuery, user: AuthUser): Promise<LegPage> {
    const limit = query.limit ?? 100;
    const offset = query.offset ?? 0;
    const qb = dbManager(this.db)
      .getRepository(BcciLeg)
      .createQueryBuilder('l')
      .orderBy('l.updated_at', 'DESC')
      .addOrderBy('l.id', 'DESC')
      .limit(limit)
      .offset(offset);
    const officeId = this.scopeOffice(user) ?? query.officeId;
    if (officeId) qb.andWhere('l.office_id = :officeId', { officeId });
    if (query.state) qb.andWhere('l.state = :state', { state: query.state });
    if (query.active) qb.andWhere('l.state IN (:...active)', { active: [...ACTIVE_LEG_STATES] });
    if (query.unremitted) qb.andWhere('l.fee_collected > 0 AND l.remittance_id IS NULL');
    const [legs, total] = await Promise.all([
      qb.getMany(),
      qb.clone().orderBy().limit(undefined).offset(undefined).getCount(),
    ]);
    const [requests, extras] = await Promise.all([
      this.requests(legs.map((l) => l.requestId)),
      loadLegExtras(dbManager(this.db), legs),
    ]);
    const now = this.clock.now();
    return {
      items: legs.map((l) =>
        legView(l, requests.get(l.requestId)?.code ?? '', now, undefined, requests.get(l.requestId)?.summary, extras),
      ),
      total,
      limit,
      offset,
    };
  }

  async get(id: string, user: AuthUser): Promise<LegView> {
    const leg = await this.scopedLeg(dbManager(this.db), id, user);
    const assignments = await dbManager(this.db)
      .getRepository(BcciAssignment)
      .find({ where: { legId: id }, order: { createdAt: 'ASC' } });
    const [requests, extras] = await Promise.all([
      this.requests([leg.requestId]),
      loadLegExtras(dbManager(this.db), [leg], assignments),
    ]);
    const own = this.scopeOffice(user);
    const r = requests.get(leg.requestId);
    return legView(
      leg,
      r?.code ?? '',
      this.clock.now(),
      own ? assignments.filter((a) => a.officeId === own) : assignments,
      r?.summary,
      extras,
    );
  }

  /** Accept the pending offer of the dispatcher's office. Two dispatchers at once: the conditional UPDATE lets one win, the other gets 409. */
  async accept(legId: string, user: AuthUser): Promise<LegView> {
    const now = this.clock.now();
    const { event, createdById, assignmentId } = await this.db.transaction(async (m) => {
      const { leg, assignment } = await this.pendingOffer(m, legId, user);
      const res = await m
        .createQueryBuilder()
        .update(BcciAssignment)
        .set({ state: 'accepted', respondedAt: now, respondedById: user.id })
        .where('id = :id AND state = :pending', { id: assignment.id, pending: 'pending' })
        .execute();
      if (!res.affected) throw new ConflictError('this offer was already answered (accepted, rejected or timed out)');
      const request = await m.findOneByOrFail(BcciRequest, { id: leg.requestId });
      const ev = await transitionLeg(
        m,
        leg,
        { to: 'accepted', actorId: user.id, at: now },
        request.code,
        assignment.id,
      );
      return { event: ev, createdById: request.createdById, assignmentId: assignment.id };
    });
    await this.queue.cancel('dispatch-accept-timeout', timeoutJobId(assignmentId)).catch(() => false);
    this.events.emit('dispatch:leg-updated', event, createdById);
    return this.get(legId, user);
  }

  /** Reject with a reason: the offer ends and the leg is re-routed to the next nearest eligible office. */
  async reject(legId: string, reason: string, user: AuthUser): Promise<LegView> {
    const { assignment } = await this.pendingOffer(dbManager(this.db), legId, user);
    const event = await this.routing.endOffer(assignment.id, 'rejected', user.id, reason);
    if (!event) throw new ConflictError('this offer was already answered (accepted, rejected or timed out)');
    await this.queue.cancel('dispatch-accept-timeout', timeoutJobId(assignment.id)).catch(() => false);
    return this.get(legId, { ...user, role: 'supervisor', officeId: null });
  }

  /** A supervisor assigns an office by hand (an unroutable leg, or one still routing). The office still accepts it; no timeout. */
  async assignManually(legId: string, officeId: string, user: AuthUser): Promise<LegView> {
    if (!(await this.offices.exists(officeId)))
      throw new ValidationError(`officeId: unknown post office ${officeId}`, {
        field: 'officeId',
        constraint: 'exists',
      });
    const now = this.clock.now();
    const result = await this.db.transaction(async (m) => {
      const leg = await m.findOneBy(BcciLeg, { id: legId });
      if (!leg) throw new NotFoundError('Leg', legId);
      if (leg.state !== 'unroutable' && leg.state !== 'routing')
        throw new ConflictError(`a leg in state ${leg.state} cannot be assigned by hand (only routing or unroutable)`);
      const request = await m.findOneByOrFail(BcciRequest, { id: leg.requestId });
      const { event } = await this.routing.offer(m, leg, request.code, officeId, null, null, true, user.id, now);
      return { event, createdById: request.createdById };
    });
    this.events.emit('dispatch:leg-assigned', result.event, result.createdById);
    return this.get(legId, user);
  }

  async assignCourier(legId: string, dto: CourierDto, user: AuthUser): Promise<LegView> {
    return this.change(legId, user, ['accepted', 'failed_attempt'], () => ({
      to: 'courier_assigned',
      changes: { courierName: dto.courierName },
    }));
  }

  /** Decision 45 art. 6: the checklist is recorded at pickup (missing documents, slip signed by both, sealed in front of the citizen, receipt). */
  async pickUp(legId: string, dto: PickupDto, user: AuthUser): Promise<LegView> {
    return this.change(legId, user, ['courier_assigned', 'failed_attempt'], (leg) => {
      if (!dto.checklist.slipSignedByBoth)
        throw new ValidationError('checklist.slipSignedByBoth: the dossier slip must be signed by both', {
          field: 'checklist.slipSignedByBoth',
        });
      if (!dto.checklist.sealedInFrontOfCitizen && leg.kind === 'pickup') {
        throw new ValidationError(
          'checklist.sealedInFrontOfCitizen: the dossier must be sealed in front of the citizen',
          { field: 'checklist.sealedInFrontOfCitizen' },
        );
      }
      if (dto.feeCollected !== undefined && dto.feeCollected > 0 && !dto.checklist.feeReceiptNumber) {
        throw new ValidationError('checklist.feeReceiptNumber: a receipt number is required when fees are collected', {
          field: 'checklist.feeReceiptNumber',
          constraint: 'isNotEmpty',
        });
      }
      return {
        to: 'picked_up',
        changes: {
          pickupChecklist: {
            missingDocuments: dto.checklist.missingDocuments,
            slipSignedByBoth: dto.checklist.slipSignedByBoth,
            sealedInFrontOfCitizen: dto.checklist.sealedInFrontOfCitizen,
            feeReceiptNumber: dto.checklist.feeReceiptNumber ?? null,
          },
          ...(dto.feeCollected !== undefined ? { feeCollected: dto.feeCollected } : {}),
        },
        data: { missingDocuments: dto.checklist.missingDocuments.length },
      };
    });
  }

  async deliver(legId: string, dto: DeliverDto, user: AuthUser): Promise<LegView> {
    const now = this.clock.now();
    const deliveredAt = dto.deliveredAt ? new Date(dto.deliveredAt) : now;
    if (deliveredAt.getTime() > now.getTime() + 60_000)
      throw new ValidationError('deliveredAt: cannot be in the future', {
        field: 'deliveredAt',
        constraint: 'notInFuture',
      });
    return this.change(legId, user, ['picked_up', 'failed_attempt'], (leg) => {
      // failed_attempt → delivered is a new delivery attempt of something in hand; a leg whose item was never picked up
      // (courier_assigned → failed_attempt) has nothing to deliver: the citizen's dossier, or the agency's result, is not in hand.
      if (!leg.pickupChecklist) {
        throw new ConflictError(
          `a ${leg.kind} leg that was never picked up cannot be delivered: record the pickup (${leg.kind === 'pickup' ? "at the citizen's address" : 'of the result at the agency'}) first`,
          'ILLEGAL_TRANSITION',
          { from: leg.state, to: 'delivered', reason: 'not_picked_up' },
        );
      }
      return {
        to: 'delivered',
        changes: {
          deliveredAt,
          proofOfDelivery: {
            recipientName: dto.recipientName,
            relation: dto.relation,
            deliveredAt: deliveredAt.toISOString(),
            fileRef: dto.fileRef ?? null,
          },
          ...(dto.feeCollected !== undefined ? { feeCollected: (leg.feeCollected ?? 0) + dto.feeCollected } : {}),
        },
      };
    });
  }

  /** Circular 17/2017: a failed attempt (reason); after at least two, the item may go back to the agency. */
  async fail(legId: string, reason: string, user: AuthUser): Promise<LegView> {
    return this.change(legId, user, ['courier_assigned', 'picked_up', 'failed_attempt'], (leg) => ({
      to: 'failed_attempt',
      reason,
      changes: { failedAttempts: leg.failedAttempts + 1 },
    }));
  }

  async returnToAgency(legId: string, reason: string, user: AuthUser): Promise<LegView> {
    const attempts = await dbManager(this.db)
      .getRepository(BcciLegHistory)
      .find({ where: { legId, toState: 'failed_attempt' }, select: ['at'], order: { at: 'ASC' } });
    return this.change(legId, user, ['failed_attempt'], () => {
      const refusal = returnToAgencyRefusal(
        attempts.map((a) => a.at),
        this.calendar,
      );
      if (refusal) throw new ConflictError(refusal, 'ILLEGAL_TRANSITION');
      return { to: 'returned_to_agency', reason };
    });
  }

  /** Operator or supervisor, before pickup. A pending offer is withdrawn and its timer cancelled. */
  async cancel(legId: string, reason: string, user: AuthUser): Promise<LegView> {
    const now = this.clock.now();
    const result = await this.db.transaction(async (m) => {
      const leg = await m.findOneBy(BcciLeg, { id: legId });
      if (!leg) throw new NotFoundError('Leg', legId);
      if (!CANCELLABLE.includes(leg.state) || leg.pickupChecklist)
        throw new ConflictError(
          `a leg in state ${leg.state} can no longer be cancelled (only before pickup)`,
          'ILLEGAL_TRANSITION',
        );
      const pending = await m.findBy(BcciAssignment, { legId, state: 'pending' });
      await m.update(
        BcciAssignment,
        { legId, state: 'pending' },
        { state: 'withdrawn', respondedAt: now, respondedById: user.id, reason },
      );
      const request = await m.findOneByOrFail(BcciRequest, { id: leg.requestId });
      const event = await transitionLeg(m, leg, { to: 'cancelled', actorId: user.id, reason, at: now }, request.code);
      return { event, pending, createdById: request.createdById };
    });
    for (const a of result.pending)
      await this.queue.cancel('dispatch-accept-timeout', timeoutJobId(a.id)).catch(() => false);
    this.events.emit('dispatch:leg-updated', result.event, result.createdById);
    return this.get(legId, user);
  }

  /** Fees collected on behalf, remitted to the agency by the office in batches. */
  async remit(dto: RemittanceDto, user: AuthUser): Promise<RemittanceView> {
    const officeId = this.scopeOffice(user) ?? dto.officeId;
    if (!officeId) throw new ValidationError('officeId: say which office remits', { field: 'officeId' });
    if (!dto.legIds.length)
      throw new ValidationError('legIds: list at least one leg', { field: 'legIds', constraint: 'arrayNotEmpty' });
    const now = this.clock.now();
    const id = uuidv7();
    const amount = await this.db.transaction(async (m) => {
      const legs = await m.find(BcciLeg, {
        where: { id: In(dto.legIds), officeId },
        lock: { mode: 'pessimistic_write' },
      });
      const found = new Set(legs.map((l) => l.id));
      const missing = dto.legIds.filter((l) => !found.has(l));
      if (missing.length) throw new NotFoundError('Leg', missing[0]);
      const bad = legs.find((l) => !l.feeCollected || l.remittanceId);
      if (bad)
        throw new ConflictError(`leg ${bad.id} has no collected fee left to remit`, 'CONFLICT', { legId: bad.id });
      const total = legs.reduce((s, l) => s + (l.feeCollected ?? 0), 0);
      await m.insert(BcciRemittance, {
        id,
        officeId,
        reference: dto.reference,
        remittedOn: dto.remittedOn,
        amount: total,
        createdById: user.id,
        createdAt: now,
      });
      await m.update(BcciLeg, { id: In(dto.legIds), remittanceId: IsNull() }, { remittanceId: id });
      await writeAudit(m, {
        actorId: user.id,
        entityType: 'bcci_remittance',
        entityId: id,
        action: 'created',
        data: { officeId, amount: total, legs: legs.length },
      });
      return total;
    });
    return {
      id,
      officeId,
      reference: dto.reference,
      remittedOn: dto.remittedOn,
      amount,
      legIds: dto.legIds,
      createdAt: now.toISOString(),
    };
  }

  /** Collected but not yet remitted, per office (a dispatcher sees their own office only). */
  async unremitted(user: AuthUser): Promise<UnremittedRow[]> {
    const own = this.scopeOffice(user);
    const rows = (await dbManager(this.db).query(
      `SELECT office_id AS officeId, COUNT(*) AS legs, SUM(fee_collected) AS amount FROM bcci_legs
        WHERE fee_collected > 0 AND remittance_id IS NULL AND office_id IS NOT NULL ${own ? 'AND office_id = ?' : ''} GROUP BY office_id ORDER BY amount DESC`,
      own ? [own] : [],
    )) as Array<{ officeId: string; legs: string | number; amount: string | number }>;
    return rows.map((r) => ({ officeId: r.officeId, legs: Number(r.legs), amount: Number(r.amount) }));
  }

  /**
   * The collected-not-remitted report as CSV lines: a dispatcher's own office; supervisors and admins one office or all.
   * Returns the file name too (office code, or "tat-ca", and the local date).
   */
  async unremittedCsv(officeFilter: string | undefined, user: AuthUser): Promise<{ fileName: string; csv: string }> {
    const officeId = this.scopeOffice(user) ?? officeFilter ?? null;
    if (officeId && !(await this.offices.exists(officeId)))
      throw new ValidationError(`officeId: unknown post office ${officeId}`, { field: 'officeId' });
    const legs = await dbManager(this.db)
      .getRepository(BcciLeg)
      .createQueryBuilder('l')
      .where('l.fee_collected > 0 AND l.remittance_id IS NULL AND l.office_id IS NOT NULL')
      .andWhere(officeId ? 'l.office_id = :officeId' : '1=1', { officeId })
      .orderBy('l.office_id')
      .addOrderBy('l.updated_at', 'ASC')
      .addOrderBy('l.id', 'ASC')
      .getMany();
    const requests = await this.requests(legs.map((l) => l.requestId));
    const offices = new Map<string, { code: string; name: string }>();
    for (const id of new Set(legs.map((l) => l.officeId!).concat(officeId ? [officeId] : []))) {
      const o = await this.offices.get(id);
      offices.set(id, { code: o.code, name: o.name });
    }
    const lines: UnremittedLine[] = legs
      .map((l) => ({
        officeCode: offices.get(l.officeId!)!.code,
        officeName: offices.get(l.officeId!)!.name,
        requestCode: requests.get(l.requestId)?.code ?? '',
        dossierCode: requests.get(l.requestId)?.summary.dossierCode ?? '',
        agency: requests.get(l.requestId)?.summary.agency ?? '',
        kind: l.kind,
        state: l.state,
        receiptNumber: l.pickupChecklist?.feeReceiptNumber ?? null,
        feeExpected: l.feeExpected,
        feeCollected: l.feeCollected ?? 0,
        updatedAt: l.updatedAt,
      }))
      .sort((a, b) => a.officeCode.localeCompare(b.officeCode));
    const day = vnLocalDate(this.clock.now());
    const scope = officeId ? offices.get(officeId)!.code.replace(/[^A-Za-z0-9_-]/g, '') : 'tat-ca';
    return { fileName: `thu-ho-chua-nop-${scope}-${day}.csv`, csv: unremittedCsv(lines) };
  }

  // -- helpers --

  private scopeOffice(user: AuthUser): string | null {
    if (user.role !== 'dispatcher') return null;
    if (!user.officeId) throw new ForbiddenError('this dispatcher belongs to no post office');
    return user.officeId;
  }

  /** The leg, scoped to the dispatcher's office inside the query (another office's leg is a 404). */
  private async scopedLeg(m: EntityManager, id: string, user: AuthUser): Promise<BcciLeg> {
    const own = this.scopeOffice(user);
    const leg = await m.findOneBy(BcciLeg, own ? { id, officeId: own } : { id });
    if (!leg) throw new NotFoundError('Leg', id);
    return leg;
  }

  /** The pending offer of this dispatcher's office for the leg (supervisors: of any office). */
  private async pendingOffer(
    m: EntityManager,
    legId: string,
    user: AuthUser,
  ): Promise<{ leg: BcciLeg; assignment: BcciAssignment }> {
    const own = this.scopeOffice(user);
    const leg = await this.scopedLeg(m, legId, user);
    const assignment = await m.findOneBy(
      BcciAssignment,
      own ? { legId, state: 'pending', officeId: own } : { legId, state: 'pending' },
    );
    if (!assignment)
      throw new ConflictError(
        `leg ${legId} has no pending offer${own ? ' for your office' : ''} (state ${leg.state})`,
        'ILLEGAL_TRANSITION',
      );
    return { leg, assignment };
  }

  private async change(
    legId: string,
    user: AuthUser,
    from: LegState[],
    build: (leg: BcciLeg) => Pick<TransitionInput, 'to' | 'changes' | 'reason' | 'data'>,
  ): Promise<LegView> {
    const now = this.clock.now();
    const result = await this.db.transaction(async (m) => {
      const leg = await this.scopedLeg(m, legId, user);
      const input = build(leg);
      if (!from.includes(leg.state))
        throw new ConflictError(`a leg in state ${leg.state} cannot go to ${input.to}`, 'ILLEGAL_TRANSITION', {
          from: leg.state,
          to: input.to,
        });
      const request = await m.findOneByOrFail(BcciRequest, { id: leg.requestId });
      const event: LegEvent = await transitionLeg(m, leg, { ...input, actorId: user.id, at: now }, request.code);
      return { event, createdById: request.createdById };
    });
    this.events.emit('dispatch:leg-updated', result.event, result.createdById);
    return this.get(legId, user);
  }

  /** The request code and what the handling office needs of the request (contact, dossier, procedure, agency). */
  private async requests(requestIds: string[]): Promise<Map<string, { code: string; summary: LegRequestSummary }>> {
    if (!requestIds.length) return new Map();
    const rows = await dbManager(this.db)
      .getRepository(BcciRequest)
      .find({
        where: { id: In([...new Set(requestIds)]) },
        select: [
          'id',
          'code',
          'dossierCode',
          'procedureName',
          'field',
          'agency',
          'serviceLevel',
          'contactName',
          'citizenPhone',
          'notes',
        ],
      });
    return new Map(
      rows.map((r) => [
        r.id,
        {
          code: r.code,
          summary: {
            dossierCode: r.dossierCode,
            procedureName: r.procedureName,
            field: r.field,
            agency: r.agency,
            serviceLevel: r.serviceLevel,
            contactName: r.contactName,
            citizenPhone: r.citizenPhone,
            notes: r.notes,
          },
        },
      ]),
    );
  }
}
