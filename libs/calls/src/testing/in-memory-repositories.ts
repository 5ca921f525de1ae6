import type { Keyset } from '@hotline/core';
import type { Call } from '../call.entity';
import type { CallbackAttempt } from '../callback-attempt.entity';
import type { Callback } from '../callback.entity';
import type { OperatorState } from '../operator-state.entity';
import type { OperatorStatusPeriod } from '../operator-status-period.entity';
import type { CallbacksRepository, CallbackBacklogRow } from '../repositories/callbacks.repository';
import type { CallLogFilter, CallsRepository, PbxCallSeed } from '../repositories/calls.repository';
import type { OperatorStatesRepository } from '../repositories/operator-states.repository';

/** The public methods of a class (what a use case calls): an in-memory fake implements this. */
export type Public<T> = { [K in keyof T]: T[K] };

const copy = <T extends object>(row: T): T => ({ ...row });

export class InMemoryOperatorStates implements Public<OperatorStatesRepository> {
  readonly rows = new Map<string, OperatorState>();
  readonly closed: OperatorStatusPeriod[] = [];

  async find(userId: string) {
    const row = this.rows.get(userId);
    return row ? copy(row) : null;
  }
  async all() {
    return [...this.rows.values()].map(copy);
  }
  async lockOrCreate(userId: string, at: Date) {
    if (!this.rows.has(userId))
      this.rows.set(userId, { userId, status: 'offline', since: at, reason: null, disconnectedAt: null, version: 1 });
    return copy(this.rows.get(userId)!);
  }
  async updateIfVersion(userId: string, version: number, changes: Partial<OperatorState>) {
    const row = this.rows.get(userId);
    if (row && row.version === version) Object.assign(row, changes, { version: version + 1 });
  }
  async markDisconnected(userId: string, at: Date) {
    const row = this.rows.get(userId);
    if (row) row.disconnectedAt = at;
    else this.rows.set(userId, { userId, status: 'offline', since: at, reason: null, disconnectedAt: at, version: 1 });
  }
  /** Like TypeORM's update, which bumps the @VersionColumn. */
  async markConnected(userId: string) {
    const row = this.rows.get(userId);
    if (row) Object.assign(row, { disconnectedAt: null, version: row.version + 1 });
  }
  async withTimers() {
    return [...this.rows.values()]
      .filter((s) => s.status === 'wrap_up' || (s.disconnectedAt && s.status !== 'offline'))
      .map(copy);
  }
  async insertPeriod(period: OperatorStatusPeriod) {
    this.closed.push(period);
  }
  async periods(filter: { userId?: string; from: Date; to: Date }, limit: number) {
    return this.closed
      .filter(
        (p) => (!filter.userId || p.userId === filter.userId) && p.startedAt >= filter.from && p.startedAt <= filter.to,
      )
      .slice(0, limit);
  }
}

const byStartDesc = (a: Call, b: Call) =>
  b.startedAt.getTime() - a.startedAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

export class InMemoryCalls implements Public<CallsRepository> {
  readonly rows = new Map<string, Call>();
  /** The citizen of each number (what `citizen_phones` says), read with a PBX call's upsert. */
  readonly numberCitizens = new Map<string, string>();

