import {
  LEG_MACHINE,
  type AssignmentView,
  type BcciRequestView,
  type InvitationFacts,
  type LegRemittance,
  type LegRequestSummary,
  type LegView,
  type PendingOffer,
  type PromotionView,
  type TariffView,
} from '@hotline/contracts';
import type { BcciAssignment } from './bcci-assignment.entity';
import type { BcciLeg } from './bcci-leg.entity';
import type { BcciPromotion } from './bcci-promotion.entity';
import type { BcciRequest } from './bcci-request.entity';
import type { BcciTariff } from './bcci-tariff.entity';

/** Pure views of the dispatch rows (what they need beyond the rows is loaded by the queries: LegExtras). */

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export const tariffView = (t: BcciTariff): TariffView => ({
  id: t.id,
  legKind: t.legKind,
  routeType: t.routeType,
  priceVnd: t.priceVnd,
  dueWorkingDays: t.dueWorkingDays,
  active: t.active,
  updatedAt: t.updatedAt.toISOString(),
});

export const promotionView = (p: BcciPromotion): PromotionView => ({
  id: p.id,
  name: p.name,
  startsOn: p.startsOn,
  endsOn: p.endsOn,
  percent: p.percent,
  legKinds: p.legKinds,
  serviceLevels: p.serviceLevels,
  fields: p.fields,
  active: p.active,
  updatedAt: p.updatedAt.toISOString(),
});

export function assignmentView(a: BcciAssignment): AssignmentView {
  return {
    id: a.id,
    officeId: a.officeId,
    attempt: a.attempt,
    state: a.state,
    distanceKm: a.distanceKm,
    deadlineAt: iso(a.deadlineAt),
    manual: !!a.manual,
    reason: a.reason,
    createdAt: a.createdAt.toISOString(),
    respondedAt: iso(a.respondedAt),
  };
}

/** What a leg view needs beyond the leg row: its remittance batch, its pending offer, its invitations (failed attempts). */
export interface LegExtras {
  remittances: Map<string, LegRemittance>;
  pending: Map<string, PendingOffer>;
  invitations: Map<string, InvitationFacts>;
}

export const NO_EXTRAS: LegExtras = { remittances: new Map(), pending: new Map(), invitations: new Map() };

export const pendingOfferView = (a: BcciAssignment): PendingOffer => ({
  assignmentId: a.id,
  officeId: a.officeId,
  deadlineAt: iso(a.deadlineAt),
  offeredAt: a.createdAt.toISOString(),
});

/** How a leg is shown: with its request's code (and, on the leg endpoints, its summary), its offers when given. */
export interface LegViewContext {
  requestCode: string;
  now: Date;
  assignments?: BcciAssignment[];
  request?: LegRequestSummary;
  extras?: LegExtras;
}

export function legView(l: BcciLeg, ctx: LegViewContext): LegView {
  const { requestCode, now, assignments, request, extras = NO_EXTRAS } = ctx;
  const fromAssignments = assignments?.find((a) => a.state === 'pending' && a.legId === l.id);
  return {
    id: l.id,
    requestId: l.requestId,
    requestCode,
    ...(request ? { request } : {}),
    kind: l.kind,
    state: l.state,
    addressDetail: l.addressDetail,
    communeCode: l.communeCode,
    lat: l.lat,
    lng: l.lng,
    remoteArea: !!l.remoteArea,
    windowFrom: iso(l.windowFrom),
    windowTo: iso(l.windowTo),
    routeType: l.routeType,
    basePostage: l.basePostage,
    discount: l.discount,
    postage: l.postage,
    promotionId: l.promotionId,
    promotionName: l.promotionName,
    feeExpected: l.feeExpected,
    feeCollected: l.feeCollected,
    remittance: l.remittanceId
      ? (extras.remittances.get(l.remittanceId) ?? { id: l.remittanceId, reference: '', remittedOn: '' })
      : null,
    pendingOffer:
      l.state === 'assigned'
        ? (extras.pending.get(l.id) ?? (fromAssignments ? pendingOfferView(fromAssignments) : null))
        : null,
    invitations: l.state === 'failed_attempt' ? (extras.invitations.get(l.id) ?? null) : null,
    officeId: l.officeId,
    courierName: l.courierName,
    failedAttempts: l.failedAttempts,
    routeAfter: iso(l.routeAfter),
    dueAt: l.dueAt.toISOString(),
    overdue: !LEG_MACHINE.is('finished', l.state) && l.dueAt.getTime() < now.getTime(),
    pickupChecklist: l.pickupChecklist,
    proofOfDelivery: l.proofOfDelivery,
    ...(assignments ? { assignments: assignments.map(assignmentView) } : {}),
    createdAt: l.createdAt.toISOString(),
    updatedAt: l.updatedAt.toISOString(),
  };
}

export function requestView(
  r: BcciRequest,
  ctx: { legs: BcciLeg[]; now: Date; assignments?: BcciAssignment[]; extras?: LegExtras },
): BcciRequestView {
  const { legs, now, assignments = [], extras } = ctx;
  return {
    id: r.id,
    code: r.code,
    option: r.option,
    dossierCode: r.dossierCode,
    procedureName: r.procedureName,
    field: r.field,
    agency: r.agency,
    serviceLevel: r.serviceLevel,
    citizenId: r.citizenId,
    citizenPhone: r.citizenPhone,
    contactName: r.contactName,
    callId: r.callId,
    feeOnBehalf: r.feeOnBehalf,
    notes: r.notes,
    priority: r.priority,
    remoteArea: !!r.remoteArea,
    totalPostage: legs.reduce((s, l) => s + l.postage, 0),
    totalDiscount: legs.reduce((s, l) => s + l.discount, 0),
    createdById: r.createdById,
    createdAt: r.createdAt.toISOString(),
    legs: legs
      .sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'pickup' ? -1 : 1))
      .map((l) =>
        legView(l, { requestCode: r.code, now, assignments: assignments.filter((a) => a.legId === l.id), extras }),
      ),
  };
}
