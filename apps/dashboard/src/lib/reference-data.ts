import { useMemo } from 'react';
import type { AdministrativeUnitView, Page, PostOfficeView } from '@hotline/contracts';
import { api } from './api-client';
import { foldVietnamese } from './format';
import { fetchAllPages } from './pages';
import { useResource } from './resource';

export const COMMUNES_KEY = 'geo/units';
export const ALL_OFFICES_KEY = 'post-offices/all';

/** The 135 communes of Gia Lai (small, rarely changes: one shared request, one page). */
export function useCommunes() {
  const r = useResource<AdministrativeUnitView[]>(COMMUNES_KEY, async () => {
    const page = await api.get<Page<AdministrativeUnitView>>('/geo/units');
    return page.items;
  });
  const byCode = useMemo(() => new Map((r.data ?? []).map((u) => [u.code, u])), [r.data]);
  return { ...r, byCode };
}

/** Every post office (pages of 1000 followed to the end), for pickers, lookups and the map. */
export function fetchAllPostOffices(): Promise<PostOfficeView[]> {
  return fetchAllPages<PostOfficeView>('/post-offices');
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
