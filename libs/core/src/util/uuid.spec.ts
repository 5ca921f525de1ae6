import { UUID_PATTERN, uuidv7 } from './uuid';

describe('uuidv7', () => {
  it('is a version-7 RFC 4122 UUID', () => {
    const id = uuidv7();
    expect(id).toMatch(UUID_PATTERN);
    expect(id[14]).toBe('7');
    expect('89ab').toContain(id[19]);
  });

  it('sorts by creation time', () => {
    const ids = [1000, 2000, 3000, 1_795_000_000_000].map((t) => uuidv7(t));
    expect([...ids].sort()).toEqual(ids);
  });

  it('does not repeat', () => {
    expect(new Set(Array.from({ length: 5000 }, () => uuidv7(42))).size).toBe(5000);
  });

  it('carries the millisecond timestamp in its first 48 bits, big-endian', () => {
    for (const ms of [0, 1, 255, 0x1_0000_0000, 1_795_000_000_000, 2 ** 48 - 1]) {
      const id = uuidv7(ms);
      expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(ms);
    }
  });

  it('draws fresh random bits for every id across refills of the random pool', () => {
    const tails = Array.from({ length: 1000 }, () => uuidv7(7).slice(19));
    expect(new Set(tails).size).toBe(1000);
  });
});
