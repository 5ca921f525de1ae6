import type {
  AdministrativeUnitView,
  CallView,
  LegState,
  LegView,
  OperatorStatusView,
  PostOfficeView,
  SlaTargetName,
  TicketView,
} from '@hotline/contracts';
import { CALL_MACHINE, LEG_MACHINE, SLA_TARGET_NAMES, TICKET_MACHINE } from '@hotline/contracts';

/** Pure rules of the supervisor's live screens (no browser API: unit-tested in supervision-rules.spec.ts). */

// ---- SLA at risk ------------------------------------------------------------------------------------------------------------------
export interface TicketRisk {
  ticket: TicketView;
  level: 'breached' | 'warning';
  target: SlaTargetName;
  /** The due instant of that target (breached: when it was breached). */
  dueAt: string;
}

/** The worst running target of a ticket: a breach beats a warning; between two of a kind, the earliest due instant. */
export function riskOf(ticket: TicketView): TicketRisk | null {
  // A settled (resolved or closed) ticket is no longer at risk, whatever its targets say (a breach stays recorded on it).
  if (TICKET_MACHINE.is('settled', ticket.status)) return null;
  let best: TicketRisk | null = null;
  for (const target of SLA_TARGET_NAMES) {
    const s = ticket.sla[target];
    if (!s || !s.dueAt || (s.state !== 'warning' && s.state !== 'breached')) continue;
    const candidate: TicketRisk = { ticket, level: s.state, target, dueAt: s.dueAt };
    if (!best || rank(candidate) < rank(best) || (rank(candidate) === rank(best) && candidate.dueAt < best.dueAt))
      best = candidate;
  }
  return best;
}

const rank = (r: TicketRisk) => (r.level === 'breached' ? 0 : 1);

/** Breaches first, the newest breach on top; then warnings, the soonest due first. */
export function sortRisks(risks: TicketRisk[]): TicketRisk[] {
  return [...risks].sort((a, b) => {
    if (a.level !== b.level) return rank(a) - rank(b);
    const byDue =
      a.level === 'breached' ? Date.parse(b.dueAt) - Date.parse(a.dueAt) : Date.parse(a.dueAt) - Date.parse(b.dueAt);
    return byDue || a.ticket.code.localeCompare(b.ticket.code);
  });
}

/** Keeps the newer of two versions of a ticket (REST answers and socket events may cross). */
export function upsertTicket(list: TicketView[], ticket: TicketView): TicketView[] {
  const i = list.findIndex((x) => x.id === ticket.id);
  if (i < 0) return [ticket, ...list];
  const cur = list[i];
  if (cur.version > ticket.version) return list;
  const next = [...list];
  next[i] = ticket;
  return next;
}

/** Seconds left until `dueAt` (negative once passed), counted in the browser from the instant the server gave. */
export function secondsLeft(dueAt: string, now: number): number {
  return Math.floor((Date.parse(dueAt) - now) / 1000);
}

/** `h:mm:ss` / `m:ss` of a duration (its absolute value); whole days in front with the language's word (`2 ngày 1:02:03`). */
export function formatCountdown(seconds: number, days = (n: number) => `${n}d`): string {
  const s = Math.abs(seconds);
  const d = Math.floor(s / 86_400);
  const h = Math.floor((s % 86_400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  const hms = h || d ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
  return d ? `${days(d)} ${hms}` : hms;
}

// ---- calls and operators ------------------------------------------------------------------------------------------------------
/** A live call list patched by a `call:updated` event: ringing/answered calls stay (newest version wins), ended ones leave. */
export function applyCall(list: CallView[], call: CallView): CallView[] {
  const i = list.findIndex((c) => c.id === call.id);
  if (i >= 0 && list[i].version > call.version) return list;
  const rest = list.filter((c) => c.id !== call.id);
  return CALL_MACHINE.is('live', call.state)
    ? [call, ...rest].sort((a, b) => b.startedAt.localeCompare(a.startedAt))
    : rest;
}

/** The operator status list patched by an `operator:status` event (older versions ignored). */
export function applyStatus(list: OperatorStatusView[], s: OperatorStatusView): OperatorStatusView[] {
  const i = list.findIndex((x) => x.userId === s.userId);
  if (i >= 0 && list[i].version > s.version) return list;
  if (i < 0) return [...list, s];
  const next = [...list];
  next[i] = s;
  return next;
}

/** Working first (on a call, wrapping up, available), then break and offline; within a status the longest in it first. */
const STATUS_ORDER = ['on_call', 'wrap_up', 'available', 'break', 'offline'] as const;
export function sortStatuses(list: OperatorStatusView[]): OperatorStatusView[] {
  return [...list].sort(
    (a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status) || a.since.localeCompare(b.since),
  );
}

// ---- legs ---------------------------------------------------------------------------------------------------------------------
/** Marker colours on the map, the same hues as the state tags of the dispatcher inbox. */
export const LEG_STATE_HEX: Record<LegState, string> = {
  routing: '#8c8c8c',
  assigned: '#faad14',
  accepted: '#1677ff',
  courier_assigned: '#2f54eb',
  picked_up: '#13c2c2',
  delivered: '#52c41a',
  failed_attempt: '#fa8c16',
  returned_to_agency: '#722ed1',
  cancelled: '#bfbfbf',
  unroutable: '#f5222d',
};

/** Where to draw a leg: its own point when the operator or citizen gave one, else its commune's centroid. */
export function legPoint(
  leg: Pick<LegView, 'lat' | 'lng' | 'communeCode'>,
  communes: Map<string, AdministrativeUnitView>,
): { lat: number; lng: number; approximate: boolean } | null {
  if (leg.lat !== null && leg.lng !== null) return { lat: Number(leg.lat), lng: Number(leg.lng), approximate: false };
  const c = communes.get(leg.communeCode);
  return c ? { lat: Number(c.lat), lng: Number(c.lng), approximate: true } : null;
}

/** Great-circle distance in km. */
export function distanceKm(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

export interface OfficeChoice {
  office: PostOfficeView;
  distanceKm: number | null;
  servesCommune: boolean;
}

/**
 * Offices a supervisor may sensibly pick for a leg by hand: active ones only, nearest to the leg's point first (offices
 * serving its commune first among equals); without a point, those serving the commune first, then by name.
 */
export function officeChoices(
  offices: PostOfficeView[],
  point: { lat: number; lng: number } | null,
  communeCode: string,
): OfficeChoice[] {
  return offices
    .filter((o) => o.active)
    .map((o) => ({
      office: o,
      distanceKm: point ? distanceKm(point, { lat: Number(o.lat), lng: Number(o.lng) }) : null,
      servesCommune: o.communeCode === communeCode || o.serviceArea.includes(communeCode),
    }))
    .sort((a, b) => {
      if (a.distanceKm !== null && b.distanceKm !== null && Math.abs(a.distanceKm - b.distanceKm) > 1e-9)
        return a.distanceKm - b.distanceKm;
      return Number(b.servesCommune) - Number(a.servesCommune) || a.office.name.localeCompare(b.office.name, 'vi');
    });
}

/** Patch a leg list with an event's new state and office; a finished leg leaves (the event carries no address: unknown legs are fetched by the caller). */
export function applyLegState(list: LegView[], legId: string, to: LegState, officeId: string | null): LegView[] {
  if (!LEG_MACHINE.is('active', to)) return list.filter((l) => l.id !== legId);
  return list.map((l) => (l.id === legId ? { ...l, state: to, officeId } : l));
}
