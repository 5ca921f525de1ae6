import { useEffect, useState } from 'react';
import type {
  BcciOption,
  BcciRequestView,
  LegEvent,
  Page,
  QuoteView,
  RouteType,
  ServiceLevel,
} from '@hotline/contracts';
import type { MessageKey } from '../../i18n/i18n';
import { api } from '../../lib/api-client';
import { useResource } from '../../lib/resource';

/** Resource keys of the operator's BCCI requests (invalidate by prefix after a creation or a live leg event). */
export const REQUEST_KEYS = {
  mine: 'bcci-requests/mine',
};

export const optionKey = (o: BcciOption): MessageKey => `tickets.bcci.option.${o}` as MessageKey;
export const serviceLevelKey = (s: ServiceLevel): MessageKey => `tickets.bcci.level.${s}` as MessageKey;

/** My latest requests with their legs (GET /bcci-requests: an operator's own by default). */
export function useMyRequests() {
  return useResource<Page<BcciRequestView>>(REQUEST_KEYS.mine, () =>
    api.get<Page<BcciRequestView>>('/bcci-requests', { query: { mine: true, limit: 20 } }),
  );
}

/**
 * A leg event applied to a request on screen: the new state and office show at once, before the list is re-read
 * (events carry the new state; the REST re-read that follows brings the rest).
 */
export function applyLegEvent(request: BcciRequestView, e: LegEvent): BcciRequestView {
  if (e.requestId !== request.id) return request;
  return {
    ...request,
    legs: request.legs.map((l) =>
      l.id === e.legId ? { ...l, state: e.to, officeId: e.officeId ?? l.officeId, updatedAt: e.at } : l,
    ),
  };
}

export interface QuoteInput {
  option?: BcciOption;
  serviceLevel?: ServiceLevel;
  field?: string;
  routeType?: RouteType;
}

/** The live price preview: POST /bcci-requests/quote, debounced while the operator types; the newest answer wins. */
export function useQuote(
  input: QuoteInput,
  delayMs = 300,
): { quote: QuoteView | null; error: unknown; loading: boolean } {
  const [state, setState] = useState<{ quote: QuoteView | null; error: unknown; loading: boolean }>({
    quote: null,
    error: undefined,
    loading: false,
  });
  const field = input.field?.trim() ?? '';
  const ready = !!input.option && !!input.serviceLevel && field.length >= 2;
  const key = ready
    ? JSON.stringify([input.option, input.serviceLevel, field, input.routeType ?? 'intra_province'])
    : null;
  useEffect(() => {
    if (!key) {
      setState({ quote: null, error: undefined, loading: false });
      return;
    }
    let cancelled = false;
    setState((s) => ({ ...s, loading: true }));
    const timer = setTimeout(() => {
      const [option, serviceLevel, f, routeType] = JSON.parse(key) as [BcciOption, ServiceLevel, string, RouteType];
      api.post<QuoteView>('/bcci-requests/quote', { option, serviceLevel, field: f, routeType }).then(
        (quote) => !cancelled && setState({ quote, error: undefined, loading: false }),
        (error: unknown) => !cancelled && setState({ quote: null, error, loading: false }),
      );
    }, delayMs);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [key, delayMs]);
  return state;
}
