import { useCallback, useEffect, useRef, useSyncExternalStore } from 'react';

/**
 * A deliberately small data cache: one entry per key, shared by every component that asks for it.
 * - `invalidateAll()` marks everything stale (after a socket reconnect: events may have been missed, so whatever is on
 *   screen is fetched again over REST); mounted hooks refetch, unmounted entries refetch when next used.
 * - `invalidate(prefix)` after a mutation.
 * The previous data stays on screen while a refetch runs, so lists do not flicker.
 */
interface Entry {
  data?: unknown;
  error?: unknown;
  loading: boolean;
  stale: boolean;
  /** Bumped per load so that a slow, older answer never overwrites a newer one. */
  seq: number;
}

const MAX_ENTRIES = 300;
const cache = new Map<string, Entry>();
const listeners = new Set<() => void>();
let version = 0;
let seq = 0;

function notify(): void {
  version++;
  for (const l of [...listeners]) l();
}

function subscribe(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

export function invalidateAll(): void {
  for (const e of cache.values()) e.stale = true;
  notify();
}

export function invalidate(...prefixes: string[]): void {
  for (const [key, e] of cache) if (prefixes.some((p) => key.startsWith(p))) e.stale = true;
  notify();
}

/** Forget everything (logout: the next user must not see the previous one's data). */
export function clearCache(): void {
  cache.clear();
  notify();
}

function load(key: string, fetcher: () => Promise<unknown>): void {
  const mySeq = ++seq;
  const prev = cache.get(key);
  cache.delete(key); // re-insert: Map order doubles as least-recently-loaded order
  cache.set(key, { data: prev?.data, error: undefined, loading: true, stale: false, seq: mySeq });
  while (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
  const settle = (patch: Partial<Entry>) => {
    const e = cache.get(key);
    if (!e || e.seq !== mySeq) return;
    cache.set(key, { ...e, ...patch, loading: false });
    notify();
  };
  fetcher().then(
    (data) => settle({ data, error: undefined }),
    (error: unknown) => settle({ error }),
  );
  notify();
}

export interface Resource<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
}

/** Data for `key` (null: nothing to load yet). The fetcher may change between renders; the key decides. */
export function useResource<T>(key: string | null, fetcher: () => Promise<T>): Resource<T> {
  const v = useSyncExternalStore(subscribe, () => version);
  const fetcherRef = useRef(fetcher);
  fetcherRef.current = fetcher;

  useEffect(() => {
    if (key === null) return;
    const e = cache.get(key);
    if (!e || (e.stale && !e.loading)) load(key, () => fetcherRef.current());
  }, [key, v]);

  const reload = useCallback(() => {
    if (key !== null) load(key, () => fetcherRef.current());
  }, [key]);

  const e = key === null ? undefined : cache.get(key);
  return {
    data: e?.data as T | undefined,
    error: e?.error,
    loading: key !== null && (!e || e.loading || e.stale),
    reload,
  };
}
