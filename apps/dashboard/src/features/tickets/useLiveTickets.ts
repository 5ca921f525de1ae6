import { useCallback, useMemo, useState } from 'react';
import type { TicketView } from '@hotline/contracts';
import { useRealtimeEvent } from '../../realtime/RealtimeProvider';
import { matchesFilter, newestTicket, useTicketList, type ListQuery } from './tickets-data';

/**
 * A page of the ticket list kept live: the REST answer, with every `ticket:changed` seen since merged in by version — a
 * changed row updates in place; on the first page of an unsearched list a new ticket that belongs to the filter appears and
 * one that no longer does leaves (other pages and search results only update the rows they show).
 */
export function useLiveTickets(q: ListQuery) {
  const list = useTicketList(q);
  const [live, setLive] = useState<Record<string, TicketView>>({});
  const remember = useCallback(
    (tk: TicketView) => setLive((m) => ({ ...m, [tk.id]: newestTicket(m[tk.id], tk)! })),
    [],
  );
  useRealtimeEvent('ticket:changed', (p) => remember(p.ticket));
  const head = !q.cursor && !q.q?.trim();

  const rows = useMemo(() => {
    const now = Date.now();
    const map = new Map<string, TicketView>();
    for (const r of list.data?.items ?? []) map.set(r.id, newestTicket(r, live[r.id])!);
    for (const l of Object.values(live)) {
      if (!head && !map.has(l.id)) continue;
      const merged = newestTicket(map.get(l.id), l)!;
      const f = { filter: q.filter, me: q.me, status: q.status, kind: q.kind, open: q.open };
      if (matchesFilter(merged, f, now)) map.set(l.id, merged);
      else map.delete(l.id);
    }
    return [...map.values()].sort((a, b) => b.receivedAt.localeCompare(a.receivedAt) || b.id.localeCompare(a.id));
  }, [list.data, live, head, q.filter, q.me, q.status, q.kind, q.open]);

  return { ...list, rows, live, remember, nextCursor: list.data?.nextCursor ?? null };
}
