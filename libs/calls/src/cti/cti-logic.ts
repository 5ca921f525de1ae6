/**
 * The CTI state logic, pure: given the call as stored and one PBX event, what changes. Both the generic
 * `POST /cti/events` format and Zammad's format are turned into a `CtiEvent` first, so they share this logic.
 *
 * Order tolerance: a call row is created by whichever event arrives first; every instant only moves in the
 * direction that keeps it consistent (start = earliest event seen, answer ≥ start, end ≥ answer), and an event that
 * adds nothing (a duplicate) yields no change at all.
 */
import type { CallDirection, CallOutcome, CallState } from '@hotline/contracts';

export const CTI_EVENT_TYPES = ['new_call', 'answer', 'hangup'] as const;
export type CtiEventType = (typeof CTI_EVENT_TYPES)[number];

/** Zammad's hangup causes, plus what generic PBXs send. */
export const CTI_CAUSES = [
  'normalClearing',
  'busy',
  'cancel',
  'noAnswer',
  'congestion',
  'notFound',
  'forwarded',
] as const;

export interface CtiEvent {
  type: CtiEventType;
  callId: string;
  direction: CallDirection;
  /** Raw numbers as the PBX sent them. */
  from: string | null;
  to: string | null;
  queue: string | null;
  /** The extension(s) concerned: ringing ones on new_call, the answering one on answer. */
  extensions: string[];
  cause: string | null;
  at: Date;
}

/** The fields of a call the logic reads and writes. */
export interface CtiCallState {
  state: CallState;
  direction: CallDirection;
  startedAt: Date;
  answeredAt: Date | null;
  endedAt: Date | null;
  operatorId: string | null;
  extension: string | null;
  queue: string | null;
  outcome: CallOutcome | null;
  hangupCause: string | null;
  waitSeconds: number | null;
  talkSeconds: number | null;
}

export interface CtiDecision {
  changes: Partial<CtiCallState>;
  /** The call ended unanswered with this outcome (missed/abandoned) by this event. */
  unansweredEnd: boolean;
  /** The call was answered by this event (first time). */
  answered: boolean;
  /** The call ended by this event (first time). */
  ended: boolean;
}

const sec = (a: Date, b: Date) => Math.max(0, Math.round((b.getTime() - a.getTime()) / 1000));
const min = (a: Date, b: Date) => (a.getTime() <= b.getTime() ? a : b);
const max = (a: Date, b: Date) => (a.getTime() >= b.getTime() ? a : b);

/** missed / abandoned / transferred for a call that ends without an answer (or forwarded). */
export function unansweredOutcome(
  direction: CallDirection,
  waitSeconds: number,
  cause: string | null,
  abandonAfterSeconds: number,
): CallOutcome {
  if (cause === 'forwarded') return 'transferred';
  if (direction === 'inbound' && waitSeconds >= abandonAfterSeconds) return 'abandoned';
  return 'missed';
}

/** Derived seconds, from the instants: wait = start → answer (or → end), talk = answer → end. */
export function derivedSeconds(s: Pick<CtiCallState, 'startedAt' | 'answeredAt' | 'endedAt'>): {
  waitSeconds: number | null;
  talkSeconds: number | null;
} {
  const waitSeconds = s.answeredAt ? sec(s.startedAt, s.answeredAt) : s.endedAt ? sec(s.startedAt, s.endedAt) : null;
  const talkSeconds = s.answeredAt && s.endedAt ? sec(s.answeredAt, s.endedAt) : null;
  return { waitSeconds, talkSeconds };
}

/**
 * Applies one event to the stored call. `answeringOperatorId` is the operator whose extension answered (resolved
 * by the caller). Returns only the fields that change: an empty `changes` means the event was a duplicate.
 */
