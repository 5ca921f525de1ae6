/** Shapes, the leg state machine and socket events of the dispatch context (BCCI requests, legs, routing), shared by server and dashboard. */
import { defineMachine } from './state-machine';

/** The three BCCI options of Decision 45/2016: send the dossier (pickup leg), receive the result (return leg), or both. */
export const BCCI_OPTIONS = ['send_dossier', 'receive_result', 'both'] as const;
export type BcciOption = (typeof BCCI_OPTIONS)[number];

/** Online service level: the old DVCTT levels and the Decree 42/2022 vocabulary. */
export const SERVICE_LEVELS = ['2', '3', '4', 'toan_trinh', 'mot_phan'] as const;
export type ServiceLevel = (typeof SERVICE_LEVELS)[number];

/** pickup: citizen → agency; return: agency → citizen. */
export const LEG_KINDS = ['pickup', 'return'] as const;
export type LegKind = (typeof LEG_KINDS)[number];

/** Circular 17/2017 route types (within one area / between areas of the province / between provinces). */
export const ROUTE_TYPES = ['intra_area', 'intra_province', 'inter_province'] as const;
export type RouteType = (typeof ROUTE_TYPES)[number];

export const LEG_STATES = [
  'routing',
  'assigned',
  'accepted',
  'courier_assigned',
  'picked_up',
  'delivered',
  'failed_attempt',
  'returned_to_agency',
  'cancelled',
  'unroutable',
] as const;
export type LegState = (typeof LEG_STATES)[number];

/**
 * The leg's one state machine, used by the server (409 on anything else) and by the dashboard (which offers only these
 * moves). `routing` is re-entered on reject/timeout (next attempt); `failed_attempt → delivered` is a new attempt to deliver
 * what is in hand; the guards below narrow a few moves further.
 */
const LEG_TRANSITIONS = {
  routing: ['assigned', 'unroutable', 'cancelled'],
  assigned: ['accepted', 'routing', 'cancelled'],
  accepted: ['courier_assigned', 'cancelled'],
  courier_assigned: ['picked_up', 'failed_attempt', 'cancelled'],
  picked_up: ['delivered', 'failed_attempt'],
  failed_attempt: ['courier_assigned', 'picked_up', 'delivered', 'failed_attempt', 'returned_to_agency', 'cancelled'],
  unroutable: ['assigned', 'cancelled'],
  delivered: [],
  returned_to_agency: [],
  cancelled: [],
} as const satisfies Record<LegState, readonly LegState[]>;

const FINISHED_LEG_STATES = LEG_STATES.filter((s) => LEG_TRANSITIONS[s].length === 0);

export const LEG_MACHINE = defineMachine<
  LegState,
  'finished' | 'active' | 'officeHeld' | 'cancellable' | 'needsAction'
>({
  name: 'leg',
  transitions: LEG_TRANSITIONS,
  sets: {
    /** Delivered, returned to the agency or cancelled: no way out, no due date that still runs. */
    finished: FINISHED_LEG_STATES,
    /**
     * Everything not finished, `unroutable` included: such a leg still has to reach the citizen or the agency, its due date
     * still runs (overdue timer and flag), it stays on the supervisor's map and keeps its request open. `GET /bcci-legs?active=true`.
     */
    active: LEG_STATES.filter((s) => !FINISHED_LEG_STATES.includes(s)),
    /** The office holds the leg and its dispatcher acts on it (courier, pickup, delivery, failures). */
    officeHeld: ['accepted', 'courier_assigned', 'picked_up', 'failed_attempt'],
    /** The states from which a cancel is a legal move (the guard below adds "before the pickup"). */
    cancellable: LEG_STATES.filter((s) => (LEG_TRANSITIONS[s] as readonly LegState[]).includes('cancelled')),
    /** A person must decide before the leg moves on: the offered office answers, a supervisor assigns an unroutable leg. */
    needsAction: ['assigned', 'unroutable'],
  },
});

