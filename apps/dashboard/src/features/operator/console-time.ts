/** Pure time helpers of the operator console (unit-tested in console-time.spec.ts). */

/** Midnight of today in Vietnam (UTC+7 all year, no daylight saving) as an ISO instant, and the day as yyyy-MM-dd. */
export function startOfTodayVN(now = Date.now()): { iso: string; day: string } {
  const shifted = new Date(now + 7 * 3600_000);
  const day = shifted.toISOString().slice(0, 10);
  return { iso: new Date(Date.parse(`${day}T00:00:00.000Z`) - 7 * 3600_000).toISOString(), day };
}

/** `m:ss` (or `h:mm:ss`) of a duration in seconds. */
export function clock(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return '—';
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}
