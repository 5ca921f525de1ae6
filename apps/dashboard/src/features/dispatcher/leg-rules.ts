import {
  LEG_MACHINE,
  legMoveRefusal,
  type LegGuardFacts,
  type LegState,
  type LegView,
  VN_UTC_OFFSET_MS,
} from '@hotline/contracts';

/** Pure rules of the dispatcher inbox (no browser API: unit-tested in leg-rules.spec.ts). */

export type LegAction = 'courier' | 'pickup' | 'deliver' | 'fail' | 'return';

/** The move each button asks the server for, in the order the buttons show. */
const ACTION_TARGETS: ReadonlyArray<readonly [LegAction, LegState]> = [
  ['courier', 'courier_assigned'],
  ['pickup', 'picked_up'],
  ['deliver', 'delivered'],
  ['fail', 'failed_attempt'],
  ['return', 'returned_to_agency'],
];

const guardFacts = (leg: LegView): LegGuardFacts => ({
  state: leg.state,
  kind: leg.kind,
  pickedUp: !!leg.pickupChecklist,
  invitations: leg.invitations,
});

/**
 * The next actions for a leg held by the office: the moves the leg machine of contracts and its guards allow (the same
 * ones the server checks, with the server's dates for the two-working-day rule), so a click never meets a 409 for a reason
 * the screen could know. Once the item is in hand the office delivers it: a new courier or a second pickup is not offered.
 */
export function nextActions(leg: LegView): LegAction[] {
  if (!LEG_MACHINE.is('officeHeld', leg.state)) return [];
  const facts = guardFacts(leg);
  return ACTION_TARGETS.filter(([action, to]) => {
    if (facts.pickedUp && (action === 'courier' || action === 'pickup')) return false;
    return legMoveRefusal(facts, to) === null;
  }).map(([action]) => action);
}

/** A local "dd/MM/yyyy HH:mm" typed by the dispatcher, read as Vietnam time (UTC+7, no daylight saving) → ISO. */
export function parseVnDateTime(text: string): string | null {
  const m = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s+(\d{1,2}):(\d{2})\s*$/.exec(text);
  if (!m) return null;
  const [, d, mo, y, h, mi] = m.map(Number) as unknown as number[];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59) return null;
  const ms = Date.UTC(y, mo - 1, d, h, mi) - VN_UTC_OFFSET_MS;
  const check = new Date(ms + VN_UTC_OFFSET_MS);
  if (check.getUTCDate() !== d || check.getUTCMonth() !== mo - 1) return null;
  return new Date(ms).toISOString();
}

/** A typed "dd/MM/yyyy" → "YYYY-MM-DD" (the api's local date), or null when it is not a real date. */
export function vnDateToIso(text: string): string | null {
  const m = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(text);
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