/** Circular 17/2017: the citizen is invited at least twice, the invitations at least 2 working days apart. */
export const MIN_INVITATIONS_BEFORE_RETURN = 2;
export const MIN_WORKING_DAYS_BETWEEN_INVITATIONS = 2;

/**
 * The failed deliveries (invitations) of a leg as the return-to-agency rule needs them. The server computes the dates with
 * its working calendar (the dashboard has none) and sends them on the leg view.
 */
export interface InvitationFacts {
  /** Failed delivery attempts so far. */
  count: number;
  /** Local date (YYYY-MM-DD) of the latest invitation. */
  lastOn: string | null;
  /** The 2nd working day after the first invitation: the item may go back once an invitation was on or after it. */
  returnNeedsInvitationOn: string | null;
}

/** The working-calendar operations the facts need (WorkingCalendar of @hotline/calendar has them). */
export interface InvitationCalendar {
  addWorkingDays(date: Date, n: number): Date;
  localDateOf(t: Date): string;
}

/** The facts from the instants of the failed attempts. */
export function invitationFacts(attempts: readonly Date[], calendar: InvitationCalendar): InvitationFacts {
  if (!attempts.length) return { count: 0, lastOn: null, returnNeedsInvitationOn: null };
  const sorted = [...attempts].sort((a, b) => a.getTime() - b.getTime());
  return {
    count: sorted.length,
    lastOn: calendar.localDateOf(sorted[sorted.length - 1]),
    returnNeedsInvitationOn: calendar.localDateOf(
      calendar.addWorkingDays(sorted[0], MIN_WORKING_DAYS_BETWEEN_INVITATIONS),
    ),
  };
}

/**
 * May the item go back to the agency? Only after the citizen was invited at least twice, the last invitation on or after
 * the 2nd working day following the first (Monday then Wednesday; Friday then Tuesday). The reason when not.
 */
export function returnToAgencyRefusal(facts: InvitationFacts | null): string | null {
  const count = facts?.count ?? 0;
  if (count < MIN_INVITATIONS_BEFORE_RETURN)
    return `the citizen must be invited at least ${MIN_INVITATIONS_BEFORE_RETURN} times before returning the item (${count} so far)`;
  const { lastOn, returnNeedsInvitationOn: needed } = facts!;
  if (!lastOn || !needed || lastOn < needed)
    return `the invitations must be at least ${MIN_WORKING_DAYS_BETWEEN_INVITATIONS} working days apart: invite the citizen again on or after ${(needed ?? '').split('-').reverse().join('/')}`;
  return null;
}

/** What the guards of a move need to know of a leg (a LegView has it all). */
export interface LegGuardFacts {
  state: LegState;
  kind: LegKind;
  /** The pickup checklist is recorded: the dossier (or the result) is in hand. */
  pickedUp: boolean;
  invitations: InvitationFacts | null;
}

export interface LegMoveRefusal {
  message: string;
  reason: 'illegal' | 'not_picked_up' | 'already_picked_up' | 'invitations';
}

const notCancellable = (leg: LegGuardFacts): LegMoveRefusal => ({
  message: `a leg in state ${leg.state} can no longer be cancelled (only before pickup)`,
  reason: leg.pickedUp ? 'already_picked_up' : 'illegal',
});

/** The guards on top of the transition table, by target state. */
const LEG_GUARDS: Partial<Record<LegState, (leg: LegGuardFacts) => LegMoveRefusal | null>> = {
  // A leg whose item was never picked up (courier_assigned → failed_attempt) has nothing to deliver.
  delivered: (leg) =>
    leg.pickedUp
      ? null
      : {
          message: `a ${leg.kind} leg that was never picked up cannot be delivered: record the pickup (${leg.kind === 'pickup' ? "at the citizen's address" : 'of the result at the agency'}) first`,
          reason: 'not_picked_up',
        },
  cancelled: (leg) => (leg.pickedUp ? notCancellable(leg) : null),
  returned_to_agency: (leg) => {
    const message = returnToAgencyRefusal(leg.invitations);
    return message ? { message, reason: 'invitations' } : null;
  },
};

