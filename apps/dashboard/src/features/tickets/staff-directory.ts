import type { OperatorDirectoryEntry, OperatorStatus, OperatorStatusRow } from '@hotline/contracts';

/** A staff member a supervisor can name or hand a ticket to: the account's name, plus the live status when the board has one. */
export interface StaffEntry {
  userId: string;
  fullName: string;
  extension: string | null;
  status: OperatorStatus | null;
}

/**
 * The operator directory (every active operator, GET /users/operators) merged with the status board (only those who
 * connected once). `pickable` is the directory — or, while it has not loaded, the board's named rows — by name;
 * `byId` also keeps board rows the directory lacks (a since-disabled operator still names old history rows).
 */
export function mergeStaff(
  directory: OperatorDirectoryEntry[] | undefined,
  statuses: OperatorStatusRow[] | undefined,
): { byId: Map<string, StaffEntry>; pickable: StaffEntry[] } {
  const live = new Map((statuses ?? []).map((s) => [s.userId, s]));
  const byId = new Map<string, StaffEntry>();
  for (const s of statuses ?? [])
    if (s.fullName)
      byId.set(s.userId, { userId: s.userId, fullName: s.fullName, extension: s.extension, status: s.status });
  const listed: StaffEntry[] = (directory ?? []).map((o) => ({
    userId: o.id,
    fullName: o.fullName,
    extension: o.extension ?? live.get(o.id)?.extension ?? null,
    status: live.get(o.id)?.status ?? null,
  }));
  for (const e of listed) byId.set(e.userId, e);
  const pickable = (directory ? listed : [...byId.values()]).sort((a, b) => a.fullName.localeCompare(b.fullName, 'vi'));
  return { byId, pickable };
}
