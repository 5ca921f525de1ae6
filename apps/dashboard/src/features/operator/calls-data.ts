import { useMemo } from 'react';
import type { CallOutcome, CallTopicView, CallView, CallbackView, OperatorStatusView, Page } from '@hotline/contracts';
import type { MessageKey } from '../../i18n/i18n';
import { api } from '../../lib/api-client';
import { useResource } from '../../lib/resource';
import { startOfTodayVN } from './console-time';

export { clock, startOfTodayVN } from './console-time';

/** Resource keys of the console (invalidate by prefix after a mutation or a live event). */
export const KEYS = {
  topics: 'call-topics/all',
  callsToday: (userId: string, day: string) => `calls/today?${userId}&${day}`,
  callbacks: 'callbacks/open',
  myStatus: (userId: string) => `operator-status/me?${userId}`,
  lookup: (phone: string) => `citizens/lookup?${phone}`,
};

/** Outcomes an operator picks by hand; `request_created` / `ticket_created` are set by those modules, missed/abandoned by the PBX. */
export const MANUAL_OUTCOMES: readonly CallOutcome[] = ['guided', 'transferred', 'callback_done'];

export const outcomeKey = (o: CallOutcome): MessageKey => `op.outcome.${o}` as MessageKey;

export const OUTCOME_COLORS: Record<CallOutcome, string> = {
  guided: 'green',
  request_created: 'blue',
  ticket_created: 'purple',
  transferred: 'cyan',
  missed: 'red',
  abandoned: 'volcano',
  callback_done: 'geekblue',
};

export function useTopics() {
  const r = useResource<CallTopicView[]>(
    KEYS.topics,
    async () => (await api.get<Page<CallTopicView>>('/call-topics', { query: { all: true } })).items,
  );
  const byId = useMemo(() => new Map((r.data ?? []).map((t) => [t.id, t])), [r.data]);
  const active = useMemo(
    () => (r.data ?? []).filter((t) => t.active).sort((a, b) => a.sortOrder - b.sortOrder),
    [r.data],
  );
  return { ...r, byId, active };
}

export function useCallsToday(userId: string) {
  const { iso, day } = startOfTodayVN();
  return useResource<Page<CallView>>(KEYS.callsToday(userId, day), () =>
    api.get<Page<CallView>>('/calls', { query: { from: iso, limit: 200 } }),
  );
}

/** The oldest 200 open callbacks (the list is oldest first). */
export function useOpenCallbacks() {
  return useResource<CallbackView[]>(
    KEYS.callbacks,
    async () => (await api.get<Page<CallbackView>>('/callbacks', { query: { state: 'open', limit: 200 } })).items,
  );
}

export function useMyStatus(userId: string) {
  return useResource<OperatorStatusView>(KEYS.myStatus(userId), () =>
    api.get<OperatorStatusView>('/operator-status/me'),
  );
}

/** The newest of two versions of one call (live events and REST answers may arrive in any order). */
export function newest(a: CallView | undefined, b: CallView | undefined): CallView | undefined {
  if (!a) return b;
  if (!b) return a;
  return b.version >= a.version ? b : a;
}
