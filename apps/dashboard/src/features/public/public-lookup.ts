import type { LegState, PublicRequestView, PublicTicketView, TicketStatus } from '@hotline/contracts';
import { ApiError, NetworkError, readErrorBody, retryAfterSeconds } from '../../lib/api-client';

export type LookupResult = { type: 'request'; data: PublicRequestView } | { type: 'ticket'; data: PublicTicketView };

/** BCCI request codes are BC-YYMMDD-NNNNNN; anything else is looked up as a ticket code (PAyyMMdd-XXXXX). */
export function lookupTarget(code: string): 'request' | 'ticket' {
  return /^BC-/i.test(code.trim()) ? 'request' : 'ticket';
}

/** Spaces and dots a citizen may copy from an SMS are dropped; codes are case-insensitive. */
export function normalizeCode(code: string): string {
  return code.trim().replace(/\s+/g, '').toUpperCase();
}

/**
 * The citizen's lookup, without a session: plain fetch (no token is sent even when staff is logged in on this
 * browser). Errors are the api's ApiError (404 unknown code or another phone, 429 with Retry-After, 400 bad format).
 */
export async function lookup(code: string, phone: string, fetchFn: typeof fetch = fetch): Promise<LookupResult> {
  const normalized = normalizeCode(code);
  const type = lookupTarget(normalized);
  const path = `/api/public/${type === 'request' ? 'requests' : 'tickets'}/${encodeURIComponent(normalized)}?phone=${encodeURIComponent(phone.trim())}`;
  let res: Response;
  try {
    res = await fetchFn(path, { headers: { accept: 'application/json' } });
  } catch (err) {
    throw new NetworkError((err as Error)?.message ?? 'network error');
  }
  if (!res.ok) {
    const body = await readErrorBody(res);
    throw new ApiError(res.status, body, retryAfterSeconds(res, body));
  }
  const data = (await res.json()) as PublicRequestView & PublicTicketView;
  return type === 'request' ? { type, data } : { type, data };
}

/** Where a leg stands for the citizen: four steps, and whether it ended badly. */
export const LEG_STEP: Record<LegState, { step: 0 | 1 | 2 | 3; status: 'process' | 'finish' | 'error' | 'wait' }> = {
  routing: { step: 0, status: 'process' },
  assigned: { step: 0, status: 'process' },
  unroutable: { step: 0, status: 'process' },
  accepted: { step: 1, status: 'process' },
  courier_assigned: { step: 1, status: 'process' },
  picked_up: { step: 2, status: 'process' },
  failed_attempt: { step: 2, status: 'error' },
  delivered: { step: 3, status: 'finish' },
  returned_to_agency: { step: 3, status: 'error' },
  cancelled: { step: 0, status: 'error' },
};

export const TICKET_DONE: Record<TicketStatus, boolean> = {
  new: false,
  open: false,
  waiting_citizen: false,
  forwarded: false,
  reopened: false,
  resolved: true,
  closed: true,
};
