import type { CalendarView, WorkPeriodDto } from '@hotline/contracts';

/** Minutes of a list of HH:mm periods (24:00 allowed as an end). */
export function periodMinutes(periods: readonly WorkPeriodDto[] | null | undefined): number {
  const toMin = (hhmm: string) => {
    const [h, m] = hhmm.split(':').map(Number);
    return h * 60 + m;
  };
  return (periods ?? []).reduce((sum, p) => sum + Math.max(0, toMin(p.end) - toMin(p.start)), 0);
}

/**
 * Business minutes in one working day of a calendar: its longest weekday (Gia Lai: 07:00–11:30 + 13:30–17:00 = 480).
 * A policy's "5 working days" is entered as 5 × this; 0 when the calendar has no working hours at all.
 */
export function workingDayMinutes(calendar: Pick<CalendarView, 'weekly'> | null | undefined): number {
  if (!calendar) return 0;
  return Math.max(0, ...Object.values(calendar.weekly).map((p) => periodMinutes(p)));
}

/** Rounded to at most 2 decimals, written the Vietnamese way (comma as decimal separator) or the English way. */
export function formatDecimal(n: number, lang: 'vi' | 'en'): string {
  return new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 2 }).format(n);
}

/** A business-minute budget as hours and as working days of the calendar (days null when the calendar has no hours). */
export function splitBusinessMinutes(minutes: number, dayMinutes: number): { hours: number; days: number | null } {
  return { hours: minutes / 60, days: dayMinutes > 0 ? minutes / dayMinutes : null };
}

/** `07:00–11:30, 13:30–17:00` */
export function formatPeriods(periods: readonly WorkPeriodDto[] | null | undefined): string {
  return (periods ?? []).map((p) => `${p.start}–${p.end}`).join(', ');
}

/** Parses `07:00-11:30, 13:30-17:00` (dash or en dash, comma or semicolon); null when a part is not a period. */
export function parsePeriods(text: string): WorkPeriodDto[] | null {
  const parts = text
    .split(/[,;]/)
    .map((s) => s.trim())
    .filter(Boolean);
  const out: WorkPeriodDto[] = [];
  for (const part of parts) {
    const m = /^([01]\d|2[0-3]):([0-5]\d)\s*[-–]\s*(([01]\d|2[0-3]):[0-5]\d|24:00)$/.exec(part);
    if (!m) return null;
    const start = `${m[1]}:${m[2]}`;
    if (m[3] <= start) return null;
    out.push({ start, end: m[3] });
  }
  return out;
}