  async findById(id: string) {
    const row = this.rows.get(id);
    return row ? copy(row) : null;
  }
  lockById(id: string) {
    return this.findById(id);
  }
  async insert(call: Call) {
    this.rows.set(call.id, copy(call));
  }
  async updateIfVersion(id: string, version: number, changes: Partial<Call>) {
    const row = this.rows.get(id);
    if (!row || row.version !== version) return false;
    Object.assign(row, changes, { version: version + 1 });
    return true;
  }
  async update(id: string, changes: Partial<Call>) {
    Object.assign(this.rows.get(id)!, changes);
  }
  async page(filter: CallLogFilter, limit: number, after: Keyset | null) {
    const eq = (['operatorId', 'outcome', 'topicId', 'citizenId', 'phone', 'direction', 'channel'] as const).filter(
      (k) => filter[k] !== undefined,
    );
    return [...this.rows.values()]
      .filter((c) => eq.every((k) => c[k] === filter[k]))
      .filter((c) => (!filter.from || c.startedAt >= filter.from) && (!filter.to || c.startedAt < filter.to))
      .filter(
        (c) => !after || c.startedAt < after.at || (c.startedAt.getTime() === after.at.getTime() && c.id < after.id),
      )
      .sort(byStartDesc)
      .slice(0, limit + 1)
      .map(copy);
  }
  async live(since: Date, limit: number) {
    return [...this.rows.values()]
      .filter((c) => c.state !== 'ended' && c.startedAt > since)
      .sort(byStartDesc)
      .slice(0, limit)
      .map(copy);
  }
  async upsertAndLockPbxCall(seed: PbxCallSeed) {
    const numberCitizenId = (seed.phone && this.numberCitizens.get(seed.phone)) || null;
    const found = [...this.rows.values()].find((c) => c.pbx === seed.pbx && c.externalId === seed.externalId);
    if (found) return { call: copy(found), numberCitizenId };
    const { at, ...fields } = seed;
    const call: Call = {
      ...fields,
      citizenId: numberCitizenId,
      channel: 'phone',
      state: 'ringing',
      operatorId: null,
      extension: null,
      answeredAt: null,
      endedAt: null,
      waitSeconds: null,
      talkSeconds: null,
      topicId: null,
      notes: null,
      outcome: null,
      hangupCause: null,
      requestId: null,
      ticketId: null,
      createdBy: null,
      createdAt: at,
      updatedAt: at,
      version: 1,
    };
    this.rows.set(call.id, call);
    return { call: copy(call), numberCitizenId };
  }
}

export class InMemoryCallbacks implements Public<CallbacksRepository> {
  readonly rows = new Map<string, Callback>();
  readonly attemptRows: CallbackAttempt[] = [];

  async findById(id: string) {
    const row = this.rows.get(id);
    return row ? copy(row) : null;
  }
  lockById(id: string) {
    return this.findById(id);
  }
  async exists(id: string) {
    return this.rows.has(id);
  }
  async page(filter: { state: Callback['state']; assigneeId?: string }, limit: number, after: Keyset | null) {
    return [...this.rows.values()]
      .filter((c) => c.state === filter.state && (!filter.assigneeId || c.assigneeId === filter.assigneeId))
      .filter(
        (c) => !after || c.createdAt > after.at || (c.createdAt.getTime() === after.at.getTime() && c.id > after.id),
      )
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1))
      .slice(0, limit + 1)
      .map(copy);
  }
  async openOfSourceCall(callId: string) {
    const row = [...this.rows.values()].find((c) => c.sourceCallId === callId && c.state === 'open');
    return row ? copy(row) : null;
  }
  async openOrBump(input: { id: string; phone: string; citizenId: string | null; callId: string; at: Date }) {
    const open = [...this.rows.values()].find((c) => c.openPhone === input.phone);
    if (open) {
      Object.assign(open, { missedCount: open.missedCount + 1, updatedAt: input.at, version: open.version + 1 });
      return copy(open);
    }
    const row: Callback = {
      id: input.id,
      phone: input.phone,
      openPhone: input.phone,
      citizenId: input.citizenId,
      state: 'open',
      sourceCallId: input.callId,
      missedCount: 1,
      assigneeId: null,
      attempts: 0,
      lastAttemptAt: null,
      closedCallId: null,
      closedAt: null,
      createdAt: input.at,
      updatedAt: input.at,
      version: 1,
    };
    this.rows.set(row.id, row);
    return copy(row);
  }
  async updateIfVersion(id: string, version: number, changes: Partial<Callback>) {
    const row = this.rows.get(id);
    if (!row || row.version !== version) return false;
    Object.assign(row, changes, { version: version + 1 });
    return true;
  }
  async backlog(newerThan: [Date, Date, Date]): Promise<CallbackBacklogRow> {
    const open = [...this.rows.values()].filter((c) => c.state === 'open');
    const oldest = open.reduce<Date | null>((m, c) => (!m || c.createdAt < m ? c.createdAt : m), null);
    const count = (d: Date) => open.filter((c) => c.createdAt > d).length;
    return {
      open: open.length,
      unassigned: open.filter((c) => !c.assigneeId).length,
      oldest,
      newerThan: [count(newerThan[0]), count(newerThan[1]), count(newerThan[2])],
    };
  }
  async insertAttempt(attempt: CallbackAttempt) {
    this.attemptRows.push(attempt);
  }
  async attemptsOf(callbackId: string) {
    return this.attemptRows.filter((a) => a.callbackId === callbackId);
  }
}
