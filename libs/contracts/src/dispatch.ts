/** Shapes and socket events of the dispatch context (BCCI requests, legs, routing), shared by server and dashboard. */

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

export const ASSIGNMENT_STATES = ['pending', 'accepted', 'rejected', 'timed_out', 'withdrawn'] as const;
export type AssignmentState = (typeof ASSIGNMENT_STATES)[number];

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

/**
 * `active=true` on GET /bcci-legs: legs still on their way (routing, offered, held by an office). Excluded: the finished
 * states and `unroutable`, which is the supervisors' escalation queue (ask for it with `state=unroutable`).
 */
export const ACTIVE_LEG_STATES = [
  'routing',
  'assigned',
  'accepted',
  'courier_assigned',
  'picked_up',
  'failed_attempt',
] as const satisfies readonly LegState[];

/** GET /bcci-legs: one page of a list whose rows move while it is read (newest change first), with the total. */
export interface LegPage {
  items: LegView[];
  total: number;
  limit: number;
  offset: number;
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
