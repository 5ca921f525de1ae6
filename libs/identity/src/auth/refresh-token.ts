import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A refresh token is `<id>.<secret>`; only sha256(secret) is stored. */
export function parseRefreshToken(presented: string): { id: string; secret: string } | null {
  const [id, secret] = presented.split('.');
  return id && secret ? { id, secret } : null;
}

export function newRefreshSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function sha256(s: string): string {
  return createHash('sha256').update(s).digest('hex');
}

/** Whether `secret` is the one whose hash is stored, in constant time. */
export function secretMatches(storedHash: string, secret: string): boolean {
  const presented = sha256(secret);
  return storedHash.length === presented.length && timingSafeEqual(Buffer.from(storedHash), Buffer.from(presented));
}
