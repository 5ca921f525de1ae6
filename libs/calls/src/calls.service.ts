import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { CallTopicView, CallView, Page } from '@hotline/contracts';
import { isWithheldCaller } from '@hotline/contracts';
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
  stripUndefined,
} from '@hotline/core';
import { CallTopic } from './call-topic.entity';
import { Call } from './call.entity';
import type { CreateCallDto, ListCallsQuery, TopicDto, UpdateCallDto, UpdateTopicDto } from './calls.dto';
import { CallsRealtime } from './calls-realtime';
import { CitizenPhone } from './citizen-phone.entity';
import { Citizen } from './citizen.entity';
import { requirePhone } from './citizens.service';
import { derivedSeconds } from './cti-logic';

export function toCallView(c: Call): CallView {
  return {
    id: c.id,
    direction: c.direction,
    channel: c.channel,
    state: c.state,
    phone: c.phone,
    withheld: !!c.withheld,
    line: c.line,
    queue: c.queue,
    citizenId: c.citizenId,
    operatorId: c.operatorId,
    extension: c.extension,
    pbx: c.pbx,
    externalId: c.externalId,
    startedAt: c.startedAt.toISOString(),
    answeredAt: c.answeredAt?.toISOString() ?? null,
    endedAt: c.endedAt?.toISOString() ?? null,
    waitSeconds: c.waitSeconds,
    talkSeconds: c.talkSeconds,
    topicId: c.topicId,
    notes: c.notes,
    outcome: c.outcome,
    hangupCause: c.hangupCause,
    requestId: c.requestId,
    ticketId: c.ticketId,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
    version: c.version,
  };
}

const toTopicView = (t: CallTopic): CallTopicView => ({
  id: t.id,
  code: t.code,
  name: t.name,
  active: !!t.active,
  sortOrder: t.sortOrder,
});

/** Keyset cursor over the list's sort (started_at desc, id desc). */
export function encodeCursor(c: { startedAt: Date; id: string }): string {
  return Buffer.from(`${c.startedAt.toISOString()}|${c.id}`, 'utf8').toString('base64url');
}
export function decodeCursor(cursor: string): { startedAt: Date; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const startedAt = new Date(at);
  if (!id || !/^[0-9a-f-]{36}$/i.test(id) || Number.isNaN(startedAt.getTime()))
    throw new ValidationError('cursor: not a cursor returned by this list', { field: 'cursor' });
  return { startedAt, id };
}

const PHONE_CHANNELS = new Set(['phone', 'sms', 'zalo']);

