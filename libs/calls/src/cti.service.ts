import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, MoreThan } from 'typeorm';
import type { BlockedNumberView, CallView, CallerLookupView, PbxTokenView, RoomName } from '@hotline/contracts';
import { isWithheldCaller, normalizePhone } from '@hotline/contracts';
import {
  Clock,
  ConflictError,
  dbManager,
  NotFoundError,
  UnauthenticatedError,
  uuidv7,
  writeAudit,
} from '@hotline/core';
import { BlockedNumber } from './blocked-number.entity';
import { CallerLookupService } from './caller-lookup.service';
import { Call } from './call.entity';
import { CALLS_CONFIG, CallsConfig } from './calls.config';
import { CallsRealtime } from './calls-realtime';
import { toCallView } from './calls.service';
import { Callback } from './callback.entity';
import { CallbacksService } from './callbacks.service';
import { CitizenPhone } from './citizen-phone.entity';
import { requirePhone } from './citizens.service';
import { CtiCallState, CtiEvent, applyCtiEvent, initialCallState } from './cti-logic';
import { DirectoryUser, OperatorDirectory } from './operator-directory';
import { OperatorStatusService, StatusChange } from './operator-status.service';
import { PbxToken } from './pbx-token.entity';

export const hashToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

export interface CtiResult {
  callId: string | null;
  /** Zammad-style instruction for the PBX. */
  action: 'reject' | 'dial' | null;
  reason?: string;
  callerId?: string;
  number?: string;
  /** False when the event changed nothing (a duplicate). */
  changed: boolean;
}

