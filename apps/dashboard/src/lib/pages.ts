import { useState } from 'react';
import type { Page } from '@hotline/contracts';
import { api, type QueryValue } from './api-client';

/** Every item of a cursor-paged list (pages of `pageSize` followed to the end), for pickers and lookups. */
export async function fetchAllPages<T>(
  path: string,
  query: Record<string, QueryValue> = {},
  pageSize = 1000,
): Promise<T[]> {
  const all: T[] = [];
  let cursor: string | null = null;
  for (let guard = 0; guard < 50; guard++) {
    const page: Page<T> = await api.get<Page<T>>(path, { query: { ...query, limit: pageSize, cursor } });
    all.push(...page.items);
    cursor = page.nextCursor;
    if (!cursor) break;
  }
  return all;
}

/**
 * Where a screen is in a cursor-paged list: the cursors of the pages seen so far (cursors[i] opens page i; the api pages
 * forward only, by opaque cursor), so that "previous" goes back without the server's help.
 */
export function useCursorPages() {
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  const [pageIndex, setPageIndex] = useState(0);
  return {
    cursor: cursors[pageIndex],
    pageIndex,
    next: (nextCursor: string | null | undefined) => {
      if (!nextCursor) return;
      setCursors((list) => [...list.slice(0, pageIndex + 1), nextCursor]);
      setPageIndex((i) => i + 1);
    },
    prev: () => setPageIndex((i) => Math.max(0, i - 1)),
    /** Back to the first page (the filters changed). */
    reset: () => {
      setCursors([null]);
      setPageIndex(0);
    },
  };
}