export function applyCtiEvent(
  call: CtiCallState,
  e: CtiEvent,
  answeringOperatorId: string | null,
  abandonAfterSeconds: number,
): CtiDecision {
  const next: CtiCallState = { ...call };
  let answered = false;
  let ended = false;

  // Any event proves the call existed at e.at: the start is the earliest instant seen.
  next.startedAt = min(call.startedAt, e.at);
  if (!next.queue && e.queue) next.queue = e.queue;

  if (e.type === 'answer') {
    if (!call.answeredAt) {
      // Out of order (hangup seen first): the answer cannot be after the end.
      next.answeredAt = call.endedAt ? min(max(e.at, next.startedAt), call.endedAt) : max(e.at, next.startedAt);
      answered = true;
    } else if (e.at.getTime() < call.answeredAt.getTime()) {
      next.answeredAt = max(e.at, next.startedAt);
    }
    if (!call.operatorId && answeringOperatorId) next.operatorId = answeringOperatorId;
    if (!call.extension && e.extensions[0]) next.extension = e.extensions[0];
    if (call.state === 'ringing') next.state = 'answered';
    // An answer that arrives after the hangup turns a "missed" call back into an answered one.
    if (call.endedAt && (call.outcome === 'missed' || call.outcome === 'abandoned')) next.outcome = null;
  }

  if (e.type === 'hangup') {
    if (!call.endedAt) {
      next.endedAt = max(e.at, next.answeredAt ?? next.startedAt);
      next.hangupCause = e.cause;
      ended = true;
    }
    next.state = 'ended';
  }
  if (next.endedAt) next.state = 'ended';
  // Answer seen after start: keep the start no later than the answer.
  if (next.answeredAt && next.startedAt.getTime() > next.answeredAt.getTime()) next.startedAt = next.answeredAt;

  const derived = derivedSeconds(next);
  next.waitSeconds = derived.waitSeconds;
  next.talkSeconds = derived.talkSeconds;

  let unansweredEnd = false;
  if (next.endedAt && !next.answeredAt && !call.outcome) {
    next.outcome = unansweredOutcome(next.direction, next.waitSeconds ?? 0, next.hangupCause, abandonAfterSeconds);
    unansweredEnd = next.outcome === 'missed' || next.outcome === 'abandoned';
  } else if (next.endedAt && next.answeredAt && next.hangupCause === 'forwarded' && !call.outcome && !next.outcome) {
    next.outcome = 'transferred';
  }

  const changes: Partial<CtiCallState> = {};
  for (const key of Object.keys(next) as Array<keyof CtiCallState>) {
    const a = call[key];
    const b = next[key];
    const same = a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b;
    if (!same) (changes as Record<string, unknown>)[key] = b;
  }
  return { changes, unansweredEnd, answered, ended };
}

/** The initial row for a call first seen through event `e` (whatever its type). */
export function initialCallState(e: CtiEvent): CtiCallState {
  return {
    state: 'ringing',
    direction: e.direction,
    startedAt: e.at,
    answeredAt: null,
    endedAt: null,
    operatorId: null,
    extension: null,
    queue: e.queue,
    outcome: null,
    hangupCause: null,
    waitSeconds: null,
    talkSeconds: null,
  };
}

/** Zammad's generic CTI fields → our event. Returns an error message for a malformed body. */
export function fromZammad(body: Record<string, unknown>, at: Date): CtiEvent | string {
  const str = (k: string): string | null => {
    const v = body[k];
    if (v === undefined || v === null || v === '') return null;
    return Array.isArray(v) ? String(v[0]) : String(v);
  };
  const types: Record<string, CtiEventType> = { newCall: 'new_call', answer: 'answer', hangup: 'hangup' };
  const event = str('event');
  if (!event || !types[event]) return 'event must be newCall, answer or hangup';
  const callId = str('callId') ?? str('call_id');
  if (!callId || callId.length > 120) return 'callId is required (at most 120 characters)';
  const dir = str('direction');
  if (dir !== 'in' && dir !== 'out') return 'direction must be in or out';
  const cause = str('cause');
  if (cause && !(CTI_CAUSES as readonly string[]).includes(cause))
    return `cause must be one of ${CTI_CAUSES.join(', ')}`;
  const users = body['user[]'] ?? body.user;
  const list = (Array.isArray(users) ? users : users == null || users === '' ? [] : [users]).map(String);
  const answering = str('answeringNumber');
  const extensions = [...(answering ? [answering] : []), ...list].map((x) => x.trim()).filter(Boolean);
  return {
    type: types[event],
    callId,
    direction: dir === 'in' ? 'inbound' : 'outbound',
    from: str('from'),
    to: str('to'),
    queue: str('queue'),
    extensions,
    cause,
    at,
  };
}
