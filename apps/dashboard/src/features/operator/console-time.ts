/** Pure time helpers of the operator console (unit-tested in console-time.spec.ts). */
import { vnDayStart, vnLocalDate } from '@hotline/contracts';

/** Midnight of today in Vietnam as an ISO instant, and the day as yyyy-MM-dd. */
export function startOfTodayVN(now = Date.now()): { iso: string; day: string } {
  return { iso: vnDayStart(now).toISOString(), day: vnLocalDate(now) };
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
