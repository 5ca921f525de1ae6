import { useMemo } from 'react';
import type { AdministrativeUnitView, Page, PostOfficeView } from '@hotline/contracts';
import { api } from './api-client';
import { foldVietnamese } from './format';
import { useResource } from './resource';

export const COMMUNES_KEY = 'geo/units';
export const ALL_OFFICES_KEY = 'post-offices/all';

/** The 135 communes of Gia Lai (small, rarely changes: one shared request). */
export function useCommunes() {
  const r = useResource<AdministrativeUnitView[]>(COMMUNES_KEY, () => api.get<AdministrativeUnitView[]>('/geo/units'));
  const byCode = useMemo(() => new Map((r.data ?? []).map((u) => [u.code, u])), [r.data]);
  return { ...r, byCode };
}

/** Every post office (pages of 1000 followed to the end), for pickers, lookups and the map. */
export async function fetchAllPostOffices(): Promise<PostOfficeView[]> {
  const all: PostOfficeView[] = [];
  let cursor: string | null = null;
  for (let guard = 0; guard < 50; guard++) {
    const page: Page<PostOfficeView> = await api.get<Page<PostOfficeView>>('/post-offices', {
      query: { limit: 1000, cursor },
    });
    all.push(...page.items);
    cursor = page.nextCursor;
    if (!cursor) break;
  }
  return all;
}

export function useAllPostOffices() {
  const r = useResource<PostOfficeView[]>(ALL_OFFICES_KEY, fetchAllPostOffices);
  const byId = useMemo(() => new Map((r.data ?? []).map((o) => [o.id, o])), [r.data]);
  return { ...r, byId };
}

/** Select options searchable with or without Vietnamese accents. */
export function foldedIncludes(haystack: string, needle: string): boolean {
  return foldVietnamese(haystack).includes(foldVietnamese(needle));
}
