import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import type { BcciRequestView, LegKind, Page, PublicRequestView } from '@hotline/contracts';
import { phonesMatch } from '@hotline/contracts';
import { AuthUser, Clock, dbManager, NotFoundError, uuidv7, ValidationError, writeAudit } from '@hotline/core';
import { CitizensService, requirePhone } from '@hotline/calls';
import { AdministrativeUnitsService } from '@hotline/geo';
import { BcciAssignment } from './bcci-assignment.entity';
import { BcciLegHistory } from './bcci-leg-history.entity';
import { BcciLeg } from './bcci-leg.entity';
import { BcciRequest } from './bcci-request.entity';
import type { AddressDto, CreateBcciRequestDto, ListBcciRequestsQuery } from './dispatch.dto';
import { decodeListCursor, encodeListCursor, likePrefix } from './list-cursor';
import { plainInsert } from './plain-insert';
import { PricingService } from './pricing.service';
import { DispatchCalendar } from './dispatch-calendar';
import { RoutingService } from './routing.service';
import { vnLocalDate } from './pricing';
import { loadLegExtras, requestView } from './views';

const CODE_RE = /^BC-\d{6}-\d{6}$/;

/** BCCI requests: validated, priced (frozen), committed in `routing`, then one routing job per leg after commit. */
@Injectable()
export class BcciRequestsService {
  private readonly logger = new Logger(BcciRequestsService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly citizens: CitizensService,
    private readonly units: AdministrativeUnitsService,
    private readonly pricing: PricingService,
    private readonly routing: RoutingService,
    private readonly calendar: DispatchCalendar,
  ) {}

  async create(dto: CreateBcciRequestDto, actor: AuthUser): Promise<BcciRequestView> {
    const now = this.clock.now();
    const phone = requirePhone(dto.phone, 'phone');
    const addresses = this.addressesFor(dto);
    for (const [field, address] of Object.entries(addresses) as Array<[string, AddressDto]>) {
      if (!(await this.units.find(address.communeCode)))
        throw new ValidationError(`${field}.communeCode: unknown commune code "${address.communeCode}"`, {
          field: `${field}.communeCode`,
        });
      if ((address.lat === undefined) !== (address.lng === undefined))
        throw new ValidationError(`${field}: give both lat and lng, or neither`, { field: `${field}.lat` });
    }
    const windowFrom = dto.windowFrom ? new Date(dto.windowFrom) : null;
    const windowTo = dto.windowTo ? new Date(dto.windowTo) : null;
    if (windowTo && windowTo.getTime() <= now.getTime())
      throw new ValidationError('windowTo: the preferred time window is in the past', {
        field: 'windowTo',
        constraint: 'notInPast',
      });
    if (windowFrom && !windowTo && windowFrom.getTime() < now.getTime() - 60_000)
      throw new ValidationError('windowFrom: the preferred time window is in the past', {
        field: 'windowFrom',
        constraint: 'notInPast',
      });
    if (windowFrom && windowTo && windowFrom.getTime() >= windowTo.getTime())
      throw new ValidationError('windowTo: the window must end after it starts', {
        field: 'windowTo',
        constraint: 'dateOrder',
      });
    const quote = await this.pricing.quote(dto, now);
    const legKinds = quote.lines.map((l) => l.legKind);
    const remote = await Promise.all(
      legKinds.map(async (k) => !!(await this.units.find(addressOf(addresses, k).communeCode))?.remoteArea),
    );
    const anyRemote = remote.some(Boolean);
    const fee = dto.feeOnBehalf ?? 0;

    const requestId = uuidv7();
    const legs: BcciLeg[] = quote.lines.map((line, i) => {
      const address = addressOf(addresses, line.legKind);
      return {
        id: uuidv7(),
        requestId,
        kind: line.legKind,
        state: 'routing',
        addressDetail: address.detail,
        communeCode: address.communeCode,
        lat: address.lat ?? null,
        lng: address.lng ?? null,
        remoteArea: remote[i],
        windowFrom,
        windowTo,
        routeType: line.routeType,
        basePostage: line.basePostage,
        discount: line.discount,
        postage: line.postage,
        promotionId: line.promotionId,
        promotionName: line.promotionName,
        // The fee on behalf is collected once: at pickup when there is a pickup leg, else at delivery of the result.
        feeExpected: i === 0 ? fee : 0,
        feeCollected: null,
        remittanceId: null,
        officeId: null,
        routingAttempt: 1,
        routeAfter: null,
        courierName: null,
        failedAttempts: 0,
        pickupChecklist: null,
        proofOfDelivery: null,
        deliveredAt: null,
        dueAt: this.calendar.addWorkingDays(now, line.dueWorkingDays),
        createdAt: now,
        updatedAt: now,
        version: 1,
      };
    });

    // The code is drawn outside the transaction, on its own connection: the counter row's lock is then held for one statement,
    // not for the whole creation (a rolled-back creation leaves a gap in the sequence, which is fine: codes are unique, not
    // gapless). It runs while the transaction starts and finds the citizen, and is awaited where the request row needs it.
    const codeDrawn = this.nextCode(now);
    codeDrawn.catch(() => undefined); // awaited below; this only keeps an early failure of the transaction from leaving it unobserved
    let code = '';
    // One transaction, and nothing re-read: the view is built from what was written.
    const request = await this.db.transaction(async (m) => {
      const citizenId = await this.citizens.idForPhone(phone, { fullName: dto.contactName ?? null }, actor.id, m);
      code = await codeDrawn;
      const row: BcciRequest = {
        id: requestId,
        code,
        option: dto.option,
        dossierCode: dto.dossierCode,
        procedureName: dto.procedureName,
        field: dto.field,
        agency: dto.agency,
        serviceLevel: dto.serviceLevel,
        citizenId,
        citizenPhone: phone,
        contactName: dto.contactName ?? null,
        callId: dto.callId ?? null,
        feeOnBehalf: fee,
        notes: dto.notes ?? null,
        priority: anyRemote ? 'high' : 'normal',
        remoteArea: anyRemote,
        createdById: actor.id,
        createdAt: now,
      };
      await plainInsert(m, BcciRequest, [row]);
      await plainInsert(m, BcciLeg, legs);
      await plainInsert(
        m,
        BcciLegHistory,
        legs.map((l): BcciLegHistory => ({
          id: uuidv7(),
          legId: l.id,
          at: now,
          actorId: actor.id,
          fromState: null,
          toState: 'routing',
          reason: 'request created',
          data: null,
        })),
      );
      await writeAudit(m, {
        actorId: actor.id,
        entityType: 'bcci_request',
        entityId: requestId,
        action: 'created',
        to: 'routing',
        data: { code, option: dto.option },
        at: now,
      });
      return row;
    });
    // After commit (a worker must never see a leg that is not committed yet): every leg's routing job and overdue timer in
    // one Redis round trip. The request is written whatever happens here: a failed enqueue (Redis away) must not turn it
    // into an error the operator would retry (a duplicate); the reconciler re-arms both jobs from MySQL, as it does when
    // the process dies between the commit and this line.
    try {
      await this.routing.enqueueNewLegs(legs, { requestCode: code, createdById: actor.id });
    } catch (err) {
      this.logger.warn(
        `Request ${code} committed, routing jobs not enqueued (the reconciler will): ${(err as Error).message}`,
      );
    }
    return requestView(request, legs, now);
  }

