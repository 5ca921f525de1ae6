/** Cursor pagination: `nextCursor` is opaque; pass it back to get the next page. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
