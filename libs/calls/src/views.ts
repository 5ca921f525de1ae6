import type {
  BlockedNumberView,
  CallTopicView,
  CallView,
  CallbackView,
  CitizenView,
  OperatorStatusView,
  PbxTokenView,
} from '@hotline/contracts';
import type { BlockedNumber } from './blocked-number.entity';
import type { CallTopic } from './call-topic.entity';
import type { Call } from './call.entity';
import type { Callback } from './callback.entity';
import type { CitizenPhone } from './citizen-phone.entity';
import type { Citizen } from './citizen.entity';
import type { OperatorState } from './operator-state.entity';
import type { PbxToken } from './pbx-token.entity';

/** Rows → the shapes of the api (libs/contracts). Pure. */

export function toCallView(c: Call): CallView {
  return {
    id: c.id,
    direction: c.direction,
    channel: c.channel,
    state: c.state,
    phone: c.phone,
    withheld: !!c.withheld,
    line: c.line,
    queue: c.queue,
    citizenId: c.citizenId,
    operatorId: c.operatorId,
    extension: c.extension,
    pbx: c.pbx,
    externalId: c.externalId,
    startedAt: c.startedAt.toISOString(),
    answeredAt: c.answeredAt?.toISOString() ?? null,
    endedAt: c.endedAt?.toISOString() ?? null,
    waitSeconds: c.waitSeconds,
    talkSeconds: c.talkSeconds,
    topicId: c.topicId,
    notes: c.notes,
    outcome: c.outcome,
    hangupCause: c.hangupCause,
    requestId: c.requestId,
    ticketId: c.ticketId,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
    version: c.version,
  };
}

/** `phones` already filtered to this citizen and ordered primary first. */
export function toCitizenView(c: Citizen, phones: CitizenPhone[]): CitizenView {
  return {
    id: c.id,
    fullName: c.fullName,
    kind: c.kind,
    idNumber: c.idNumber,
    addressDetail: c.addressDetail,
    communeCode: c.communeCode,
    email: c.email,
    notes: c.notes,
    phones: phones.map((p) => ({ phone: p.phone, isPrimary: !!p.isPrimary, label: p.label })),
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

export const toTopicView = (t: CallTopic): CallTopicView => ({
  id: t.id,
  code: t.code,
  name: t.name,
  active: !!t.active,
  sortOrder: t.sortOrder,
});

/** `nowMs`: the age is computed at the time of the answer. */
export function toCallbackView(c: Callback, nowMs: number): CallbackView {
  return {
    id: c.id,
    phone: c.phone,
    citizenId: c.citizenId,
    state: c.state,
    sourceCallId: c.sourceCallId,
    missedCount: c.missedCount,
    assigneeId: c.assigneeId,
    attempts: c.attempts,
    lastAttemptAt: c.lastAttemptAt?.toISOString() ?? null,
    closedCallId: c.closedCallId,
    closedAt: c.closedAt?.toISOString() ?? null,
    createdAt: c.createdAt.toISOString(),
    ageSeconds: Math.max(0, Math.round((nowMs - c.createdAt.getTime()) / 1000)),
    version: c.version,
  };
}

export const toStatusView = (s: OperatorState): OperatorStatusView => ({
  userId: s.userId,
  status: s.status,
  since: s.since.toISOString(),
  reason: s.reason,
  version: s.version,
});

export const toTokenView = (t: PbxToken): PbxTokenView => ({
  id: t.id,
  name: t.name,
  active: !!t.active,
  outboundCallerId: t.outboundCallerId,
  createdAt: t.createdAt.toISOString(),
});

export const toBlockedView = (b: BlockedNumber): BlockedNumberView => ({
  id: b.id,
  phone: b.phone,
  reason: b.reason,
  createdAt: b.createdAt.toISOString(),
});