/** The call log: hand-logged contacts and PBX calls, topics, lists for operators and supervisors. */
@Injectable()
export class CallsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly realtime: CallsRealtime,
  ) {}

  // ---- topics

  async topics(includeInactive = false): Promise<CallTopicView[]> {
    const rows = await dbManager(this.db)
      .getRepository(CallTopic)
      .find({ where: includeInactive ? {} : { active: true }, order: { sortOrder: 'ASC', name: 'ASC' } });
    return rows.map(toTopicView);
  }

  async createTopic(dto: TopicDto, actorId: string): Promise<CallTopicView> {
    const now = this.clock.now();
    const topic = {
      id: uuidv7(),
      code: dto.code,
      name: dto.name,
      active: true,
      sortOrder: dto.sortOrder ?? 1000,
      createdAt: now,
      updatedAt: now,
    };
    await this.db.transaction(async (m) => {
      if (await m.countBy(CallTopic, { code: dto.code }))
        throw new ConflictError(`topic code ${dto.code} already exists`, 'CONFLICT', { field: 'code' });
      await m.insert(CallTopic, topic);
      await writeAudit(m, { actorId, entityType: 'call_topic', entityId: topic.id, action: 'created', at: now });
    });
    return toTopicView(topic as CallTopic);
  }

  async updateTopic(id: string, dto: UpdateTopicDto, actorId: string): Promise<CallTopicView> {
    const repo = dbManager(this.db).getRepository(CallTopic);
    if (!(await repo.findOneBy({ id }))) throw new NotFoundError('Topic', id);
    await this.db.transaction(async (m) => {
      const changes = stripUndefined(dto);
      await m.update(CallTopic, { id }, { ...changes, updatedAt: this.clock.now() });
      await writeAudit(m, { actorId, entityType: 'call_topic', entityId: id, action: 'updated', data: { ...changes } });
    });
    return toTopicView(await repo.findOneByOrFail({ id }));
  }

  private async checkTopic(m: EntityManager, topicId: string | undefined): Promise<void> {
    if (topicId && !(await m.countBy(CallTopic, { id: topicId, active: true }))) {
      throw new ValidationError(`topicId: unknown or inactive topic ${topicId}`, {
        field: 'topicId',
        constraint: 'exists',
      });
    }
  }

  // ---- calls

  async get(id: string, user: AuthUser): Promise<CallView> {
    const call = await dbManager(this.db).getRepository(Call).findOneBy({ id });
    if (!call) throw new NotFoundError('Call', id);
    if (user.role === 'operator' && call.operatorId !== user.id && call.operatorId !== null) {
      // Operators see the calls they handled and unassigned ones (queue); supervisors see all.
      throw new ForbiddenError('This call was handled by another operator');
    }
    return toCallView(call);
  }

  /** A contact logged by hand (no PBX, email, walk-in...): it belongs to the operator who logs it. */
  async create(dto: CreateCallDto, user: AuthUser): Promise<CallView> {
    const startedAt = new Date(dto.startedAt);
    const answeredAt = dto.answeredAt ? new Date(dto.answeredAt) : null;
    const endedAt = dto.endedAt ? new Date(dto.endedAt) : null;
    if (answeredAt && answeredAt < startedAt)
      throw new ValidationError('answeredAt must not be before startedAt', {
        field: 'answeredAt',
        constraint: 'dateOrder',
      });
    if (endedAt && endedAt < (answeredAt ?? startedAt))
      throw new ValidationError('endedAt must not be before answeredAt/startedAt', {
        field: 'endedAt',
        constraint: 'dateOrder',
      });
    if (startedAt.getTime() > this.clock.nowMs() + 5 * 60_000)
      throw new ValidationError('startedAt must not be in the future', {
        field: 'startedAt',
        constraint: 'notInFuture',
      });
    const withheld = dto.withheld === true || (dto.phone !== undefined && isWithheldCaller(dto.phone));
    const phone = dto.phone !== undefined && !withheld ? requirePhone(dto.phone) : null;
    if (!phone && !withheld && PHONE_CHANNELS.has(dto.channel))
      throw new ValidationError(`phone: required for channel ${dto.channel} (or withheld: true)`, {
        field: 'phone',
        constraint: 'isNotEmpty',
      });
    const now = this.clock.now();
    // A hand-logged contact was answered when it started unless it says it was missed.
    const unanswered = dto.outcome === 'missed' || dto.outcome === 'abandoned';
    const answered = answeredAt ?? (unanswered ? null : startedAt);
    const call = await this.db.transaction(async (m) => {
      await this.checkTopic(m, dto.topicId);
      let citizenId = dto.citizenId ?? null;
      if (citizenId && !(await m.countBy(Citizen, { id: citizenId })))
        throw new ValidationError(`citizenId: unknown citizen ${citizenId}`, {
          field: 'citizenId',
          constraint: 'exists',
        });
      if (!citizenId && phone) citizenId = (await m.findOneBy(CitizenPhone, { phone }))?.citizenId ?? null;
      const row: Call = {
        id: uuidv7(),
        direction: dto.direction,
        channel: dto.channel,
        state: endedAt || !answered ? 'ended' : 'answered',
        phone,
        withheld,
        line: null,
        queue: dto.queue ?? null,
        citizenId,
        operatorId: user.id,
        extension: null,
        pbx: null,
        externalId: null,
        startedAt,
        answeredAt: answered,
        endedAt,
        ...derivedSeconds({ startedAt, answeredAt: answered, endedAt }),
        topicId: dto.topicId ?? null,
        notes: dto.notes ?? null,
        outcome: dto.outcome ?? null,
        hangupCause: null,
        requestId: dto.requestId ?? null,
        ticketId: dto.ticketId ?? null,
        createdBy: user.id,
        createdAt: now,
        updatedAt: now,
        version: 1,
      };
      await m.insert(Call, row);
      await writeAudit(m, { actorId: user.id, entityType: 'call', entityId: row.id, action: 'logged', at: now });
      return row;
    });
    const view = toCallView(call);
    this.realtime.call(view);
    return view;
  }

  /** Operators update their own calls (topic, notes, outcome, links); supervisors any call. */
  async update(id: string, dto: UpdateCallDto, user: AuthUser): Promise<CallView> {
    const saved = await this.db.transaction(async (m) => {
      const call = await m.findOne(Call, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!call) throw new NotFoundError('Call', id);
      if (user.role === 'operator' && call.operatorId !== user.id)
        throw new ForbiddenError('Operators can only update their own calls');
      if (dto.version !== undefined && dto.version !== call.version)
        throw new ConflictError(
          `call ${id} was changed by someone else (version ${call.version}, you sent ${dto.version})`,
        );
      await this.checkTopic(m, dto.topicId);
      if (dto.citizenId && !(await m.countBy(Citizen, { id: dto.citizenId })))
        throw new ValidationError(`citizenId: unknown citizen ${dto.citizenId}`, {
          field: 'citizenId',
          constraint: 'exists',
        });
      const changes: Partial<Call> = {};
      for (const key of ['citizenId', 'topicId', 'notes', 'outcome', 'requestId', 'ticketId'] as const) {
        if (dto[key] !== undefined) (changes as Record<string, unknown>)[key] = dto[key];
      }
      if (dto.endedAt !== undefined) {
        if (call.pbx) throw new ValidationError('endedAt: the PBX sets the times of its calls', { field: 'endedAt' });
        const endedAt = new Date(dto.endedAt);
        if (endedAt < (call.answeredAt ?? call.startedAt))
          throw new ValidationError('endedAt must not be before the start/answer', {
            field: 'endedAt',
            constraint: 'dateOrder',
          });
        Object.assign(changes, {
          endedAt,
          state: 'ended',
          ...derivedSeconds({ startedAt: call.startedAt, answeredAt: call.answeredAt, endedAt }),
        });
      }
      if (!Object.keys(changes).length) return call;
      const now = this.clock.now();
      const res = await m.update(
        Call,
        { id, version: call.version },
        { ...changes, updatedAt: now, version: call.version + 1 },
      );
      if (!res.affected) throw new ConflictError(`call ${id} was changed concurrently`);
      await writeAudit(m, {
        actorId: user.id,
        entityType: 'call',
        entityId: id,
        action: 'updated',
        from: call.outcome,
        to: changes.outcome ?? call.outcome,
        data: { fields: Object.keys(changes) },
        at: now,
      });
      return m.findOneByOrFail(Call, { id });
    });
    const view = toCallView(saved);
    this.realtime.call(view);
    return view;
  }

  /**
   * Keyset pagination over (started_at desc, id desc). Each equality filter has an index ending in (started_at, id),
   * so the database walks one index range in order and stops after `limit` rows whatever the table size.
   */
  async list(q: ListCallsQuery, user: AuthUser): Promise<Page<CallView>> {
    const limit = q.limit ?? 50;
    let operatorId = q.operatorId;
    if (user.role === 'operator') {
      if (operatorId && operatorId !== user.id) throw new ForbiddenError('Operators list their own calls only');
      operatorId = user.id;
    }
    const qb = dbManager(this.db).getRepository(Call).createQueryBuilder('c');
    if (operatorId) qb.andWhere('c.operator_id = :operatorId', { operatorId });
    if (q.outcome) qb.andWhere('c.outcome = :outcome', { outcome: q.outcome });
    if (q.topicId) qb.andWhere('c.topic_id = :topicId', { topicId: q.topicId });
    if (q.citizenId) qb.andWhere('c.citizen_id = :citizenId', { citizenId: q.citizenId });
    if (q.phone) qb.andWhere('c.phone = :phone', { phone: requirePhone(q.phone) });
    if (q.direction) qb.andWhere('c.direction = :direction', { direction: q.direction });
    if (q.channel) qb.andWhere('c.channel = :channel', { channel: q.channel });
    if (q.from) qb.andWhere('c.started_at >= :from', { from: new Date(q.from) });
    if (q.to) qb.andWhere('c.started_at < :to', { to: new Date(q.to) });
    if (q.cursor) {
      const c = decodeCursor(q.cursor);
      // Written so that the optimizer sees a plain range on started_at (a row-constructor or OR would hide it).
      qb.andWhere('c.started_at <= :cAt AND (c.started_at < :cAt OR c.id < :cId)', { cAt: c.startedAt, cId: c.id });
    }
    const rows = await qb
      .orderBy('c.started_at', 'DESC')
      .addOrderBy('c.id', 'DESC')
      .limit(limit + 1)
      .getMany();
    const items = rows.slice(0, limit);
    return {
      items: items.map(toCallView),
      nextCursor: rows.length > limit ? encodeCursor(items[items.length - 1]) : null,
    };
  }
}
