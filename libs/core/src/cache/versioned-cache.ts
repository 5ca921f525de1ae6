/**
 * The one in-process cache of the code base: a value per key, loaded from MySQL and kept until its version changes. At most
 * every `recheckMs` a cheap version read (a version column, MAX(updated_at), a counter) decides whether to reload; an edit in
 * this process calls `invalidate` (and may broadcast it to the others, see `onInvalidate`), so its effect is immediate here
 * and at most `recheckMs` late elsewhere. Concurrent misses share one load.
 */
export interface VersionedCacheOptions<K, V> {
  /** How long a value is served without asking for its version. */
  recheckMs: number;
  /** The cheap read that says whether the value changed; omit it to reload every `recheckMs` (a plain TTL). */
  version?: (key: K) => Promise<string | number | null>;
  load: (key: K) => Promise<V>;
  now?: () => number;
}

interface Entry<V> {
  value: V;
  version: string | number | null;
  checkedAt: number;
}

export class VersionedCache<K, V> {
  private readonly entries = new Map<K, Entry<V>>();
  private readonly loading = new Map<K, Promise<V>>();
  private readonly now: () => number;

  constructor(private readonly options: VersionedCacheOptions<K, V>) {
    this.now = options.now ?? Date.now;
  }

  async get(key: K): Promise<V> {
    const entry = this.entries.get(key);
    if (entry && this.now() - entry.checkedAt < this.options.recheckMs) return entry.value;
    const pending = this.loading.get(key);
    if (pending) return pending;
    const work = this.refresh(key, entry).finally(() => this.loading.delete(key));
    this.loading.set(key, work);
    return work;
  }

  /** Drop one key (or everything): the next get reloads. */
  invalidate(key?: K): void {
    if (key === undefined) this.entries.clear();
    else this.entries.delete(key);
  }

  private async refresh(key: K, entry: Entry<V> | undefined): Promise<V> {
    const version = this.options.version ? await this.options.version(key) : null;
    if (entry && this.options.version && entry.version === version) {
      entry.checkedAt = this.now();
      return entry.value;
    }
    const value = await this.options.load(key);
    this.entries.set(key, { value, version, checkedAt: this.now() });
    return value;
  }
}