  async get(id: string): Promise<BcciRequestView> {
    const request = await dbManager(this.db).getRepository(BcciRequest).findOneBy({ id });
    if (!request) throw new NotFoundError('BCCI request', id);
    const legs = await dbManager(this.db).getRepository(BcciLeg).findBy({ requestId: id });
    const assignments = legs.length
      ? await dbManager(this.db)
          .getRepository(BcciAssignment)
          .find({ where: { legId: In(legs.map((l) => l.id)) }, order: { createdAt: 'ASC' } })
      : [];
    return requestView(
      request,
      legs,
      this.clock.now(),
      assignments,
      await loadLegExtras(dbManager(this.db), legs, assignments),
    );
  }

  /**
   * Requests newest first (keyset over created_at desc, id desc). Operators see their own unless `mine=false`; supervisors
   * and admins see all unless `mine=true`. Each request comes with its legs (state, office) and their offers.
   */
  async list(q: ListBcciRequestsQuery, user: AuthUser): Promise<Page<BcciRequestView>> {
    const limit = q.limit ?? 50;
    const mine = q.mine ?? user.role === 'operator';
    const from = q.from ? new Date(q.from) : null;
    const to = q.to ? new Date(q.to) : null;
    if (from && to && from.getTime() >= to.getTime())
      throw new ValidationError('to: the date range must end after it starts', { field: 'to' });
    const qb = dbManager(this.db).getRepository(BcciRequest).createQueryBuilder('r');
    if (mine) qb.andWhere('r.created_by_id = :me', { me: user.id });
    if (q.option) qb.andWhere('r.option = :option', { option: q.option });
    if (q.citizenId) qb.andWhere('r.citizen_id = :citizenId', { citizenId: q.citizenId });
    if (q.phone) qb.andWhere('r.citizen_phone = :phone', { phone: requirePhone(q.phone, 'phone') });
    if (q.q) qb.andWhere('(r.code LIKE :q OR r.dossier_code LIKE :q)', { q: likePrefix(q.q) });
    if (q.state)
      qb.andWhere('EXISTS (SELECT 1 FROM bcci_legs sl WHERE sl.request_id = r.id AND sl.state = :state)', {
        state: q.state,
      });
    if (from) qb.andWhere('r.created_at >= :from', { from });
    if (to) qb.andWhere('r.created_at < :to', { to });
    if (q.cursor) {
      const c = decodeListCursor(q.cursor);
      // A plain range on created_at for the optimizer, then the id tie-break.
      qb.andWhere('r.created_at <= :cAt AND (r.created_at < :cAt OR r.id < :cId)', { cAt: c.at, cId: c.id });
    }
    const rows = await qb
      .orderBy('r.created_at', 'DESC')
      .addOrderBy('r.id', 'DESC')
      .limit(limit + 1)
      .getMany();
    const items = rows.slice(0, limit);
    const ids = items.map((r) => r.id);
    const legs = ids.length
      ? await dbManager(this.db)
          .getRepository(BcciLeg)
          .findBy({ requestId: In(ids) })
      : [];
    const assignments = legs.length
      ? await dbManager(this.db)
          .getRepository(BcciAssignment)
          .find({ where: { legId: In(legs.map((l) => l.id)) }, order: { createdAt: 'ASC' } })
      : [];
    const extras = await loadLegExtras(dbManager(this.db), legs, assignments);
    const now = this.clock.now();
    const last = items[items.length - 1];
    return {
      items: items.map((r) =>
        requestView(
          r,
          legs.filter((l) => l.requestId === r.id),
          now,
          assignments,
          extras,
        ),
      ),
      nextCursor: rows.length > limit ? encodeListCursor(last.createdAt, last.id) : null,
    };
  }

