import type { AssignmentView, BcciRequestView, LegRequestSummary, LegView } from '@hotline/contracts';
import type { BcciAssignment } from './bcci-assignment.entity';
import type { BcciLeg } from './bcci-leg.entity';
import type { BcciRequest } from './bcci-request.entity';

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const TERMINAL = ['delivered', 'returned_to_agency', 'cancelled'];

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

export function legView(l: BcciLeg, requestCode: string, now: Date, assignments?: BcciAssignment[], request?: LegRequestSummary): LegView {
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
    officeId: l.officeId,
    courierName: l.courierName,
    failedAttempts: l.failedAttempts,
    routeAfter: iso(l.routeAfter),
    dueAt: l.dueAt.toISOString(),
    overdue: !TERMINAL.includes(l.state) && l.dueAt.getTime() < now.getTime(),
    pickupChecklist: l.pickupChecklist,
    proofOfDelivery: l.proofOfDelivery,
    ...(assignments ? { assignments: assignments.map(assignmentView) } : {}),
    createdAt: l.createdAt.toISOString(),
    updatedAt: l.updatedAt.toISOString(),
  };
}

export function requestView(r: BcciRequest, legs: BcciLeg[], now: Date, assignments: BcciAssignment[] = []): BcciRequestView {
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
      .map((l) => legView(l, r.code, now, assignments.filter((a) => a.legId === l.id))),
  };
}
