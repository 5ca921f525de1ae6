import { randomFillSync } from 'node:crypto';

/** Random bytes are drawn 4 KiB at a time (as node's own randomUUID does): one syscall-backed fill per 256 ids. */
const POOL_BYTES = 16 * 256;
let pool = Buffer.alloc(0);
let offset = POOL_BYTES;

function random16(): Buffer {
  if (offset + 16 > pool.length) {
    pool = randomFillSync(Buffer.allocUnsafe(POOL_BYTES));
    offset = 0;
  }
  const bytes = pool.subarray(offset, offset + 16);
  offset += 16;
  return bytes;
}

/**
 * UUID v7 (time-ordered): stable ids that are safe in BullMQ jobIds (never reused after a database is recreated,
 * unlike auto-increments) and that keep InnoDB's clustered primary key append-mostly.
 */
export function uuidv7(nowMs: number = Date.now()): string {
  const bytes = random16();
  // The 48-bit millisecond timestamp, big-endian (plain arithmetic: ms < 2^53).
  const high = Math.floor(nowMs / 0x1_0000_0000);
  const low = nowMs >>> 0;
  bytes[0] = (high >>> 8) & 0xff;
  bytes[1] = high & 0xff;
  bytes[2] = (low >>> 24) & 0xff;
  bytes[3] = (low >>> 16) & 0xff;
  bytes[4] = (low >>> 8) & 0xff;
  bytes[5] = low & 0xff;
  bytes[6] = (bytes[6] & 0x0f) | 0x70;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
