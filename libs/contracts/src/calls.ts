/** Shapes, state machines and socket events of the calls context, shared by server and dashboard. */
import { defineMachine } from './state-machine';

export const CALL_DIRECTIONS = ['inbound', 'outbound'] as const;
export type CallDirection = (typeof CALL_DIRECTIONS)[number];

export const CALL_CHANNELS = ['phone', 'email', 'sms', 'zalo', 'web', 'walk_in'] as const;
export type CallChannel = (typeof CALL_CHANNELS)[number];

export const CALL_OUTCOMES = [
  'guided',
  'request_created',
  'ticket_created',
  'transferred',
  'missed',
  'abandoned',
  'callback_done',
] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

/** Where a call stands on the line (PBX-driven calls go ringing → answered → ended; hand-logged calls are `ended`). */
export const CALL_STATES = ['ringing', 'answered', 'ended'] as const;
export type CallState = (typeof CALL_STATES)[number];

/**
 * A call on the line. The PBX may send its events in any order: whichever comes first creates the call `ringing`, a hangup
 * ends it (even unanswered), and an answer that arrives after the hangup only fills `answeredAt` (the call stays `ended`).
 * Hand-logged contacts are created `answered` or `ended`.
 */
export const CALL_MACHINE = defineMachine({
  name: 'call',
  transitions: { ringing: ['answered', 'ended'], answered: ['ended'], ended: [] } satisfies Record<
    CallState,
    CallState[]
  >,
  sets: { live: ['ringing', 'answered'] } satisfies Record<string, CallState[]>,
});

export const OPERATOR_STATUSES = ['available', 'on_call', 'wrap_up', 'break', 'offline'] as const;
export type OperatorStatus = (typeof OPERATOR_STATUSES)[number];

/** Who moves an operator's status: the operator, the PBX (answer, hangup), the wrap-up timer, the socket presence. */
export const OPERATOR_STATUS_CAUSES = [
  'operator',
  'cti:answer',
  'cti:hangup',
  'wrap_up_timer',
  'presence:online',
  'presence:offline',
] as const;
export type OperatorStatusCause = (typeof OPERATOR_STATUS_CAUSES)[number];

/**
 * What each cause may do (`from` '*' = any status). A move is allowed when its cause allows it; the machine below is the union
 * of these rules, so it cannot disagree with them.
 */
export const OPERATOR_STATUS_RULES: Readonly<
  Record<OperatorStatusCause, { from: readonly OperatorStatus[] | '*'; to: readonly OperatorStatus[] }>
> = {
  // Operators choose break/available; they cannot leave a call by clicking.
  operator: { from: ['available', 'wrap_up', 'break', 'offline'], to: ['available', 'break'] },
  'cti:answer': { from: '*', to: ['on_call'] },
  'cti:hangup': { from: ['on_call'], to: ['wrap_up', 'available'] },
  wrap_up_timer: { from: ['wrap_up'], to: ['available'] },
  'presence:online': { from: ['offline'], to: ['available'] },
  'presence:offline': { from: ['available', 'wrap_up', 'break'], to: ['offline'] },
};

const causeAllows = (cause: OperatorStatusCause, from: OperatorStatus, to: OperatorStatus): boolean => {
  const rule = OPERATOR_STATUS_RULES[cause];
  return from !== to && (rule.from === '*' || rule.from.includes(from)) && rule.to.includes(to);
};

export const OPERATOR_STATUS_MACHINE = defineMachine({
  name: 'operator status',
  transitions: Object.fromEntries(
    OPERATOR_STATUSES.map((from) => [
      from,
      OPERATOR_STATUSES.filter((to) => OPERATOR_STATUS_CAUSES.some((cause) => causeAllows(cause, from, to))),
    ]),
  ) as Record<OperatorStatus, OperatorStatus[]>,
  sets: { chosenByOperator: OPERATOR_STATUS_RULES.operator.to },
});

/** Pure: may `cause` move an operator from `from` to `to`? */
export function operatorStatusMoveAllowed(
  from: OperatorStatus,
  to: OperatorStatus,
  cause: OperatorStatusCause,
): boolean {
  return OPERATOR_STATUS_MACHINE.can(from, to) && causeAllows(cause, from, to);
}

/** The statuses an operator may pick from `from` (the console's status control offers exactly these). */
export function operatorStatusChoices(from: OperatorStatus): OperatorStatus[] {
  return OPERATOR_STATUS_MACHINE.next(from).filter((to) => causeAllows('operator', from, to));
}

export const CALLBACK_STATES = ['open', 'done', 'cancelled'] as const;
export type CallbackState = (typeof CALLBACK_STATES)[number];

/** A callback task: open until an outbound call reaches the citizen (done) or the missed call turns out answered (cancelled). */
export const CALLBACK_MACHINE = defineMachine({
  name: 'callback',
  transitions: { open: ['done', 'cancelled'], done: [], cancelled: [] } satisfies Record<
    CallbackState,
    CallbackState[]
  >,
  sets: { workable: ['open'], closed: ['done', 'cancelled'] } satisfies Record<string, CallbackState[]>,
});

