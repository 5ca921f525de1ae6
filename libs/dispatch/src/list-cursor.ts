import { ValidationError } from '@hotline/core';

/** Opaque keyset cursor over a list sorted by (instant desc, id desc). */
export function encodeListCursor(at: Date, id: string): string {
  return Buffer.from(`${at.toISOString()}|${id}`, 'utf8').toString('base64url');
}

export function decodeListCursor(cursor: string): { at: Date; id: string } {
  const [iso, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const at = new Date(iso);
  if (!id || !/^[0-9a-f-]{36}$/i.test(id) || Number.isNaN(at.getTime()))
    throw new ValidationError('cursor: not a cursor returned by this list', { field: 'cursor' });
  return { at, id };
}

/** A LIKE prefix pattern with the user's % and _ taken literally. */
export function likePrefix(text: string): string {
  return `${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
