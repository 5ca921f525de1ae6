import type { AuditInput } from '@hotline/core';
import type { BcciAssignment } from '../bcci-assignment.entity';
import type { BcciLeg } from '../bcci-leg.entity';
import type { BcciRequest } from '../bcci-request.entity';
import { LEG_MACHINE, OFFER_MACHINE } from '@hotline/contracts';
import type { OfferEnd } from '../repositories/assignments.repository';
import type { LegStateUpdate } from '../repositories/legs.repository';

const copy = <T>(rows: T[]): T[] => rows.map((r) => ({ ...r }));

/**
 * The dispatch tables in memory, with fake repositories that answer what the use cases ask of the real ones (same method
 * names and semantics: conditional updates report whether they won). The e2e suite proves the SQL.
 */
export class InMemoryDispatch {
  legRows: BcciLeg[] = [];
  assignmentRows: BcciAssignment[] = [];
  requestRows: BcciRequest[] = [];
  /** History rows as committed (the fake unit of work's), read back for the failed attempts. */
  historyRows: AuditInput[] = [];

  /** For the fake unit of work: a copy of the tables now, and how to go back to it. */
  snapshot = (): (() => void) => {
    const [l, a, r] = [copy(this.legRows), copy(this.assignmentRows), copy(this.requestRows)];
    return () => {
      this.legRows = l;
      this.assignmentRows = a;
      this.requestRows = r;
    };
  };

  readonly legs = {
    insertMany: async (legs: BcciLeg[]) => void this.legRows.push(...copy(legs)),
    find: async (id: string, officeId?: string | null) =>
      this.clone(this.legRows.find((l) => l.id === id && (!officeId || l.officeId === officeId))),
    findByRequests: async (ids: string[]) => copy(this.legRows.filter((l) => ids.includes(l.requestId))),
    updateState: async (u: LegStateUpdate) => {
      const row = this.legRows.find((l) => l.id === u.leg.id);
      if (!row || row.state !== u.leg.state || row.version !== u.leg.version) return false;
      if (u.routingAttempt !== undefined && row.routingAttempt !== u.routingAttempt) return false;
      Object.assign(row, u.changes ?? {}, { state: u.to, updatedAt: u.at, version: row.version + 1 });
      return true;
    },
    setRouteAfter: async (legId: string, attempt: number, at: Date) => {
      const row = this.legRows.find((l) => l.id === legId && l.state === 'routing' && l.routingAttempt === attempt);
      if (row) row.routeAfter = at;
      return !!row;
    },
    routingLegs: async () => copy(this.legRows.filter((l) => l.state === 'routing')),
    unfinishedLegs: async () => copy(this.legRows.filter((l) => !LEG_MACHINE.is('finished', l.state))),
    lockForRemittance: async (ids: string[], officeId: string) =>
      copy(this.legRows.filter((l) => ids.includes(l.id) && l.officeId === officeId)),
    markRemitted: async (ids: string[], remittanceId: string) => {
      for (const l of this.legRows) if (ids.includes(l.id) && !l.remittanceId) l.remittanceId = remittanceId;
    },
  };

  readonly assignments = {
    insert: async (a: BcciAssignment) => void this.assignmentRows.push({ ...a }),
    find: async (id: string) => this.clone(this.assignmentRows.find((a) => a.id === id)),
    pending: async (legId: string, officeId?: string | null) =>
      this.clone(
        this.assignmentRows.find(
          (a) => a.legId === legId && a.state === 'pending' && (!officeId || a.officeId === officeId),
        ),
      ),
    allPending: async (legId: string) =>
      copy(this.assignmentRows.filter((a) => a.legId === legId && a.state === 'pending')),
    pendingOf: async (legIds: string[]) =>
      copy(this.assignmentRows.filter((a) => legIds.includes(a.legId) && a.state === 'pending')),
    ofLegs: async (legIds: string[]) => copy(this.assignmentRows.filter((a) => legIds.includes(a.legId))),
    end: async (id: string, end: OfferEnd) => {
      const row = this.assignmentRows.find((a) => a.id === id && a.state === 'pending');
      if (row) this.endRow(row, end);
      return !!row;
    },
    withdrawAll: async (legId: string, end: OfferEnd) => {
      for (const a of this.assignmentRows.filter((x) => x.legId === legId && x.state === 'pending'))
        this.endRow(a, { ...end, reason: end.reason ?? null });
    },
    triedOffices: async (legId: string) =>
      this.assignmentRows.filter((a) => a.legId === legId && OFFER_MACHINE.is('ended', a.state)).map((a) => a.officeId),
    loadSince: async (officeIds: string[], since: Date) => {
      const out = new Map<string, number>();
      for (const a of this.assignmentRows)
        if (
          officeIds.includes(a.officeId) &&
          a.createdAt >= since &&
          OFFER_MACHINE.is('countsAgainstCapacity', a.state)
        )
          out.set(a.officeId, (out.get(a.officeId) ?? 0) + 1);
      return out;
    },
    pendingWithDeadline: async () => copy(this.assignmentRows.filter((a) => a.state === 'pending' && a.deadlineAt)),
  };

  readonly requests = {
    insert: async (r: BcciRequest) => void this.requestRows.push({ ...r }),
    find: async (id: string) => this.clone(this.requestRows.find((r) => r.id === id)),
    summaries: async (ids: string[]) => copy(this.requestRows.filter((r) => ids.includes(r.id))),
    findByCode: async (code: string) => this.clone(this.requestRows.find((r) => r.code === code)),
    ref: async (id: string) => {
      const r = this.requestRows.find((x) => x.id === id);
      if (!r) throw new Error(`no request ${id}`);
      return { requestCode: r.code, createdById: r.createdById };
    },
  };

  readonly history = {
    failedAttempts: async (legIds: string[]) => {
      const out = new Map<string, Date[]>();
      for (const h of this.historyRows)
        if (h.entityType === 'bcci_leg' && legIds.includes(h.entityId) && h.to === 'failed_attempt')
          out.set(h.entityId, [...(out.get(h.entityId) ?? []), h.at!]);
      return out;
    },
  };

  private endRow(row: BcciAssignment, end: OfferEnd): void {
    Object.assign(row, {
      state: end.state,
      respondedAt: end.at,
      respondedById: end.actorId,
      ...(end.reason !== undefined ? { reason: end.reason } : {}),
    });
  }

  private clone<T extends object>(row: T | undefined): T | null {
    return row ? { ...row } : null;
  }
}
