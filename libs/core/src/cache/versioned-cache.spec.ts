import { VersionedCache } from './versioned-cache';

describe('VersionedCache', () => {
  function setup(withVersion = true) {
    let now = 0;
    let version = 1;
    const loads: string[] = [];
    const versions: string[] = [];
    const cache = new VersionedCache<string, string>({
      recheckMs: 1000,
      now: () => now,
      ...(withVersion
        ? {
            version: async (k) => {
              versions.push(k);
              return version;
            },
          }
        : {}),
      load: async (k) => {
        loads.push(k);
        return `${k}@v${version}`;
      },
    });
    return { cache, loads, versions, tick: (ms: number) => (now += ms), bump: () => (version += 1) };
  }

  it('serves the cached value until the recheck time, then reloads only when the version moved', async () => {
    const { cache, loads, versions, tick, bump } = setup();
    expect(await cache.get('a')).toBe('a@v1');
    expect(await cache.get('a')).toBe('a@v1');
    expect(loads).toEqual(['a']);
    tick(1000);
    expect(await cache.get('a')).toBe('a@v1');
    expect(loads).toEqual(['a']);
    expect(versions).toEqual(['a', 'a']);
    bump();
    expect(await cache.get('a')).toBe('a@v1'); // not rechecked yet
    tick(1000);
    expect(await cache.get('a')).toBe('a@v2');
    expect(loads).toEqual(['a', 'a']);
  });

  it('reloads at once after invalidate, and shares one load between concurrent misses', async () => {
    const { cache, loads, bump } = setup();
    await Promise.all([cache.get('a'), cache.get('a'), cache.get('b')]);
    expect(loads).toEqual(['a', 'b']);
    bump();
    cache.invalidate('a');
    expect(await cache.get('a')).toBe('a@v2');
    expect(await cache.get('b')).toBe('b@v1');
    cache.invalidate();
    expect(await cache.get('b')).toBe('b@v2');
  });

  it('is a plain time-to-live cache without a version read', async () => {
    const { cache, loads, tick } = setup(false);
    await cache.get('a');
    tick(999);
    await cache.get('a');
    tick(1);
    await cache.get('a');
    expect(loads).toEqual(['a', 'a']);
  });
});

describe('VersionedCache: invalidation during a load, and the size bound', () => {
  /** A cache whose loads wait until the test releases them, reading the "row" when they start. */
  function held(maxEntries?: number) {
    const rows = new Map<string, string>();
    const gates: Array<() => void> = [];
    let loads = 0;
    const cache = new VersionedCache<string, string>({
      recheckMs: 60_000,
      maxEntries,
      load: async (k) => {
        loads++;
        const seen = rows.get(k) ?? 'none';
        await new Promise<void>((r) => gates.push(r));
        return seen;
      },
    });
    const release = async () => {
      while (gates.length) gates.shift()!();
      await new Promise((r) => setImmediate(r));
    };
    return { cache, rows, release, loads: () => loads };
  }

  it.each([
    ['the key', (c: VersionedCache<string, string>) => c.invalidate('a')],
    ['everything', (c: VersionedCache<string, string>) => c.invalidate()],
    ['a matching value', (c: VersionedCache<string, string>) => c.invalidateWhere((v) => v === 'old')],
  ])('a load overtaken by an invalidation of %s answers its callers but is not kept', async (_, invalidate) => {
    const { cache, rows, release, loads } = held();
    rows.set('a', 'old');
    const racing = cache.get('a'); // reads "old", then waits
    await new Promise((r) => setImmediate(r));
    rows.set('a', 'new'); // the change commits…
    invalidate(cache); // …and is announced while the load is still under way
    const after = cache.get('a'); // does not join the overtaken load
    await release();
    expect(await racing).toBe('old');
    await release();
    expect(await after).toBe('new');
    expect(await cache.get('a')).toBe('new');
    expect(loads()).toBe(2);
  });

  it('invalidateWhere drops only the matching keys', async () => {
    const { cache, rows, release, loads } = held();
    rows.set('s1', 'user-1').set('s2', 'user-1').set('s3', 'user-2');
    const all = Promise.all(['s1', 's2', 's3'].map((k) => cache.get(k)));
    await release();
    await all;
    cache.invalidateWhere((user, key) => user === 'user-1' && key !== 's2');
    expect(cache.size).toBe(2);
    const again = Promise.all(['s1', 's2', 's3'].map((k) => cache.get(k)));
    await release();
    expect(await again).toEqual(['user-1', 'user-1', 'user-2']);
    expect(loads()).toBe(4);
  });

  it('keeps at most maxEntries keys, dropping the least recently used', async () => {
    const { cache, release, loads } = held(2);
    const get = async (k: string) => {
      const p = cache.get(k);
      await release();
      return p;
    };
    await get('a');
    await get('b');
    await get('a'); // a hit: "b" is now the least recently used
    await get('c');
    expect(cache.size).toBe(2);
    expect(loads()).toBe(3);
    await get('a');
    await get('c');
    expect(loads()).toBe(3);
    await get('b');
    expect(loads()).toBe(4);
    expect(cache.size).toBe(2);
  });
});