/** Why a leg may not make this move now (the table, then the guards), or null when it may. */
export function legMoveRefusal(leg: LegGuardFacts, to: LegState): LegMoveRefusal | null {
  if (!LEG_MACHINE.can(leg.state, to)) {
    if (to === 'cancelled') return notCancellable(leg);
    return { message: LEG_MACHINE.refusal(leg.state, to)!.message, reason: 'illegal' };
  }
  return LEG_GUARDS[to]?.(leg) ?? null;
}

export const ASSIGNMENT_STATES = ['pending', 'accepted', 'rejected', 'timed_out', 'withdrawn'] as const;
export type AssignmentState = (typeof ASSIGNMENT_STATES)[number];

/**
 * An offer of a leg to one office (part of the leg aggregate): pending until the office accepts or rejects it, it times
 * out, or it is withdrawn (cancel). Each end is a conditional UPDATE on `pending`, so only one of them wins.
 */
export const OFFER_MACHINE = defineMachine<AssignmentState, 'refused' | 'ended' | 'countsAgainstCapacity'>({
  name: 'offer',
  transitions: {
    pending: ['accepted', 'rejected', 'timed_out', 'withdrawn'],
    accepted: [],
    rejected: [],
    timed_out: [],
    withdrawn: [],
  },
  sets: {
    /** The office let the leg go (rejected it, or did not answer in time): shown to the supervisor who assigns by hand. */
    refused: ['rejected', 'timed_out'],
    /** Ended without an accept: routing does not offer the leg to that office again. */
    ended: ['rejected', 'timed_out', 'withdrawn'],
    /** Counted against the office's daily capacity. */
    countsAgainstCapacity: ['pending', 'accepted'],
  },
});

export interface PriceLine {
  legKind: LegKind;
  routeType: RouteType;
  /** Integer VND. */
  basePostage: number;
  discount: number;
  postage: number;
  promotionId: string | null;
  promotionName: string | null;
  dueWorkingDays: number;
}

export interface QuoteView {
  lines: PriceLine[];
  totalPostage: number;
  totalDiscount: number;
}

export interface AssignmentView {
  id: string;
  officeId: string;
  attempt: number;
  state: AssignmentState;
  distanceKm: number | null;
  deadlineAt: string | null;
  manual: boolean;
  reason: string | null;
  createdAt: string;
  respondedAt: string | null;
}

/** What the office handling a leg needs of its request: whom to call, what to check against (Decision 45 art. 6). */
export interface LegRequestSummary {
  dossierCode: string;
  procedureName: string;
  field: string;
  agency: string;
  serviceLevel: string;
  contactName: string | null;
  /** E.164. */
  citizenPhone: string;
  notes: string | null;
}

/** The remittance batch that carried a leg's collected fee to the agency. */
export interface LegRemittance {
  id: string;
  reference: string;
  /** Local date (Asia/Ho_Chi_Minh) YYYY-MM-DD. */
  remittedOn: string;
}

/** The offer waiting for the office's answer (leg in `assigned`). */
export interface PendingOffer {
  assignmentId: string;
  officeId: string;
  /** Accept before this instant, or the offer times out and the leg moves on; null for a supervisor's manual assignment. */
  deadlineAt: string | null;
  offeredAt: string;
}

