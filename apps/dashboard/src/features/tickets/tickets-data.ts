import { useMemo, useSyncExternalStore } from 'react';
import type {
  AgencyView,
  FeedbackCategoryView,
  OperatorDirectoryEntry,
  Page,
  TicketDetailView,
  TicketHistoryEntry,
  TicketKind,
  TicketPriority,
  TicketStatus,
  TicketView,
} from '@hotline/contracts';
import { useCurrentUser } from '../../auth/session';
import type { MessageKey } from '../../i18n/i18n';
import { api } from '../../lib/api-client';
import { fetchAllPages } from '../../lib/pages';
import { useResource } from '../../lib/resource';
import { useOperatorStatuses } from '../supervisor/live/supervision-data';
import type { TicketFilter } from './sla-countdown';
import { mergeStaff } from './staff-directory';

export * from './sla-countdown';

/** Resource keys of the tickets screens (invalidate by prefix after a mutation or a live event). */
export const TICKET_KEYS = {
  categories: 'feedback/categories',
  agencies: 'feedback/agencies',
  list: (q: string) => `tickets/list?${q}`,
  detail: (id: string) => `tickets/one/${id}`,
  history: (id: string) => `tickets/history/${id}`,
  operators: 'users/operators',
};

export const kindKey = (k: TicketKind): MessageKey => `tickets.kind.${k}` as MessageKey;
export const statusKey = (s: TicketStatus): MessageKey => `tickets.status.${s}` as MessageKey;
export const priorityKey = (p: TicketPriority): MessageKey => `tickets.priority.${p}` as MessageKey;

export const STATUS_COLORS: Record<TicketStatus, string> = {
  new: 'blue',
  open: 'geekblue',
  waiting_citizen: 'gold',
  forwarded: 'purple',
  resolved: 'green',
  closed: 'default',
  reopened: 'volcano',
};
export const PRIORITY_COLORS: Record<TicketPriority, string> = {
  low: 'default',
  normal: 'blue',
  high: 'orange',
  urgent: 'red',
};

export function useCategories() {
  const r = useResource<FeedbackCategoryView[]>(
    TICKET_KEYS.categories,
    async () => (await api.get<Page<FeedbackCategoryView>>('/feedback/categories')).items,
  );
  const byId = useMemo(() => new Map((r.data ?? []).map((c) => [c.id, c])), [r.data]);
  return { ...r, byId, active: (r.data ?? []).filter((c) => c.active) };
}

export function useAgencies() {
  const r = useResource<AgencyView[]>(
    TICKET_KEYS.agencies,
    async () => (await api.get<Page<AgencyView>>('/feedback/agencies')).items,
  );
  const byId = useMemo(() => new Map((r.data ?? []).map((a) => [a.id, a])), [r.data]);
  return { ...r, byId, active: (r.data ?? []).filter((a) => a.active) };
}

/**
 * Who the staff ids of tickets are: supervisors and admins read every active operator (GET /users/operators) merged with
 * the live operator board (GET /operator-status); operators may not, and get an empty directory (the screens fall back
 * to the short id).
 */
export function useStaffDirectory() {
  const me = useCurrentUser();
  const allowed = me.role === 'supervisor' || me.role === 'admin';
  const statuses = useOperatorStatuses(allowed);
  const directory = useResource<OperatorDirectoryEntry[]>(allowed ? TICKET_KEYS.operators : null, async () => {
    const page = await api.get<Page<OperatorDirectoryEntry>>('/users/operators');
    return page.items;
  });
  const { byId, pickable } = useMemo(() => mergeStaff(directory.data, statuses.data), [directory.data, statuses.data]);
  return {
    allowed,
    byId,
    pickable,
    loading: (directory.loading && !directory.data) || (statuses.loading && !statuses.data),
    error: directory.error,
  };
}

export interface ListQuery {
  filter: TicketFilter;
  me: string;
  status?: TicketStatus;
  kind?: TicketKind;
  /** Only tickets being worked on (the machine's `open` set). */
  open?: boolean;
  /** Search: a code, a phone number, a citizen's name or words of the subject. */
  q?: string;
  /** The page: null or absent for the first (newest) one. */
  cursor?: string | null;
}

/** Tickets per page of the list. */
export const TICKET_PAGE_SIZE = 50;

/** The REST query of a list filter (GET /tickets). */
export function listParams(q: ListQuery): Record<string, string | number | boolean | undefined> {
  return {
    assigneeId: q.filter === 'mine' ? q.me : undefined,
    queue: q.filter === 'supervisorQueue' ? 'supervisors' : undefined,
    atRisk: q.filter === 'atRisk' ? true : undefined,
    open: q.open || undefined,
    status: q.status,
    kind: q.kind,
    q: q.q?.trim() || undefined,
    cursor: q.cursor ?? undefined,
    limit: TICKET_PAGE_SIZE,
  };
}

/** One page of the list ({ items, nextCursor }). */
export function useTicketList(q: ListQuery) {
  const params = listParams(q);
  const key = TICKET_KEYS.list(JSON.stringify(params));
  return useResource<Page<TicketView>>(key, () => api.get<Page<TicketView>>('/tickets', { query: params }));
}

export function useTicketDetail(id: string | null) {
  return useResource<TicketDetailView>(id ? TICKET_KEYS.detail(id) : null, () =>
    api.get<TicketDetailView>(`/tickets/${id}`),
  );
}

export function useTicketHistory(id: string | null) {
  return useResource<TicketHistoryEntry[]>(id ? TICKET_KEYS.history(id) : null, () =>
    fetchAllPages<TicketHistoryEntry>(`/tickets/${id}/history`, {}, 1000),
  );
}

// ---- one shared one-second clock for every countdown on screen ---------------------------------------------------------------
const tickListeners = new Set<() => void>();
let tickNow = Date.now();
let tickTimer: ReturnType<typeof setInterval> | null = null;

function subscribeTick(l: () => void): () => void {
  tickListeners.add(l);
  if (!tickTimer) {
    tickNow = Date.now();
    tickTimer = setInterval(() => {
      tickNow = Date.now();
      for (const fn of [...tickListeners]) fn();
    }, 1000);
  }
  return () => {
    tickListeners.delete(l);
    if (!tickListeners.size && tickTimer) {
      clearInterval(tickTimer);
      tickTimer = null;
    }
  };
}

/** The current time, re-rendering the component every second (one interval for the whole page). */
export function useNow(): number {
  return useSyncExternalStore(subscribeTick, () => tickNow);
}
