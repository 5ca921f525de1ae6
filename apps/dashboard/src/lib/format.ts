import { formatPhoneVN } from '@hotline/contracts';

/** Every date on screen is Vietnam's local time, whatever the browser's own zone. */
export const VN_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const dateTimeParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: VN_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

const EMPTY = '—';

function toDate(value: string | number | Date | null | undefined): Date | null {
  if (value === null || value === undefined || value === '') return null;
  const d = value instanceof Date ? value : new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

function parts(d: Date): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of dateTimeParts.formatToParts(d)) out[p.type] = p.value;
  return out;
}

/** `dd/MM/yyyy HH:mm` in Asia/Ho_Chi_Minh. */
export function formatDateTime(value: string | number | Date | null | undefined): string {
  const d = toDate(value);
  if (!d) return EMPTY;
  const p = parts(d);
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}

/** `dd/MM/yyyy` in Asia/Ho_Chi_Minh. */
export function formatDate(value: string | number | Date | null | undefined): string {
  const d = toDate(value);
  if (!d) return EMPTY;
  const p = parts(d);
  return `${p.day}/${p.month}/${p.year}`;
}

/** `HH:mm` in Asia/Ho_Chi_Minh. */
export function formatTime(value: string | number | Date | null | undefined): string {
  const d = toDate(value);
  if (!d) return EMPTY;
  const p = parts(d);
  return `${p.hour}:${p.minute}`;
}

/**
 * Money is integer VND (BIGINT on the server, so it may arrive as a string): `1.234.567 ₫`, the same in both
 * languages since it is the Vietnamese way to write đồng.
 */
export function formatMoney(vnd: number | string | bigint | null | undefined): string {
  if (vnd === null || vnd === undefined || vnd === '') return EMPTY;
  let digits: string;
  let negative: boolean;
  if (typeof vnd === 'bigint') {
    negative = vnd < 0n;
    digits = (negative ? -vnd : vnd).toString();
  } else {
    const text = String(vnd).trim();
    if (!/^-?\d+(\.\d+)?$/.test(text)) return EMPTY;
    negative = text.startsWith('-');
    // Integer VND: a fractional part (from a float somewhere) is rounded half up on its absolute value.
    const [int, frac = ''] = text.replace('-', '').split('.');
    digits = frac && Number(frac[0]) >= 5 ? (BigInt(int) + 1n).toString() : BigInt(int).toString();
  }
  if (digits === '0') negative = false;
  return `${negative ? '-' : ''}${digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.')} ₫`;
}

/** Phones are stored E.164 and shown Vietnamese style (`0269 3888 222`, `0912 345 678`). */
export function formatPhone(e164: string | null | undefined): string {
  return e164 ? formatPhoneVN(e164) : EMPTY;
}

/** Lower case without Vietnamese diacritics, for search boxes: `dak` finds `Đắk`, `quy nhon` finds `Quy Nhơn`. */
export function foldVietnamese(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase().trim();
}

/** Seconds split into hours, minutes and seconds (for countdowns such as a login lockout). */
export function splitDuration(totalSeconds: number): { hours: number; minutes: number; seconds: number } {
  const s = Math.max(0, Math.ceil(totalSeconds));
  return { hours: Math.floor(s / 3600), minutes: Math.floor((s % 3600) / 60), seconds: s % 60 };
}
