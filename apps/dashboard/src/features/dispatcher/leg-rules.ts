import type { LegState, LegView } from '@hotline/contracts';

/** Pure rules of the dispatcher inbox (no browser API: unit-tested in leg-rules.spec.ts). */

/** States in which the office holds the leg and acts on it. */
export const IN_PROGRESS: readonly LegState[] = ['accepted', 'courier_assigned', 'picked_up', 'failed_attempt'];
export const FINISHED: readonly LegState[] = ['delivered', 'returned_to_agency', 'cancelled'];
/** Circular 17/2017: the citizen is invited at least twice before the item goes back to the agency. */
export const MIN_FAILED_BEFORE_RETURN = 2;

export type LegAction = 'courier' | 'pickup' | 'deliver' | 'fail' | 'return';

/**
 * The next actions the server allows for a leg held by the office (the server's transition table and service rules,
 * seen from the dispatcher): nothing else is offered, so a click never meets a 409 for a reason the screen could know.
 */
export function nextActions(leg: LegView): LegAction[] {
  switch (leg.state) {
    case 'accepted':
      return ['courier'];
    case 'courier_assigned':
      return ['pickup', 'fail'];
    case 'picked_up':
      return ['deliver', 'fail'];
    case 'failed_attempt': {
      const out: LegAction[] = leg.pickupChecklist ? ['deliver'] : ['courier', 'pickup'];
      out.push('fail');
      if (leg.failedAttempts >= MIN_FAILED_BEFORE_RETURN) out.push('return');
      return out;
    }
    default:
      return [];
  }
}

/** A local "dd/MM/yyyy HH:mm" typed by the dispatcher, read as Vietnam time (UTC+7, no daylight saving) → ISO. */
export function parseVnDateTime(text: string): string | null {
  const m = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s+(\d{1,2}):(\d{2})\s*$/.exec(text);
  if (!m) return null;
  const [, d, mo, y, h, mi] = m.map(Number) as unknown as number[];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59) return null;
  const ms = Date.UTC(y, mo - 1, d, h - 7, mi);
  const check = new Date(ms + 7 * 3600_000);
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
