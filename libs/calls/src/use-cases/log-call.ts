import { Injectable } from '@nestjs/common';
import type { CallView } from '@hotline/contracts';
import { isWithheldCaller } from '@hotline/contracts';
import { AuthUser, Clock, UnitOfWork, uuidv7, ValidationError } from '@hotline/core';
import type { Call } from '../call.entity';
import { CallLinks } from '../call-links';
import type { CreateCallDto } from '../calls.dto';
import { CallsEvents } from '../calls-events';
import { derivedSeconds } from '../cti/cti-logic';
import { requirePhone } from '../phone-input';
import { CallsRepository } from '../repositories/calls.repository';
import { toCallView } from '../views';

const PHONE_CHANNELS = new Set(['phone', 'sms', 'zalo']);
/** A clock a little ahead of ours is tolerated; a start further in the future is a typing error. */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

interface CallTimes {
  startedAt: Date;
  answeredAt: Date | null;
  endedAt: Date | null;
}

/** Pure: the times of a hand-logged contact, checked (400 naming the field). */
export function handLoggedTimes(dto: CreateCallDto, nowMs: number): CallTimes {
  const startedAt = new Date(dto.startedAt);
  const given = dto.answeredAt ? new Date(dto.answeredAt) : null;
  const endedAt = dto.endedAt ? new Date(dto.endedAt) : null;
  if (given && given < startedAt)
    throw new ValidationError('answeredAt must not be before startedAt', {
      field: 'answeredAt',
      constraint: 'dateOrder',
    });
  if (endedAt && endedAt < (given ?? startedAt))
    throw new ValidationError('endedAt must not be before answeredAt/startedAt', {
      field: 'endedAt',
      constraint: 'dateOrder',
    });
  if (startedAt.getTime() > nowMs + FUTURE_TOLERANCE_MS)
    throw new ValidationError('startedAt must not be in the future', { field: 'startedAt', constraint: 'notInFuture' });
  // A hand-logged contact was answered when it started unless it says it was missed.
  const unanswered = dto.outcome === 'missed' || dto.outcome === 'abandoned';
  return { startedAt, answeredAt: given ?? (unanswered ? null : startedAt), endedAt };
}

/** Pure: the E.164 number of a hand-logged contact, or null when withheld or not a phone channel. */
export function handLoggedPhone(dto: CreateCallDto): { phone: string | null; withheld: boolean } {
  const withheld = dto.withheld === true || (dto.phone !== undefined && isWithheldCaller(dto.phone));
  const phone = dto.phone !== undefined && !withheld ? requirePhone(dto.phone) : null;
  if (!phone && !withheld && PHONE_CHANNELS.has(dto.channel))
    throw new ValidationError(`phone: required for channel ${dto.channel} (or withheld: true)`, {
      field: 'phone',
      constraint: 'isNotEmpty',
    });
  return { phone, withheld };
}

/** A contact logged by hand (no PBX, email, walk-in...): it belongs to the operator who logs it. */
@Injectable()
export class LogCall {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly calls: CallsRepository,
    private readonly links: CallLinks,
    private readonly clock: Clock,
  ) {}

  async execute(dto: CreateCallDto, user: AuthUser): Promise<CallView> {
    const times = handLoggedTimes(dto, this.clock.nowMs());
    const { phone, withheld } = handLoggedPhone(dto);
    return this.uow.run(async (tx) => {
      await this.links.checkTopic(dto.topicId);
      const citizenId = await this.links.citizenFor(dto.citizenId, phone);
      const row = this.newCall(dto, { ...times, phone, withheld, citizenId, operatorId: user.id });
      await this.calls.insert(row);
      await tx.history({ actorId: user.id, entityType: 'call', entityId: row.id, action: 'logged' });
      const view = toCallView(row);
      CallsEvents.call(tx, view);
      return view;
    });
  }

  private newCall(
    dto: CreateCallDto,
    known: CallTimes & Pick<Call, 'phone' | 'withheld' | 'citizenId' | 'operatorId'>,
  ): Call {
    const now = this.clock.now();
    return {
      id: uuidv7(),
      direction: dto.direction,
      channel: dto.channel,
      state: known.endedAt || !known.answeredAt ? 'ended' : 'answered',
      ...known,
      line: null,
      queue: dto.queue ?? null,
      extension: null,
      pbx: null,
      externalId: null,
      ...derivedSeconds(known),
      topicId: dto.topicId ?? null,
      notes: dto.notes ?? null,
      outcome: dto.outcome ?? null,
      hangupCause: null,
      requestId: dto.requestId ?? null,
      ticketId: dto.ticketId ?? null,
      createdBy: known.operatorId,
      createdAt: now,
      updatedAt: now,
      version: 1,
    };
  }
}
