import { useEffect, useState } from 'react';
import type { CallView, CallbackView, LegView, OperatorStatusRow, Page, TicketView } from '@hotline/contracts';
import { api } from '../../../lib/api-client';
import { useResource } from '../../../lib/resource';
import { allPages } from '../../dispatcher/legs-data';

export * from './supervision-rules';

/** Resource keys of the supervisor's screens (invalidate by prefix after a mutation or a live event). */
export const SUP_KEYS = {
  atRisk: 'tickets/at-risk',
  liveCalls: 'calls/live',
  callbacks: 'callbacks/open',
  backlog: 'callbacks/backlog',
  statuses: 'operator-status/all',
  unroutable: 'bcci-legs/unroutable',
  activeLegs: 'bcci-legs/active',
  leg: (id: string) => `bcci-legs/one/${id}`,
};

export interface CallbackBacklog {
  open: number;
  unassigned: number;
  oldestAgeSeconds: number | null;
  byAge: Record<'under15m' | 'from15mTo1h' | 'from1hTo4h' | 'over4h', number>;
}

/** Tickets still open with a target in warning or breached (the api leaves resolved and closed ones out). */
export function useAtRiskTickets() {
  return useResource<TicketView[]>(
    SUP_KEYS.atRisk,
    async () => (await allPages<TicketView>('/tickets', { atRisk: true, limit: 200 })).items,
  );
}

export function useLiveCalls() {
  return useResource<CallView[]>(SUP_KEYS.liveCalls, async () => (await api.get<Page<CallView>>('/calls/live')).items);
}

export function useWaitingCallbacks() {
  return useResource<CallbackView[]>(
    SUP_KEYS.callbacks,
    async () => (await api.get<Page<CallbackView>>('/callbacks', { query: { state: 'open', limit: 200 } })).items,
  );
}

export function useCallbackBacklog() {
  return useResource<CallbackBacklog>(SUP_KEYS.backlog, () => api.get<CallbackBacklog>('/callbacks/backlog'));
}

/** Supervisors and admins only (the api refuses operators): pass `enabled = false` for them. */
export function useOperatorStatuses(enabled = true) {
  return useResource<OperatorStatusRow[]>(
    enabled ? SUP_KEYS.statuses : null,
    async () => (await api.get<Page<OperatorStatusRow>>('/operator-status')).items,
  );
}

export function useUnroutableLegs() {
  return useResource<LegView[]>(
    SUP_KEYS.unroutable,
    async () => (await allPages<LegView>('/bcci-legs', { state: 'unroutable', limit: 200 })).items,
  );
}

/** One leg with its offers (who refused it and why). */
export function useLegDetail(id: string | null) {
  return useResource<LegView>(id ? SUP_KEYS.leg(id) : null, () => api.get<LegView>(`/bcci-legs/${id}`));
}

/** Every leg still moving (`active=true`: the leg machine's active set, unroutable included), page by page to the end. */
export function useActiveLegs(enabled: boolean) {
  return useResource<LegView[]>(
    enabled ? SUP_KEYS.activeLegs : null,
    async () => (await allPages<LegView>('/bcci-legs', { active: true, limit: 500 })).items,
  );
}

export async function fetchLeg(id: string): Promise<LegView> {
  return api.get<LegView>(`/bcci-legs/${id}`);
}

/** Re-renders every `ms` (countdowns, ages). */
export function useNow(ms: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}
