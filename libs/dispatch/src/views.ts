import type { EntityManager } from 'typeorm';
import { In } from 'typeorm';
import type {
  AssignmentView,
  BcciRequestView,
  LegRemittance,
  LegRequestSummary,
  LegView,
  PendingOffer,
} from '@hotline/contracts';
import { BcciAssignment as AssignmentEntity } from './bcci-assignment.entity';
import { BcciRemittance } from './bcci-remittance.entity';
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

/** What a leg view needs beyond the leg row: its remittance batch and its pending offer. */
export interface LegExtras {
  remittances: Map<string, LegRemittance>;
  pending: Map<string, PendingOffer>;
}

export const NO_EXTRAS: LegExtras = { remittances: new Map(), pending: new Map() };

const pendingOffer = (a: BcciAssignment): PendingOffer => ({
  assignmentId: a.id,
  officeId: a.officeId,
  deadlineAt: iso(a.deadlineAt),
  offeredAt: a.createdAt.toISOString(),
});

/**
 * Remittance batches and pending offers of these legs, in at most two indexed reads (none when no leg needs them). Offers
 * already loaded (`assignments`) are used instead of a read.
 */
export async function loadLegExtras(
  m: EntityManager,
  legs: BcciLeg[],
  assignments?: BcciAssignment[],
): Promise<LegExtras> {
  const remittanceIds = [...new Set(legs.map((l) => l.remittanceId).filter((id): id is string => !!id))];
  const offered = legs.filter((l) => l.state === 'assigned').map((l) => l.id);
  const [remittances, pending] = await Promise.all([
    remittanceIds.length
      ? m.find(BcciRemittance, { where: { id: In(remittanceIds) }, select: ['id', 'reference', 'remittedOn'] })
      : [],
    assignments
      ? assignments.filter((a) => a.state === 'pending')
      : offered.length
        ? m.find(AssignmentEntity, { where: { legId: In(offered), state: 'pending' } })
        : [],
  ]);
  return {
    remittances: new Map(
      remittances.map((r) => [r.id, { id: r.id, reference: r.reference, remittedOn: r.remittedOn }]),
    ),
    pending: new Map(pending.map((a) => [a.legId, pendingOffer(a)])),
  };
}

export function legView(
  l: BcciLeg,
  requestCode: string,
  now: Date,
  assignments?: BcciAssignment[],
  request?: LegRequestSummary,
  extras: LegExtras = NO_EXTRAS,
): LegView {
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
        ? (extras.pending.get(l.id) ?? (fromAssignments ? pendingOffer(fromAssignments) : null))
        : null,
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

export function requestView(
  r: BcciRequest,
  legs: BcciLeg[],
  now: Date,
  assignments: BcciAssignment[] = [],
  extras: LegExtras = NO_EXTRAS,
): BcciRequestView {
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
        legView(
          l,
          r.code,
          now,
          assignments.filter((a) => a.legId === l.id),
          undefined,
          extras,
        ),
      ),
  };
}
