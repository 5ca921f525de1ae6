import { useCallback, useMemo, useState, type Dispatch, type SetStateAction } from 'react';
import type { CallView, CallerLookupView, ScreenPopEvent } from '@hotline/contracts';
import { api } from '../../../lib/api-client';
import { invalidate, useResource } from '../../../lib/resource';
import { useRealtimeEvent } from '../../../realtime/RealtimeProvider';
import { KEYS, newest, useCallsToday } from '../calls-data';

/** The selected call's caller: the screen-pop's data when it came with one, else a lookup of its number. */
function useSelectedCaller(
  selectedId: string | null,
  selected: CallView | undefined,
  pops: Record<string, CallerLookupView>,
  setPops: Dispatch<SetStateAction<Record<string, CallerLookupView>>>,
) {
  const popCaller = selectedId ? pops[selectedId] : undefined;
  const lookupPhone = !popCaller && selected?.phone ? selected.phone : null;
  const lookup = useResource<CallerLookupView>(lookupPhone ? KEYS.lookup(lookupPhone) : null, () =>
    api.get<CallerLookupView>('/citizens/lookup', { query: { phone: lookupPhone! } }),
  );
  const caller = popCaller ?? (selected?.withheld ? undefined : lookup.data);

  /** After a request or ticket is created from the call, the screen-pop's history counts are read again. */
  const refreshCaller = useCallback(() => {
    const id = selectedId;
    const phone = selected?.phone;
    if (!id || !phone) return;
    invalidate(KEYS.lookup(phone));
    void api.get<CallerLookupView>('/citizens/lookup', { query: { phone } }).then(
      (c) => setPops((m) => (id in m ? { ...m, [id]: c } : m)),
      () => undefined, // the counts stay as they were; the request itself was created
    );
  }, [selectedId, selected?.phone, setPops]);

  return { caller, refreshCaller };
}

/**
 * The calls the console shows: today's (REST), overtaken by what arrives live (screen-pops, call:updated: the newest version
 * wins), the selected one and its caller (the screen-pop's data, else a lookup of its number).
 */
export function useConsoleCalls(me: { id: string }) {
  const today = useCallsToday(me.id);
  const [live, setLive] = useState<Record<string, CallView>>({});
  const [pops, setPops] = useState<Record<string, CallerLookupView>>({});
  const [selectedId, setSelectedId] = useState<string | null>(null);

  const callById = useCallback(
    (id: string | null): CallView | undefined =>
      id
        ? newest(
            today.data?.items.find((c) => c.id === id),
            live[id],
          )
        : undefined,
    [today.data, live],
  );
  const selected = callById(selectedId);
  const remember = useCallback((c: CallView) => setLive((m) => ({ ...m, [c.id]: newest(m[c.id], c)! })), []);

  /** A call of mine that still needs its notes: do not take the panel away from it for a call ringing elsewhere. */
  const busyWith = (c: CallView | undefined) =>
    !!c && c.operatorId === me.id && c.state !== 'ringing' && c.outcome === null;

  useRealtimeEvent('call:screen-pop', (p: ScreenPopEvent) => {
    remember(p.call);
    setPops((m) => ({ ...m, [p.callId]: p.caller }));
    if (p.event === 'answer' || !busyWith(callById(selectedId))) setSelectedId(p.callId);
  });

  useRealtimeEvent('call:updated', (c: CallView) => {
    const mineToday = today.data?.items.some((x) => x.id === c.id);
    if (c.operatorId !== me.id && !(c.id in live || c.id === selectedId || mineToday)) return;
    remember(c);
    if (c.operatorId === me.id && !mineToday) invalidate('calls/today');
  });

  const { caller, refreshCaller } = useSelectedCaller(selectedId, selected, pops, setPops);

  const ringing = Object.values(live).filter((c) => c.state === 'ringing' && c.id !== selectedId);
  const myCalls = useMemo(() => {
    const map = new Map<string, CallView>();
    for (const c of today.data?.items ?? []) map.set(c.id, c);
    for (const c of Object.values(live))
      if (c.operatorId === me.id && map.has(c.id)) map.set(c.id, newest(map.get(c.id), c)!);
    return [...map.values()].sort((a, b) => b.startedAt.localeCompare(a.startedAt));
  }, [today.data, live, me.id]);

  return {
    today,
    selected,
    selectedId,
    setSelectedId,
    caller,
    refreshCaller,
    ringing,
    myCalls,
    remember,
    replace: (c: CallView) => setLive((m) => ({ ...m, [c.id]: c })),
  };
}