export interface CitizenView {
  id: string;
  fullName: string | null;
  kind: 'person' | 'organisation';
  idNumber: string | null;
  addressDetail: string | null;
  communeCode: string | null;
  email: string | null;
  notes: string | null;
  /** E.164, primary first. */
  phones: Array<{ phone: string; isPrimary: boolean; label: string | null }>;
  createdAt: string;
  updatedAt: string;
}

export interface CallTopicView {
  id: string;
  code: string;
  name: string;
  active: boolean;
  sortOrder: number;
}

export interface CallView {
  id: string;
  direction: CallDirection;
  channel: CallChannel;
  state: CallState;
  /** E.164 of the citizen's side (caller for inbound, callee for outbound); null when withheld or not a phone channel. */
  phone: string | null;
  /** True when the PBX presented no number (anonymous / private / withheld). */
  withheld: boolean;
  /** The other end (our line / DID) as the PBX gave it. */
  line: string | null;
  queue: string | null;
  citizenId: string | null;
  operatorId: string | null;
  extension: string | null;
  pbx: string | null;
  externalId: string | null;
  startedAt: string;
  answeredAt: string | null;
  endedAt: string | null;
  /** Seconds from start to answer (or to the end when never answered). */
  waitSeconds: number | null;
  /** Seconds from answer to end. */
  talkSeconds: number | null;
  topicId: string | null;
  notes: string | null;
  outcome: CallOutcome | null;
  hangupCause: string | null;
  requestId: string | null;
  ticketId: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** What another context (requests, tickets) knows about a citizen: counts and the latest open item. */
export interface CitizenHistorySection {
  /** e.g. 'requests', 'tickets'. */
  kind: string;
  open: number;
  total: number;
  latest: { id: string; code: string | null; status: string; title: string | null; createdAt: string } | null;
}

/** The screen-pop: who is calling, what happened before, where they live. Same shape over REST and socket. */
export interface CallerLookupView {
  /** E.164, null for a withheld caller. */
  phone: string | null;
  display: string | null;
  withheld: boolean;
  citizen: CitizenView | null;
  commune: { code: string; name: string; remoteArea: boolean } | null;
  lastCalls: Array<
    Pick<CallView, 'id' | 'direction' | 'channel' | 'startedAt' | 'outcome' | 'topicId' | 'operatorId' | 'talkSeconds'>
  >;
  callCount: number;
  /** 'requests' and 'tickets' always present (zeros until their contexts register a provider). */
  history: { requests: CitizenHistorySection; tickets: CitizenHistorySection; [kind: string]: CitizenHistorySection };
  /** Open callback task for this number, if any. */
  openCallbackId: string | null;
}

export interface ScreenPopEvent {
  callId: string;
  event: 'new_call' | 'answer';
  call: CallView;
  caller: CallerLookupView;
}

export interface CallbackView {
  id: string;
  phone: string;
  citizenId: string | null;
  state: CallbackState;
  sourceCallId: string;
  missedCount: number;
  assigneeId: string | null;
  attempts: number;
  lastAttemptAt: string | null;
  closedCallId: string | null;
  closedAt: string | null;
  createdAt: string;
  /** Seconds since creation (at the time of the answer). */
  ageSeconds: number;
  version: number;
}

export interface CallbackAttemptView {
  id: string;
  callbackId: string;
  operatorId: string;
  at: string;
  result: 'no_answer' | 'busy' | 'reached' | 'wrong_number';
  note: string | null;
  callId: string | null;
}

export interface OperatorStatusView {
  userId: string;
  status: OperatorStatus;
  since: string;
  reason: string | null;
  version: number;
}

/** A row of the supervisor's operator board (GET /operator-status): the status plus who it is. */
export interface OperatorStatusRow extends OperatorStatusView {
  fullName: string | null;
  extension: string | null;
}

export interface BlockedNumberView {
  id: string;
  phone: string;
  reason: string | null;
  createdAt: string;
}

export interface PbxTokenView {
  id: string;
  name: string;
  active: boolean;
  outboundCallerId: string | null;
  createdAt: string;
  /** Only in the answer to the creation: the token is stored hashed. */
  token?: string;
}

export interface CallsServerEvents {
  /** Caller identity and history for the operator(s) concerned (the answering one, or every operator while unanswered). */
  'call:screen-pop': (payload: ScreenPopEvent) => void;
  /** A call appeared, was answered, ended or was edited (operators and supervisors). */
  'call:updated': (payload: CallView) => void;
  /** A callback task appeared or changed (operators and supervisors). */
  'callback:updated': (payload: CallbackView) => void;
  /** An operator's status changed (supervisors, and the operator). */
  'operator:status': (payload: OperatorStatusView) => void;
}
