import type { Page } from '@hotline/contracts';
import { ValidationError } from '../errors/domain-errors';

/**
 * The one pagination of every list: `{ items, nextCursor }` (Page in contracts), newest first by keyset over (instant desc,
 * id desc). The cursor is opaque to clients: pass `nextCursor` back as `cursor` for the next page.
 */
export interface Keyset {
  at: Date;
  id: string;
}

export function encodeCursor(key: Keyset): string {
  return Buffer.from(`${key.at.toISOString()}|${key.id}`, 'utf8').toString('base64url');
}

/** A 400 naming the `cursor` field when it is not one this api gave out. */
export function decodeCursor(cursor: string, field = 'cursor'): Keyset {
  const [iso, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const at = new Date(iso);
  if (!id || !/^[0-9A-Za-z_-]{1,64}$/.test(id) || Number.isNaN(at.getTime()))
    throw new ValidationError(`${field}: not a cursor returned by this list`, { field });
  return { at, id };
}

/**
 * A page from `limit + 1` rows read in keyset order: the extra row only says that there is a next page, and the cursor
 * points after the last row returned.
 */
export function toPage<R, T>(rows: R[], limit: number, key: (row: R) => Keyset, view: (row: R) => T): Page<T> {
  const more = rows.length > limit;
  const shown = more ? rows.slice(0, limit) : rows;
  return { items: shown.map(view), nextCursor: more ? encodeCursor(key(shown[shown.length - 1])) : null };
}

/** The SQL condition "after the cursor" for a list sorted by (`atColumn` desc, `idColumn` desc), with its parameters. */
export function afterCursor(
  key: Keyset,
  atColumn: string,
  idColumn: string,
): { sql: string; params: { cursorAt: Date; cursorId: string } } {
  return {
    sql: `(${atColumn} < :cursorAt OR (${atColumn} = :cursorAt AND ${idColumn} < :cursorId))`,
    params: { cursorAt: key.at, cursorId: key.id },
  };
}

/** A LIKE prefix pattern with the user's % and _ taken literally. */
export function likePrefix(text: string): string {
  return `${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
