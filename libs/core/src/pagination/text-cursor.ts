import type { Page } from '@hotline/contracts';
import { ValidationError } from '../errors/domain-errors';

/**
 * The keyset of a list read in ascending order of a unique text key (staff by username, post offices by code: the order an
 * admin looks them up in). Same `{ items, nextCursor }` page and same opaque cursor as cursor.ts, whose keyset is
 * (instant desc, id desc); here the cursor is the last key shown and the next page is `key > cursor`.
 */
const TAG = 'k|';
const MAX_KEY_LENGTH = 200;

export function encodeTextCursor(key: string): string {
  return Buffer.from(`${TAG}${key}`, 'utf8').toString('base64url');
}

/** A 400 naming the `cursor` field when it is not one this api gave out. */
export function decodeTextCursor(cursor: string, field = 'cursor'): string {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const key = text.slice(TAG.length);
  if (!text.startsWith(TAG) || !key || key.length > MAX_KEY_LENGTH)
    throw new ValidationError(`${field}: not a cursor returned by this list`, { field });
  return key;
}

/** A page from `limit + 1` rows read in key order: the extra row only says that there is a next page. */
export function toTextPage<R, T>(rows: R[], limit: number, key: (row: R) => string, view: (row: R) => T): Page<T> {
  const more = rows.length > limit;
  const shown = more ? rows.slice(0, limit) : rows;
  return { items: shown.map(view), nextCursor: more ? encodeTextCursor(key(shown[shown.length - 1])) : null };
}
