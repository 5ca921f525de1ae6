/** Shapes and socket events of the calls context, shared by server and dashboard. */

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

export const OPERATOR_STATUSES = ['available', 'on_call', 'wrap_up', 'break', 'offline'] as const;
export type OperatorStatus = (typeof OPERATOR_STATUSES)[number];

export const CALLBACK_STATES = ['open', 'done', 'cancelled'] as const;
export type CallbackState = (typeof CALLBACK_STATES)[number];

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
