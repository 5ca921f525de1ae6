import { randomInt } from 'node:crypto';

/** A random, valid Vietnamese mobile number in national form (0 + 9 digits), unlikely to clash between tests. */
export function randomMobile(prefix = '091'): string {
  return `${prefix}${String(randomInt(0, 10_000_000)).padStart(7, '0')}`;
}

/** 0912345678 → +84912345678 */
export const e164 = (national: string) => `+84${national.slice(1)}`;
