import { VN_TIME_ZONE } from '../../../lib/format';

const ISO_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: VN_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today's date in Vietnam, `YYYY-MM-DD` (what local-date windows such as promotions are compared with). */
export function todayVN(now: Date = new Date()): string {
  return ISO_DAY.format(now);
}

/** A local date `YYYY-MM-DD` written `dd/MM/yyyy` (no time zone involved: it is already a Vietnamese day). */
export function localDateVN(iso: string | null | undefined): string {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})/.exec(iso) : null;
  return m ? `${m[3]}/${m[2]}/${m[1]}` : '—';
}

/** Where a local-date window stands today. */
export function windowState(startsOn: string, endsOn: string, today: string): 'upcoming' | 'running' | 'ended' {
  if (today < startsOn) return 'upcoming';
  return today > endsOn ? 'ended' : 'running';
}
