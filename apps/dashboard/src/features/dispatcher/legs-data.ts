import type { LegKind, LegState, LegView, Page, PostOfficeView, RouteType, UnremittedRow } from '@hotline/contracts';
import type { MessageKey } from '../../i18n/i18n';
import { api } from '../../lib/api-client';
import { useResource } from '../../lib/resource';

export { type LegAction, nextActions, parseVnDateTime, vnDateToIso } from './leg-rules';

/** Resource keys of the inbox (invalidate by prefix after a mutation or a live event). */
export const KEYS = {
  legs: 'bcci-legs/office',
  activeLegs: 'bcci-legs/active',
  unremittedLegs: 'bcci-legs/unremitted',
  leg: (id: string) => `bcci-legs/one/${id}`,
  unremitted: 'bcci-remittances/unremitted',
  office: (id: string) => `post-offices/one/${id}`,
};

export const stateKey = (s: LegState): MessageKey => `disp.state.${s}` as MessageKey;
export const kindKey = (k: LegKind): MessageKey => `disp.kind.${k}` as MessageKey;
export const routeKey = (r: RouteType): MessageKey => `disp.route.${r}` as MessageKey;

export const STATE_COLORS: Record<LegState, string> = {
  routing: 'default',
  assigned: 'gold',
  accepted: 'blue',
  courier_assigned: 'geekblue',
  picked_up: 'cyan',
  delivered: 'green',
  failed_attempt: 'orange',
  returned_to_agency: 'purple',
  cancelled: 'default',
  unroutable: 'red',
};

/** A list read to its end, page by page ({ items, nextCursor }), at most `maxPages`: `complete` says whether it got there. */
export interface AllPages<T> {
  items: T[];
  complete: boolean;
}

export async function allPages<T>(
  path: string,
  query: Record<string, string | number | boolean>,
  maxPages = 20,
): Promise<AllPages<T>> {
  const items: T[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < maxPages; i++) {
    const page: Page<T> = await api.get<Page<T>>(path, { query: cursor ? { ...query, cursor } : query });
    items.push(...page.items);
    cursor = page.nextCursor;
    if (!cursor) return { items, complete: true };
  }
  return { items, complete: false };
}

/** Offers and legs in progress (`active=true`: not finished), each offer with its acceptance deadline. */
export function useActiveLegs() {
  return useResource<AllPages<LegView>>(KEYS.activeLegs, () =>
    allPages<LegView>('/bcci-legs', { active: true, limit: 500 }),
  );
}

/** Every leg of the office whose collected fee waits for a remittance batch, however old (the server's word). */
export function useUnremittedLegs() {
  return useResource<AllPages<LegView>>(KEYS.unremittedLegs, () =>
    allPages<LegView>('/bcci-legs', { unremitted: true, limit: 500 }),
  );
}

/** The office's latest legs of any state (recently finished ones, fees waiting for remittance). */
export function useOfficeLegs() {
  return useResource<Page<LegView>>(KEYS.legs, () => api.get<Page<LegView>>('/bcci-legs', { query: { limit: 300 } }));
}

export function useUnremitted() {
  return useResource<UnremittedRow[]>(KEYS.unremitted, () => api.get<UnremittedRow[]>('/bcci-remittances/unremitted'));
}

export function useOffice(id: string | null) {
  return useResource<PostOfficeView>(id ? KEYS.office(id) : null, () => api.get<PostOfficeView>(`/post-offices/${id}`));
}

/** A fee collected and not yet in a remittance batch (the server says which batch took it). */
export const awaitsRemittance = (l: LegView): boolean => (l.feeCollected ?? 0) > 0 && !l.remittance;