/** The PBX side: tokens, blocked numbers and the idempotent, order-tolerant call events. */
@Injectable()
export class CtiService {
  private blockedCache: { at: number; set: Set<string> } | null = null;
  /** Every event authenticates: valid tokens are remembered briefly (a revocation applies within TOKEN_CACHE_MS). */
  private tokenCache = new Map<string, { token: PbxToken; at: number }>();
  private static readonly TOKEN_CACHE_MS = 5000;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly realtime: CallsRealtime,
    private readonly directory: OperatorDirectory,
    private readonly lookup: CallerLookupService,
    private readonly callbacks: CallbacksService,
    private readonly status: OperatorStatusService,
    @Inject(CALLS_CONFIG) private readonly config: CallsConfig,
  ) {}

  // ---- PBX tokens (admin)

  async createToken(name: string, outboundCallerId: string | null, actorId: string): Promise<PbxTokenView> {
    const token = randomBytes(24).toString('base64url');
    const row: PbxToken = {
      id: uuidv7(),
      name,
      tokenHash: hashToken(token),
      active: true,
      outboundCallerId,
      createdAt: this.clock.now(),
    };
    await this.db.transaction(async (m) => {
      if (await m.countBy(PbxToken, { name }))
        throw new ConflictError(`a PBX named ${name} already exists`, 'CONFLICT', { field: 'name' });
      await m.insert(PbxToken, row);
      await writeAudit(m, { actorId, entityType: 'pbx_token', entityId: row.id, action: 'created' });
    });
    return { ...this.tokenView(row), token };
  }

  private tokenView(t: PbxToken): PbxTokenView {
    return {
      id: t.id,
      name: t.name,
      active: !!t.active,
      outboundCallerId: t.outboundCallerId,
      createdAt: t.createdAt.toISOString(),
    };
  }

  async tokens(): Promise<PbxTokenView[]> {
    return (
      await dbManager(this.db)
        .getRepository(PbxToken)
        .find({ order: { name: 'ASC' } })
    ).map((t) => this.tokenView(t));
  }

  async revokeToken(id: string, actorId: string): Promise<PbxTokenView> {
    const t = await dbManager(this.db).getRepository(PbxToken).findOneBy({ id });
    if (!t) throw new NotFoundError('PBX token', id);
    await this.db.transaction(async (m) => {
      await m.update(PbxToken, { id }, { active: false });
      await writeAudit(m, { actorId, entityType: 'pbx_token', entityId: id, action: 'revoked' });
    });
    this.tokenCache.clear();
    return this.tokenView({ ...t, active: false });
  }

  /** 401 for a missing, unknown or revoked token. Compared by hash (the table never holds a usable token). */
  async authenticate(token: string | undefined | null): Promise<PbxToken> {
    if (!token || token.length > 200)
      throw new UnauthenticatedError('Missing or invalid CTI token', 'INVALID_CTI_TOKEN');
    const hash = hashToken(token);
    const hit = this.tokenCache.get(hash);
    if (hit && Date.now() - hit.at < CtiService.TOKEN_CACHE_MS) return hit.token;
    const t = await dbManager(this.db).getRepository(PbxToken).findOneBy({ tokenHash: hash });
    if (!t || !t.active) {
      this.tokenCache.delete(hash);
      throw new UnauthenticatedError('Missing or invalid CTI token', 'INVALID_CTI_TOKEN');
    }
    if (this.tokenCache.size > 1000) this.tokenCache.clear();
    this.tokenCache.set(hash, { token: t, at: Date.now() });
    return t;
  }

  // ---- blocked numbers (admin)

  async blocked(): Promise<BlockedNumberView[]> {
    return (
      await dbManager(this.db)
        .getRepository(BlockedNumber)
        .find({ order: { createdAt: 'DESC' } })
    ).map((b) => ({ id: b.id, phone: b.phone, reason: b.reason, createdAt: b.createdAt.toISOString() }));
  }

  async block(phone: string, reason: string | null, actorId: string): Promise<BlockedNumberView> {
    const e164 = requirePhone(phone);
    const row: BlockedNumber = { id: uuidv7(), phone: e164, reason, createdBy: actorId, createdAt: this.clock.now() };
    await this.db.transaction(async (m) => {
      if (await m.countBy(BlockedNumber, { phone: e164 }))
        throw new ConflictError(`${e164} is already blocked`, 'CONFLICT', { field: 'phone' });
      await m.insert(BlockedNumber, row);
      await writeAudit(m, { actorId, entityType: 'blocked_number', entityId: row.id, action: 'blocked', reason });
    });
    this.blockedCache = null;
    return { id: row.id, phone: row.phone, reason: row.reason, createdAt: row.createdAt.toISOString() };
  }

  async unblock(id: string, actorId: string): Promise<void> {
    await this.db.transaction(async (m) => {
      const res = await m.delete(BlockedNumber, { id });
      if (!res.affected) throw new NotFoundError('Blocked number', id);
      await writeAudit(m, { actorId, entityType: 'blocked_number', entityId: id, action: 'unblocked' });
    });
    this.blockedCache = null;
  }

  private async isBlocked(e164: string): Promise<boolean> {
    // Short cache: the CTI path runs for every event; an admin's change applies within 5 s on every instance.
    if (!this.blockedCache || Date.now() - this.blockedCache.at > 5000) {
      const rows = await dbManager(this.db)
        .getRepository(BlockedNumber)
        .find({ select: ['phone'] });
      this.blockedCache = { at: Date.now(), set: new Set(rows.map((r) => r.phone)) };
    }
    return this.blockedCache.set.has(e164);
  }

  // ---- events

  /**
   * One PBX event, idempotent and order-tolerant: the row is created by whichever event of a call comes first
   * (unique (pbx, external_id)), then locked and advanced by the pure `applyCtiEvent`. A duplicate changes nothing
   * and emits nothing.
   */
  async ingest(pbx: PbxToken, e: CtiEvent): Promise<CtiResult> {
    const remoteRaw = e.direction === 'inbound' ? e.from : e.to;
    const lineRaw = e.direction === 'inbound' ? e.to : e.from;
    const withheld = isWithheldCaller(remoteRaw);
    const phone = withheld ? null : normalizePhone(remoteRaw);
    if (e.direction === 'inbound' && phone && (await this.isBlocked(phone))) {
      return { callId: null, action: 'reject', reason: 'busy', changed: false };
    }
    const answering: DirectoryUser | null =
      e.type === 'answer' ? await this.directory.firstOperator(e.extensions) : null;
    const ringing: DirectoryUser[] = [];
    if (e.type === 'new_call')
      for (const ext of e.extensions) {
        const u = await this.directory.byExtension(ext);
        if (u && (u.role === 'operator' || u.role === 'supervisor')) ringing.push(u);
      }

    const after: Array<() => Promise<void> | void> = [];
    const outcome = await this.db.transaction(async (m) => {
      const now = this.clock.now();
      const newId = uuidv7();
      const init = initialCallState(e);
      const citizenId = phone ? ((await m.findOneBy(CitizenPhone, { phone }))?.citizenId ?? null) : null;
      await m.query(
        'INSERT INTO `calls` (`id`, `direction`, `channel`, `state`, `phone`, `withheld`, `line`, `queue`, `citizen_id`, `pbx`, `external_id`, `started_at`, `created_at`, `updated_at`, `version`) ' +
          "VALUES (?, ?, 'phone', 'ringing', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1) ON DUPLICATE KEY UPDATE `id` = `id`",
        [
          newId,
          init.direction,
          phone,
          withheld ? 1 : 0,
          lineRaw?.slice(0, 40) ?? null,
          init.queue?.slice(0, 60) ?? null,
          citizenId,
          pbx.name,
          e.callId,
          init.startedAt,
          now,
          now,
        ],
      );
      const call = await m.findOneOrFail(Call, {
        where: { pbx: pbx.name, externalId: e.callId },
        lock: { mode: 'pessimistic_write' },
      });
      const created = call.id === newId;
      const decision = applyCtiEvent(call as CtiCallState, e, answering?.id ?? null, this.config.abandonAfterSeconds);
      const fill: Partial<Call> = {};
      // The first event may not have carried the numbers (e.g. a bare hangup): fill them from a later one.
      if (!call.phone && phone) fill.phone = phone;
      if (!call.line && lineRaw) fill.line = lineRaw.slice(0, 40);
      if (!call.citizenId && citizenId) fill.citizenId = citizenId;
      const changes = { ...decision.changes, ...fill };
      let saved = call;
      if (Object.keys(changes).length) {
        await m.update(Call, { id: call.id }, { ...changes, updatedAt: now, version: call.version + 1 });
        saved = { ...call, ...changes, updatedAt: now, version: call.version + 1 } as Call;
      }
      const statusChanges: Array<StatusChange | null> = [];
      if (decision.answered && saved.operatorId)
        statusChanges.push(await this.status.change(saved.operatorId, 'on_call', 'cti:answer', { m }));
      if (decision.ended && saved.operatorId && saved.answeredAt)
        statusChanges.push(await this.status.change(saved.operatorId, this.status.hangupStatus(), 'cti:hangup', { m }));
      let callback: Callback | null = null;
      if (decision.unansweredEnd && saved.direction === 'inbound' && saved.phone)
        callback = await this.callbacks.openFor(m, saved.phone, saved.citizenId, saved.id);
      if (decision.answered && call.endedAt) callback = await this.callbacks.cancelFromCall(m, saved.id);
      if (created || Object.keys(changes).length) {
        await writeAudit(m, {
          actorId: null,
          entityType: 'call',
          entityId: saved.id,
          action: `cti:${e.type}`,
          from: call.state,
          to: saved.state,
          data: { pbx: pbx.name, cause: e.cause },
          at: now,
        });
      }
      for (const s of statusChanges) if (s) after.push(s.after);
      if (callback) {
        const cb = callback;
        after.push(() => this.realtime.callback(this.callbacks.view(cb)));
      }
      return { saved, created, changed: created || Object.keys(changes).length > 0, decision };
    });

    const { saved, created, changed, decision } = outcome;
    for (const fn of after) await fn();
    if (changed) {
      const view = toCallView(saved);
      this.realtime.call(view);
      // The screen-pop needs a lookup: done after the answer to the PBX, which must not wait for it.
      if (e.type === 'new_call' && (created || saved.state === 'ringing')) void this.popNewCall(view, ringing);
      if (decision.answered && saved.operatorId) void this.pop([`user:${saved.operatorId}`], view, 'answer');
    }
    const result: CtiResult = { callId: saved.id, action: null, changed };
    if (e.type === 'new_call' && e.direction === 'outbound' && pbx.outboundCallerId && e.to) {
      Object.assign(result, { action: 'dial', callerId: pbx.outboundCallerId, number: e.to });
    }
    return result;
  }

  /** Offered call: the ringing operators if the PBX named them, otherwise every operator. */
  private async popNewCall(view: CallView, ringing: DirectoryUser[]): Promise<void> {
    if (view.direction !== 'inbound') return;
    const rooms: RoomName[] = ringing.length ? ringing.map((u) => `user:${u.id}` as const) : ['role:operator'];
    await this.pop(rooms, view, 'new_call');
  }

  private async pop(rooms: RoomName[], view: CallView, event: 'new_call' | 'answer'): Promise<void> {
    let caller: CallerLookupView;
    try {
      caller = view.phone ? await this.lookup.byE164(view.phone) : this.lookup.withheld();
    } catch {
      caller = this.lookup.withheld();
    }
    this.realtime.screenPop(rooms, { callId: view.id, event, call: view, caller });
  }

  /** Live board: calls ringing or in progress in the last 12 h (a PBX that never sent the hangup does not pin a call forever). */
  async live(): Promise<CallView[]> {
    const since = MoreThan(new Date(this.clock.nowMs() - 12 * 3600_000));
    const rows = await dbManager(this.db)
      .getRepository(Call)
      .find({
        where: [
          { state: 'ringing', startedAt: since },
          { state: 'answered', startedAt: since },
        ],
        order: { startedAt: 'DESC' },
        take: 200,
      });
    return rows.map(toCallView);
  }

  /** For tests and the reconciler-free path: the call of a PBX call id. */
  async byExternal(m: EntityManager, pbx: string, externalId: string): Promise<Call | null> {
    return m.findOneBy(Call, { pbx, externalId });
  }
}
