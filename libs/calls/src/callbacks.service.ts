import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { CallbackAttemptView, CallbackView } from '@hotline/contracts';
import {
  AuthUser,
  Clock,
  ConflictError,
  dbManager,
  ForbiddenError,
  NotFoundError,
  uuidv7,
  ValidationError,
  writeAudit,
} from '@hotline/core';
import { Call } from './call.entity';
import type { CallbackAttemptDto, ListCallbacksQuery } from './calls.dto';
import { CallsRealtime } from './calls-realtime';
import { CallbackAttempt } from './callback-attempt.entity';
import { Callback } from './callback.entity';
import { OperatorDirectory } from './operator-directory';

/** Callback tasks: one open task per number, created from missed/abandoned inbound calls, closed by an outbound call. */
@Injectable()
export class CallbacksService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly realtime: CallsRealtime,
    private readonly directory: OperatorDirectory,
  ) {}

  view(c: Callback): CallbackView {
    return {
      id: c.id,
      phone: c.phone,
      citizenId: c.citizenId,
      state: c.state,
      sourceCallId: c.sourceCallId,
      missedCount: c.missedCount,
      assigneeId: c.assigneeId,
      attempts: c.attempts,
      lastAttemptAt: c.lastAttemptAt?.toISOString() ?? null,
      closedCallId: c.closedCallId,
      closedAt: c.closedAt?.toISOString() ?? null,
      createdAt: c.createdAt.toISOString(),
      ageSeconds: Math.max(0, Math.round((this.clock.nowMs() - c.createdAt.getTime()) / 1000)),
      version: c.version,
    };
  }

  /**
   * Inside the CTI transaction: the open task for this number, created or bumped (the unique `open_phone` makes
   * two concurrent missed calls from one number meet on the same row).
   */
  async openFor(m: EntityManager, phone: string, citizenId: string | null, callId: string): Promise<Callback> {
    const now = this.clock.now();
    await m.query(
      'INSERT INTO `callbacks` (`id`, `phone`, `open_phone`, `citizen_id`, `state`, `source_call_id`, `missed_count`, `assignee_id`, `attempts`, `created_at`, `updated_at`, `version`) ' +
        "VALUES (?, ?, ?, ?, 'open', ?, 1, NULL, 0, ?, ?, 1) " +
        'ON DUPLICATE KEY UPDATE `missed_count` = `missed_count` + 1, `updated_at` = VALUES(`updated_at`), `version` = `version` + 1',
      [uuidv7(), phone, phone, citizenId, callId, now, now],
    );
    return m.findOneByOrFail(Callback, { openPhone: phone });
  }

  /** An answer arrived after the hangup that made this call "missed": its task (if untouched) is void. */
  async cancelFromCall(m: EntityManager, callId: string): Promise<Callback | null> {
    const cb = await m.findOneBy(Callback, { sourceCallId: callId, state: 'open' });
    if (!cb || cb.attempts > 0 || cb.missedCount > 1) return null;
    await m.update(
      Callback,
      { id: cb.id, version: cb.version },
      {
        state: 'cancelled',
        openPhone: null,
        closedAt: this.clock.now(),
        updatedAt: this.clock.now(),
        version: cb.version + 1,
      },
    );
    await writeAudit(m, {
      actorId: null,
      entityType: 'callback',
      entityId: cb.id,
      action: 'cancelled',
      from: 'open',
      to: 'cancelled',
      reason: 'the call was answered after all',
    });
    return m.findOneByOrFail(Callback, { id: cb.id });
  }

  async list(q: ListCallbacksQuery): Promise<CallbackView[]> {
    const rows = await dbManager(this.db)
      .getRepository(Callback)
      .find({
        where: { state: q.state ?? 'open', ...(q.assigneeId ? { assigneeId: q.assigneeId } : {}) },
        order: { createdAt: 'ASC' },
        take: q.limit ?? 100,
      });
    return rows.map((r) => this.view(r));
  }

  /** The supervisor's backlog: how many open, how old, by assignee. */
  async backlog(): Promise<{
    open: number;
    unassigned: number;
    oldestAgeSeconds: number | null;
    byAge: Record<string, number>;
  }> {
    const rows: Array<{
      open: string;
      unassigned: string;
      oldest: Date | null;
      lt15: string;
      lt60: string;
      lt240: string;
    }> = await dbManager(this.db).query(
      "SELECT COUNT(*) AS `open`, SUM(`assignee_id` IS NULL) AS `unassigned`, MIN(`created_at`) AS `oldest`, SUM(`created_at` > ? ) AS `lt15`, SUM(`created_at` > ?) AS `lt60`, SUM(`created_at` > ?) AS `lt240` FROM `callbacks` WHERE `state` = 'open'",
      [
        new Date(this.clock.nowMs() - 15 * 60_000),
        new Date(this.clock.nowMs() - 60 * 60_000),
        new Date(this.clock.nowMs() - 240 * 60_000),
      ],
    );
    const r = rows[0];
    const open = Number(r.open);
    const lt15 = Number(r.lt15 ?? 0);
    const lt60 = Number(r.lt60 ?? 0);
    const lt240 = Number(r.lt240 ?? 0);
    return {
      open,
      unassigned: Number(r.unassigned ?? 0),
      oldestAgeSeconds: r.oldest ? Math.round((this.clock.nowMs() - new Date(r.oldest).getTime()) / 1000) : null,
      byAge: { under15m: lt15, from15mTo1h: lt60 - lt15, from1hTo4h: lt240 - lt60, over4h: open - lt240 },
    };
  }

  private async lockOpen(m: EntityManager, id: string): Promise<Callback> {
    const cb = await m.findOne(Callback, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!cb) throw new NotFoundError('Callback', id);
    if (cb.state !== 'open')
      throw new ConflictError(`callback ${id} is ${cb.state}`, 'ILLEGAL_TRANSITION', { from: cb.state });
    return cb;
  }

  async assign(id: string, assigneeId: string | undefined, user: AuthUser): Promise<CallbackView> {
    const target = assigneeId ?? user.id;
    if (user.role === 'operator' && target !== user.id)
      throw new ForbiddenError('Operators can only take callbacks for themselves');
    const saved = await this.db.transaction(async (m) => {
      const cb = await this.lockOpen(m, id);
      if (target !== user.id) {
        const role = await this.directory.role(target);
        if (role !== 'operator' && role !== 'supervisor')
          throw new ValidationError('assigneeId: not an operator', { field: 'assigneeId' });
      }
      await m.update(
        Callback,
        { id, version: cb.version },
        { assigneeId: target, updatedAt: this.clock.now(), version: cb.version + 1 },
      );
      await writeAudit(m, {
        actorId: user.id,
        entityType: 'callback',
        entityId: id,
        action: 'assigned',
        from: cb.assigneeId,
        to: target,
      });
      return m.findOneByOrFail(Callback, { id });
    });
    const view = this.view(saved);
    this.realtime.callback(view);
    return view;
  }

  async attempt(id: string, dto: CallbackAttemptDto, user: AuthUser): Promise<CallbackAttemptView> {
    const at = this.clock.now();
    const { attempt, cb } = await this.db.transaction(async (m) => {
      const cb = await this.lockOpen(m, id);
      if (dto.callId) await this.checkOutbound(m, dto.callId, cb.phone);
      const attempt = {
        id: uuidv7(),
        callbackId: id,
        operatorId: user.id,
        at,
        result: dto.result,
        note: dto.note ?? null,
        callId: dto.callId ?? null,
      };
      await m.insert(CallbackAttempt, attempt);
      await m.update(
        Callback,
        { id },
        {
          attempts: cb.attempts + 1,
          lastAttemptAt: at,
          assigneeId: cb.assigneeId ?? user.id,
          updatedAt: at,
          version: cb.version + 1,
        },
      );
      await writeAudit(m, {
        actorId: user.id,
        entityType: 'callback',
        entityId: id,
        action: 'attempt',
        reason: dto.result,
        at,
      });
      return { attempt, cb: await m.findOneByOrFail(Callback, { id }) };
    });
    this.realtime.callback(this.view(cb));
    return { ...attempt, at: at.toISOString() };
  }

  private async checkOutbound(m: EntityManager, callId: string, phone: string): Promise<Call> {
    const call = await m.findOneBy(Call, { id: callId });
    if (!call) throw new ValidationError(`callId: unknown call ${callId}`, { field: 'callId', constraint: 'exists' });
    if (call.direction !== 'outbound' || call.phone !== phone)
      throw new ValidationError('callId: must be an outbound call to the callback number', { field: 'callId' });
    return call;
  }

  /** Done: the citizen was reached by this outbound call (marked `callback_done`). */
  async close(id: string, callId: string, user: AuthUser): Promise<CallbackView> {
    const now = this.clock.now();
    const saved = await this.db.transaction(async (m) => {
      const cb = await this.lockOpen(m, id);
      const call = await this.checkOutbound(m, callId, cb.phone);
      await m.update(
        Callback,
        { id, version: cb.version },
        {
          state: 'done',
          openPhone: null,
          closedCallId: callId,
          closedAt: now,
          assigneeId: cb.assigneeId ?? user.id,
          updatedAt: now,
          version: cb.version + 1,
        },
      );
      if (!call.outcome)
        await m.update(Call, { id: callId }, { outcome: 'callback_done', updatedAt: now, version: call.version + 1 });
      await writeAudit(m, {
        actorId: user.id,
        entityType: 'callback',
        entityId: id,
        action: 'closed',
        from: 'open',
        to: 'done',
        data: { callId },
        at: now,
      });
      return m.findOneByOrFail(Callback, { id });
    });
    const view = this.view(saved);
    this.realtime.callback(view);
    return view;
  }

  async attempts(id: string): Promise<CallbackAttemptView[]> {
    if (!(await dbManager(this.db).getRepository(Callback).countBy({ id }))) throw new NotFoundError('Callback', id);
    const rows = await dbManager(this.db)
      .getRepository(CallbackAttempt)
      .find({ where: { callbackId: id }, order: { at: 'ASC' } });
    return rows.map((a) => ({ ...a, at: a.at.toISOString() }));
  }
}
