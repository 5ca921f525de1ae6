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
