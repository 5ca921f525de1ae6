/** Cursor pagination: `nextCursor` is opaque; pass it back to get the next page. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * A catalogue small enough to answer in one page still answers the one shape: every list is a `Page`,
 * here with all its items and no `nextCursor`.
 */
export function onePage<T>(items: T[]): Page<T> {
  return { items, nextCursor: null };
}
