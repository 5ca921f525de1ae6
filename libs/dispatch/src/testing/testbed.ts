import type { CalendarsService } from '@hotline/calendar';
import type { JobEffect, Effect, EmitEffect } from '@hotline/core';
import type { BcciAssignment } from '../bcci-assignment.entity';
import type { BcciLeg } from '../bcci-leg.entity';
import type { BcciRequest } from '../bcci-request.entity';
import { DispatchCalendar } from '../dispatch-calendar';
import type { DispatchConfig } from '../dispatch-config';
import { DispatchKit } from '../dispatch-kit';
import { Invitations } from '../invitations';
import { LegRecords } from '../leg-records';
import { LegTransitions } from '../leg-transitions';
import { LegQueries } from '../queries/leg-queries';
import type { LegHistoryRepository } from '../repositories/leg-history.repository';
import type { RemittancesRepository } from '../repositories/remittances.repository';
import { ChangeLeg } from '../use-cases/change-leg';
import { EndOffer } from '../use-cases/end-offer.use-case';
import { OfferLeg } from '../use-cases/offer-leg';
import { PendingOffers } from '../use-cases/pending-offers';
import { FakeClock, FakeUnitOfWork } from '@hotline/core';
import { InMemoryDispatch } from './in-memory-dispatch';

export const CONFIG: DispatchConfig = {
  acceptTimeoutMinutes: 15,
  acceptTimeoutSeconds: null,
  publicLookupLimit: 20,
  publicLookupWindowSeconds: 60,
};

/**
 * The dispatch context wired for unit tests: the real use cases, transition writer, queries and Gia Lai working calendar,
 * over in-memory tables and a fake unit of work that keeps what each command recorded (jobs, events, history rows).
 */
export function dispatchTestbed(config: DispatchConfig = CONFIG) {
  const clock = new FakeClock('2026-03-02T02:00:00Z');
  const db = new InMemoryDispatch();
  const uow = new FakeUnitOfWork(clock, {
    snapshot: db.snapshot,
    onCommit: (tx) => db.historyRows.push(...tx.recorded),
  });
  const records = new LegRecords(db.legs as never, db.assignments as never, db.requests as never);
  const transitions = new LegTransitions(db.legs as never);
  const kit = new DispatchKit(uow.asUnitOfWork, clock, records, transitions);
  const calendar = new DispatchCalendar({} as CalendarsService);
  const invitations = new Invitations(db.history as unknown as LegHistoryRepository, calendar);
  const remittances = { refs: async () => [] } as unknown as RemittancesRepository;
  const queries = new LegQueries(clock, records, remittances, invitations);
  const offers = new OfferLeg(db.assignments as never, transitions, calendar, config);
  const pendingOffers = new PendingOffers(records);
  const change = new ChangeLeg(kit, invitations, queries);
  const endOffer = new EndOffer(kit);
  return {
    clock,
    db,
    uow,
    records,
    transitions,
    kit,
    calendar,
    invitations,
    queries,
    offers,
    pendingOffers,
    change,
    endOffer,
  };
}

export type Testbed = ReturnType<typeof dispatchTestbed>;

let seq = 0;
const id = (prefix: string) => `${prefix}-${String(++seq).padStart(4, '0')}`;

export function aRequest(overrides: Partial<BcciRequest> = {}): BcciRequest {
  return {
    id: id('req'),
    code: `BC-260302-${String(seq).padStart(6, '0')}`,
    option: 'send_dossier',
    dossierCode: 'HS-1',
    procedureName: 'Đăng ký thế chấp',
    field: 'Đất đai',
    agency: 'VPĐKĐĐ',
    serviceLevel: '3',
    citizenId: 'cit-1',
    citizenPhone: '+84912345678',
    contactName: 'Nguyễn Văn A',
    callId: null,
    feeOnBehalf: 0,
    notes: null,
    priority: 'normal',
    remoteArea: false,
    createdById: 'operator-1',
    createdAt: new Date('2026-03-02T01:00:00Z'),
    ...overrides,
  };
}

export function aLeg(request: BcciRequest, overrides: Partial<BcciLeg> = {}): BcciLeg {
  const at = new Date('2026-03-02T01:00:00Z');
  return {
    id: id('leg'),
    requestId: request.id,
    kind: 'pickup',
    state: 'routing',
    addressDetail: '12 Trần Phú',
    communeCode: '23575',
    lat: 13.98,
    lng: 108.0,
    remoteArea: false,
    windowFrom: null,
    windowTo: null,
    routeType: 'intra_province',
    basePostage: 25_000,
    discount: 0,
    postage: 25_000,
    promotionId: null,
    promotionName: null,
    feeExpected: 0,
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
    dueAt: new Date('2026-03-04T10:00:00Z'),
    createdAt: at,
    updatedAt: at,
    version: 1,
    ...overrides,
  };
}

export function anOffer(leg: BcciLeg, overrides: Partial<BcciAssignment> = {}): BcciAssignment {
  return {
    id: id('offer'),
    legId: leg.id,
    officeId: leg.officeId ?? 'o1',
    attempt: leg.routingAttempt,
    state: 'pending',
    distanceKm: 1.5,
    deadlineAt: null,
    manual: false,
    respondedById: null,
    respondedAt: null,
    reason: null,
    createdAt: leg.updatedAt,
    ...overrides,
  };
}

/** A request with one leg, stored. */
export function seedLeg(t: Testbed, leg: Partial<BcciLeg> = {}, request: Partial<BcciRequest> = {}) {
  const r = aRequest(request);
  const l = aLeg(r, leg);
  t.db.requestRows.push(r);
  t.db.legRows.push(l);
  return { request: r, leg: l };
}

export const jobsOf = (effects: Effect[]) => effects.filter((e): e is JobEffect => e.kind === 'job');
export const emitsOf = (effects: Effect[]) => effects.filter((e): e is EmitEffect => e.kind === 'emit');
