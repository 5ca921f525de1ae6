import { Injectable } from '@nestjs/common';
import { CALL_MACHINE } from '@hotline/contracts';
import { assertTransition, Clock, UnitOfWork, uuidv7, type Tx } from '@hotline/core';
import type { Call } from '../call.entity';
import { CallsEvents } from '../calls-events';
import type { PbxToken } from '../pbx-token.entity';
import { CallsRepository, type LockedPbxCall } from '../repositories/calls.repository';
import { toCallView } from '../views';
import { CtiFollowUps } from './cti-follow-ups';
import { applyCtiEvent, type CtiCallState, type CtiDecision, type CtiEvent, initialCallState } from './cti-logic';
import type { ResolvedCtiEvent } from './cti-event-resolver';

export interface RecordCtiEventInput {
  pbx: PbxToken;
  event: CtiEvent;
  resolved: ResolvedCtiEvent;
  abandonAfterSeconds: number;
}

export interface RecordedCtiEvent {
  saved: Call;
  created: boolean;
  /** False for a duplicate: nothing written, nothing emitted. */
  changed: boolean;
  decision: CtiDecision;
}

/**
 * Pure: the numbers and citizen a first event may not have carried (e.g. a bare hangup), filled from a later one;
 * `numberCitizenId` is the citizen of the event's number.
 */
export function missingFields(call: Call, r: ResolvedCtiEvent, numberCitizenId: string | null): Partial<Call> {
  const fill: Partial<Call> = {};
  if (!call.phone && r.phone) fill.phone = r.phone;
  if (!call.line && r.line) fill.line = r.line;
  if (!call.citizenId && r.phone && numberCitizenId) fill.citizenId = numberCitizenId;
  return fill;
}

/**
 * One PBX event in one unit of work, idempotent and order-tolerant: the row is created by whichever event of a call comes
 * first (unique (pbx, external_id)), then locked and advanced by the pure `applyCtiEvent`; the follow-ups (operator status,
 * callback) and the `call:updated` event are recorded with it. A duplicate changes nothing and emits nothing.
 * Two round trips for an event without follow-ups: `START TRANSACTION; upsert; locked read; the number's citizen`, then
 * the change, its history and outbox rows with the COMMIT (deferred writes).
 */
@Injectable()
export class RecordCtiEvent {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly calls: CallsRepository,
    private readonly followUps: CtiFollowUps,
    private readonly clock: Clock,
  ) {}

  execute(input: RecordCtiEventInput): Promise<RecordedCtiEvent> {
    return this.uow.run(async (tx) => {
      const newId = uuidv7();
      const locked = await this.lockCall(input, newId);
      return this.advance(tx, input, locked, locked.call.id === newId);
    });
  }

  private lockCall(input: RecordCtiEventInput, newId: string): Promise<LockedPbxCall> {
    const { event: e, resolved: r } = input;
    const init = initialCallState(e);
    return this.calls.upsertAndLockPbxCall({
      id: newId,
      direction: init.direction,
      phone: r.phone,
      withheld: r.withheld,
      line: r.line,
      queue: init.queue?.slice(0, 60) ?? null,
      pbx: input.pbx.name,
      externalId: e.callId,
      startedAt: init.startedAt,
      at: this.clock.now(),
    });
  }

  private async advance(
    tx: Tx,
    input: RecordCtiEventInput,
    { call, numberCitizenId }: LockedPbxCall,
    created: boolean,
  ): Promise<RecordedCtiEvent> {
    const { event: e, resolved: r } = input;
    const decision = applyCtiEvent(call as CtiCallState, e, r.answering?.id ?? null, input.abandonAfterSeconds);
    const changes: Partial<Call> = { ...decision.changes, ...missingFields(call, r, numberCitizenId) };
    const changed = created || Object.keys(changes).length > 0;
    let saved = call;
    if (Object.keys(changes).length) {
      if (changes.state && changes.state !== call.state) assertTransition(CALL_MACHINE, call.state, changes.state);
      const updatedAt = this.clock.now();
      await this.calls.update(call.id, { ...changes, updatedAt, version: call.version + 1 });
      saved = { ...call, ...changes, updatedAt, version: call.version + 1 };
    }
    await this.followUps.apply(tx, { before: call, saved, decision });
    if (changed) {
      await tx.history({
        actorId: null,
        entityType: 'call',
        entityId: saved.id,
        action: `cti:${e.type}`,
        from: call.state,
        to: saved.state,
        data: { pbx: input.pbx.name, cause: e.cause },
      });
      CallsEvents.call(tx, toCallView(saved));
    }
    return { saved, created, changed, decision };
  }
}
