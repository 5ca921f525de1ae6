/**
 * The one in-process cache of the code base: a value per key, loaded from MySQL and kept until its version changes. At most
 * every `recheckMs` a cheap version read (a version column, MAX(updated_at), a counter) decides whether to reload; an edit in
 * this process calls `invalidate` (and may broadcast it to the others through core's InvalidationBus), so its effect is
 * immediate here and, for the others, as soon as the message arrives (`recheckMs` late at worst). Concurrent misses share one
 * load. A load that an invalidation overtook (it may have read the row before the change committed) still answers the
 * callers that were waiting for it, but is not kept, and later callers do not join it.
 */
export interface VersionedCacheOptions<K, V> {
  /** How long a value is served without asking for its version. */
  recheckMs: number;
  /** The cheap read that says whether the value changed; omit it to reload every `recheckMs` (a plain TTL). */
  version?: (key: K) => Promise<string | number | null>;
  load: (key: K) => Promise<V>;
  now?: () => number;
  /** At most this many keys: past it the least recently used one is dropped. Omit it for a small, fixed set of keys. */
  maxEntries?: number;
}

interface Entry<V> {
  value: V;
  version: string | number | null;
  checkedAt: number;
}

/** A load under way. `overtaken`: an invalidation came while it ran, so what it read may predate the change. */
interface Flight<V> {
  promise: Promise<V>;
  overtaken: boolean;
}

export class VersionedCache<K, V> {
  private readonly entries = new Map<K, Entry<V>>();
  private readonly loading = new Map<K, Flight<V>>();
  private readonly now: () => number;

  constructor(private readonly options: VersionedCacheOptions<K, V>) {
    this.now = options.now ?? Date.now;
  }

  /** How many keys are held now. */
  get size(): number {
    return this.entries.size;
  }

  async get(key: K): Promise<V> {
    const entry = this.entries.get(key);
    if (entry && this.now() - entry.checkedAt < this.options.recheckMs) {
      if (this.options.maxEntries) this.touch(key, entry);
      return entry.value;
    }
    const pending = this.loading.get(key);
    if (pending) return pending.promise;
    const flight = { overtaken: false } as Flight<V>;
    flight.promise = this.refresh(key, entry, flight).finally(() => {
      if (this.loading.get(key) === flight) this.loading.delete(key);
    });
    this.loading.set(key, flight);
    return flight.promise;
  }

  /** Drop one key (or everything): the next get reloads, even if a load started before this call is still under way. */
  invalidate(key?: K): void {
    if (key === undefined) {
      this.entries.clear();
      this.overtake(this.loading.keys());
    } else {
      this.entries.delete(key);
      this.overtake([key]);
    }
  }

  /**
   * Drop every key whose value matches (e.g. every session of one user). Loads under way have no value yet to match:
   * none of them is kept.
   */
  invalidateWhere(matches: (value: V, key: K) => boolean): void {
    for (const [key, entry] of this.entries) if (matches(entry.value, key)) this.entries.delete(key);
    this.overtake(this.loading.keys());
  }

  private overtake(keys: Iterable<K>): void {
    for (const key of [...keys]) {
      const flight = this.loading.get(key);
      if (!flight) continue;
      flight.overtaken = true;
      this.loading.delete(key);
    }
  }

  private async refresh(key: K, entry: Entry<V> | undefined, flight: Flight<V>): Promise<V> {
    const version = this.options.version ? await this.options.version(key) : null;
    if (entry && this.options.version && entry.version === version) {
      if (!flight.overtaken) entry.checkedAt = this.now();
      return entry.value;
    }
    const value = await this.options.load(key);
    if (!flight.overtaken) this.store(key, { value, version, checkedAt: this.now() });
    return value;
  }

  private store(key: K, entry: Entry<V>): void {
    this.entries.delete(key);
    this.entries.set(key, entry);
    const max = this.options.maxEntries;
    if (!max) return;
    // A Map iterates in insertion order: the first keys are the least recently used (a hit re-inserts its key).
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= max) break;
      this.entries.delete(oldest);
    }
  }

  private touch(key: K, entry: Entry<V>): void {
    this.entries.delete(key);
    this.entries.set(key, entry);
  }
}
