import { Injectable } from '@nestjs/common';
import type { CallView } from '@hotline/contracts';
import { CALL_MACHINE } from '@hotline/contracts';
import {
  assertTransition,
  AuthUser,
  Clock,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  type Tx,
  UnitOfWork,
  ValidationError,
} from '@hotline/core';
import type { Call } from '../call.entity';
import { CallLinks } from '../call-links';
import type { UpdateCallDto } from '../calls.dto';
import { CallsEvents } from '../calls-events';
import { derivedSeconds } from '../cti/cti-logic';
import { CallsRepository } from '../repositories/calls.repository';
import { toCallView } from '../views';

const EDITABLE = ['citizenId', 'topicId', 'notes', 'outcome', 'requestId', 'ticketId'] as const;

/** Pure: the changes a PATCH asks for (absent fields untouched); `endedAt` ends a hand-logged call. */
export function callChanges(call: Call, dto: UpdateCallDto): Partial<Call> {
  const changes: Record<string, unknown> = {};
  for (const key of EDITABLE) if (dto[key] !== undefined) changes[key] = dto[key];
  if (dto.endedAt === undefined) return changes as Partial<Call>;
  if (call.pbx) throw new ValidationError('endedAt: the PBX sets the times of its calls', { field: 'endedAt' });
  const endedAt = new Date(dto.endedAt);
  if (endedAt < (call.answeredAt ?? call.startedAt))
    throw new ValidationError('endedAt must not be before the start/answer', {
      field: 'endedAt',
      constraint: 'dateOrder',
    });
  if (call.state !== 'ended') assertTransition(CALL_MACHINE, call.state, 'ended');
  return {
    ...changes,
    endedAt,
    state: 'ended',
    ...derivedSeconds({ startedAt: call.startedAt, answeredAt: call.answeredAt, endedAt }),
  };
}

/** Operators update their own calls (topic, notes, outcome, links); supervisors any call. Optimistic on `version`. */
@Injectable()
export class UpdateCall {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly calls: CallsRepository,
    private readonly links: CallLinks,
    private readonly clock: Clock,
  ) {}

  async execute(id: string, dto: UpdateCallDto, user: AuthUser): Promise<CallView> {
    return this.uow.run(async (tx) => {
      const call = await this.calls.lockById(id);
      if (!call) throw new NotFoundError('Call', id);
      if (user.role === 'operator' && call.operatorId !== user.id)
        throw new ForbiddenError('Operators can only update their own calls');
      if (dto.version !== undefined && dto.version !== call.version)
        throw new ConflictError(
          `call ${id} was changed by someone else (version ${call.version}, you sent ${dto.version})`,
        );
      await this.links.checkTopic(dto.topicId);
      await this.links.checkCitizen(dto.citizenId);
      const changes = callChanges(call, dto);
      const view = toCallView(Object.keys(changes).length ? await this.save(tx, call, changes, user.id) : call);
      CallsEvents.call(tx, view);
      return view;
    });
  }

  private async save(tx: Tx, call: Call, changes: Partial<Call>, actorId: string): Promise<Call> {
    if (!(await this.calls.updateIfVersion(call.id, call.version, { ...changes, updatedAt: this.clock.now() })))
      throw new ConflictError(`call ${call.id} was changed concurrently`);
    await tx.history({
      actorId,
      entityType: 'call',
      entityId: call.id,
      action: 'updated',
      from: call.outcome,
      to: changes.outcome ?? call.outcome,
      data: { fields: Object.keys(changes) },
    });
    return (await this.calls.findById(call.id))!;
  }
}
