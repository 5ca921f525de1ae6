/**
 * Vietnam's time, in one place: Gia Lai keeps UTC+7 all year (no daylight saving), so a local date or hour is the instant
 * shifted by seven hours. Server and dashboard use these; nothing else writes 7 * 3600_000 or the zone name.
 */
export const VN_TIME_ZONE = 'Asia/Ho_Chi_Minh';
export const VN_UTC_OFFSET_MS = 7 * 3600_000;
/** For ISO strings: `2026-03-23T00:00:00+07:00`. */
export const VN_UTC_OFFSET = '+07:00';

/** The Vietnam local date (YYYY-MM-DD) of an instant. */
export function vnLocalDate(at: Date | number): string {
  return new Date(toMs(at) + VN_UTC_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant at which a Vietnam local day starts (00:00 +07:00). */
export function vnDayStart(at: Date | number): Date {
  const local = toMs(at) + VN_UTC_OFFSET_MS;
  return new Date(Math.floor(local / 86_400_000) * 86_400_000 - VN_UTC_OFFSET_MS);
}

/** A Date whose UTC fields read as Vietnam wall-clock time (hours, weekday...): for reading, never for storing. */
export function vnWallClock(at: Date | number): Date {
  return new Date(toMs(at) + VN_UTC_OFFSET_MS);
}

function toMs(at: Date | number): number {
  return typeof at === 'number' ? at : at.getTime();
}