  /** The citizen's lookup: code + the phone given at creation (any format); status and dates only. Unknown or mismatched → 404. */
  async publicLookup(code: string, phone: string): Promise<PublicRequestView> {
    const normalized = code.trim().toUpperCase();
    if (!CODE_RE.test(normalized)) throw new ValidationError('code must look like BC-YYMMDD-NNNNNN', { field: 'code' });
    const e164 = requirePhone(phone, 'phone');
    const request = await dbManager(this.db).getRepository(BcciRequest).findOneBy({ code: normalized });
    if (!request || !phonesMatch(request.citizenPhone, e164)) throw new NotFoundError('BCCI request', normalized);
    const legs = await dbManager(this.db).getRepository(BcciLeg).findBy({ requestId: request.id });
    return {
      code: request.code,
      option: request.option,
      createdAt: request.createdAt.toISOString(),
      legs: legs
        .sort((a, b) => (a.kind === 'pickup' ? -1 : b.kind === 'pickup' ? 1 : 0))
        .map((l) => ({
          kind: l.kind,
          state: l.state,
          dueAt: l.dueAt.toISOString(),
          updatedAt: l.updatedAt.toISOString(),
          deliveredAt: l.deliveredAt?.toISOString() ?? null,
        })),
    };
  }

  private addressesFor(dto: CreateBcciRequestDto): Partial<Record<'pickupAddress' | 'deliveryAddress', AddressDto>> {
    if (dto.option === 'receive_result') {
      const delivery = dto.deliveryAddress ?? dto.pickupAddress;
      if (!delivery)
        throw new ValidationError('deliveryAddress: required to deliver the result', {
          field: 'deliveryAddress',
          constraint: 'isNotEmpty',
        });
      return { deliveryAddress: delivery };
    }
    if (!dto.pickupAddress)
      throw new ValidationError('pickupAddress: required to pick up the dossier', {
        field: 'pickupAddress',
        constraint: 'isNotEmpty',
      });
    return dto.option === 'both'
      ? { pickupAddress: dto.pickupAddress, deliveryAddress: dto.deliveryAddress ?? dto.pickupAddress }
      : { pickupAddress: dto.pickupAddress };
  }

  /**
   * BC-YYMMDD-NNNNNN, local date; the daily counter row is bumped atomically in one statement: LAST_INSERT_ID(expr) makes
   * the new value the statement's insert id, so no second round trip (SELECT LAST_INSERT_ID()) is needed.
   */
  private async nextCode(now: Date): Promise<string> {
    const day = vnLocalDate(now).slice(2).replace(/-/g, '');
    const res = (await dbManager(this.db).query(
      'INSERT INTO bcci_code_sequences (day, last) VALUES (?, LAST_INSERT_ID(1)) ON DUPLICATE KEY UPDATE last = LAST_INSERT_ID(last + 1)',
      [day],
    )) as { insertId?: number | string };
    const n = Number(res.insertId);
    if (!Number.isInteger(n) || n < 1) throw new Error(`bcci_code_sequences: no counter value for ${day}`);
    return `BC-${day}-${String(n).padStart(6, '0')}`;
  }
}

function addressOf(
  addresses: Partial<Record<'pickupAddress' | 'deliveryAddress', AddressDto>>,
  kind: LegKind,
): AddressDto {
  return (kind === 'pickup' ? addresses.pickupAddress : addresses.deliveryAddress)!;
}
