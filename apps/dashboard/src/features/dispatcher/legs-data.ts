import type { LegKind, LegState, LegView, PostOfficeView, RouteType, UnremittedRow } from '@hotline/contracts';
import type { MessageKey } from '../../i18n/i18n';
import { api } from '../../lib/api-client';
import { useResource } from '../../lib/resource';

export { FINISHED, IN_PROGRESS, type LegAction, MIN_FAILED_BEFORE_RETURN, nextActions, parseVnDateTime, vnDateToIso } from './leg-rules';

/** Resource keys of the inbox (invalidate by prefix after a mutation or a live event). */
export const KEYS = {
  legs: 'bcci-legs/office',
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

export function useOfficeLegs() {
  return useResource<LegView[]>(KEYS.legs, () => api.get<LegView[]>('/bcci-legs', { query: { limit: 300 } }));
}

/** One leg with the office's own offers (for the pending offer's deadline). */
export function useLeg(id: string | null) {
  return useResource<LegView>(id ? KEYS.leg(id) : null, () => api.get<LegView>(`/bcci-legs/${id}`));
}

export function useUnremitted() {
  return useResource<UnremittedRow[]>(KEYS.unremitted, () => api.get<UnremittedRow[]>('/bcci-remittances/unremitted'));
}

export function useOffice(id: string | null) {
  return useResource<PostOfficeView>(id ? KEYS.office(id) : null, () => api.get<PostOfficeView>(`/post-offices/${id}`));
}

/**
 * Legs this office has already put in a remittance batch. LegView does not say whether a leg was remitted, so the
 * browser remembers the batches it sent (and the legs the server refused as already remitted).
 */
const REMITTED_KEY = (officeId: string) => `hotline.remitted.${officeId}`;
export function rememberedRemitted(officeId: string): Set<string> {
  try {
    return new Set(JSON.parse(localStorage.getItem(REMITTED_KEY(officeId)) ?? '[]') as string[]);
  } catch {
    return new Set();
  }
}
export function rememberRemitted(officeId: string, ids: string[]): void {
  try {
    const all = rememberedRemitted(officeId);
    for (const id of ids) all.add(id);
    localStorage.setItem(REMITTED_KEY(officeId), JSON.stringify([...all].slice(-2000)));
  } catch {
    // Private mode: the list is then only as good as the server's 409.
  }
}