export interface LegView {
  id: string;
  requestId: string;
  requestCode: string;
  /** Present on the leg endpoints (list, get, actions); request views carry these fields themselves. */
  request?: LegRequestSummary;
  kind: LegKind;
  state: LegState;
  addressDetail: string;
  communeCode: string;
  lat: number | null;
  lng: number | null;
  remoteArea: boolean;
  windowFrom: string | null;
  windowTo: string | null;
  routeType: RouteType;
  basePostage: number;
  discount: number;
  postage: number;
  promotionId: string | null;
  promotionName: string | null;
  feeExpected: number;
  feeCollected: number | null;
  /** Whether (and by which batch) the collected fee was remitted to the agency; null while it is not. */
  remittance: LegRemittance | null;
  /** The offer awaiting an answer, with its acceptance deadline; null unless the leg is `assigned`. */
  pendingOffer: PendingOffer | null;
  /** The failed deliveries as the return-to-agency rule sees them (dates from the server's working calendar); null unless `failed_attempt`. */
  invitations: InvitationFacts | null;
  officeId: string | null;
  courierName: string | null;
  failedAttempts: number;
  routeAfter: string | null;
  dueAt: string;
  overdue: boolean;
  pickupChecklist: PickupChecklist | null;
  proofOfDelivery: ProofOfDelivery | null;
  assignments?: AssignmentView[];
  createdAt: string;
  updatedAt: string;
}

export interface PickupChecklist {
  missingDocuments: string[];
  slipSignedByBoth: boolean;
  sealedInFrontOfCitizen: boolean;
  feeReceiptNumber: string | null;
}

export interface ProofOfDelivery {
  recipientName: string;
  relation: string;
  deliveredAt: string;
  fileRef: string | null;
}

export interface BcciRequestView {
  id: string;
  code: string;
  option: BcciOption;
  dossierCode: string;
  procedureName: string;
  field: string;
  agency: string;
  serviceLevel: ServiceLevel;
  citizenId: string;
  citizenPhone: string;
  contactName: string | null;
  callId: string | null;
  feeOnBehalf: number;
  notes: string | null;
  priority: 'normal' | 'high';
  remoteArea: boolean;
  totalPostage: number;
  totalDiscount: number;
  createdById: string;
  createdAt: string;
  legs: LegView[];
}

/** What a citizen sees without login: status and dates only. */
export interface PublicRequestView {
  code: string;
  option: BcciOption;
  createdAt: string;
  legs: Array<{ kind: LegKind; state: LegState; dueAt: string; updatedAt: string; deliveredAt: string | null }>;
}

export interface TariffView {
  id: string;
  legKind: LegKind;
  routeType: RouteType;
  priceVnd: number;
  dueWorkingDays: number;
  active: boolean;
  updatedAt: string;
}

export interface PromotionView {
  id: string;
  name: string;
  /** Local dates in Asia/Ho_Chi_Minh, inclusive. */
  startsOn: string;
  endsOn: string;
  percent: number;
  legKinds: LegKind[];
  /** The rule applies when ANY listed condition matches (service level in the list OR field in the list); empty lists = no condition. */
  serviceLevels: ServiceLevel[];
  fields: string[];
  active: boolean;
  updatedAt: string;
}

export interface RemittanceView {
  id: string;
  officeId: string;
  reference: string;
  remittedOn: string;
  amount: number;
  legIds: string[];
  createdAt: string;
}

export interface UnremittedRow {
  officeId: string;
  legs: number;
  amount: number;
}

export interface LegEvent {
  legId: string;
  requestId: string;
  requestCode: string;
  officeId: string | null;
  assignmentId: string | null;
  from: LegState | null;
  to: LegState;
  reason: string | null;
  remoteArea: boolean;
  deadlineAt: string | null;
  at: string;
}

export interface DispatchServerEvents {
  /** A leg was offered to an office: to `office:<id>`, the creating operator and supervisors. */
  'dispatch:leg-assigned': (payload: LegEvent) => void;
  /** Any other state change of a leg (accepted, re-routed, picked up...). */
  'dispatch:leg-updated': (payload: LegEvent) => void;
  /** No eligible office is left for a leg: supervisors must assign it by hand. */
  'dispatch:escalated': (payload: LegEvent) => void;
  /** A leg passed its J+n due date without being delivered, returned or cancelled (`to` = its current state). */
  'dispatch:leg-overdue': (payload: LegEvent) => void;
}
