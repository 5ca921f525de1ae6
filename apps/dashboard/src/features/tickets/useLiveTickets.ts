import { useCallback, useMemo, useState } from 'react';
import type { TicketView } from '@hotline/contracts';
import { useRealtimeEvent } from '../../realtime/RealtimeProvider';
import { matchesFilter, newestTicket, useTicketList, type ListQuery } from './tickets-data';

/**
 * A ticket list kept live: the REST answer, with every `ticket:changed` seen since merged in by version — a changed row
 * updates in place, a new ticket that belongs to the filter appears, one that no longer does leaves.
 */
export function useLiveTickets(q: ListQuery) {
  const list = useTicketList(q);
  const [live, setLive] = useState<Record<string, TicketView>>({});
  const remember = useCallback(
    (tk: TicketView) => setLive((m) => ({ ...m, [tk.id]: newestTicket(m[tk.id], tk)! })),
    [],
  );
  useRealtimeEvent('ticket:changed', (p) => remember(p.ticket));

  const rows = useMemo(() => {
    const now = Date.now();
    const map = new Map<string, TicketView>();
    for (const r of list.data ?? []) map.set(r.id, newestTicket(r, live[r.id])!);
    for (const l of Object.values(live)) {
      const merged = newestTicket(map.get(l.id), l)!;
      if (matchesFilter(merged, q.filter, q.me, { status: q.status, kind: q.kind }, now)) map.set(l.id, merged);
      else map.delete(l.id);
    }
    return [...map.values()].sort((a, b) => b.receivedAt.localeCompare(a.receivedAt) || b.id.localeCompare(a.id));
  }, [list.data, live, q.filter, q.me, q.status, q.kind]);

  return { ...list, rows, live, remember };
}
