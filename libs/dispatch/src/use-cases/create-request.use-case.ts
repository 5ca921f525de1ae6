import { Injectable } from '@nestjs/common';
import { type BcciRequestView, vnLocalDate } from '@hotline/contracts';
import type { AuditInput, AuthUser } from '@hotline/core';
import { CitizensService, requirePhone } from '@hotline/calls';
import type { BcciLeg } from '../bcci-leg.entity';
import type { BcciRequest } from '../bcci-request.entity';
import { DispatchKit } from '../dispatch-kit';
import type { CreateBcciRequestDto } from '../dispatch.dto';
import { enqueue, overdueJob, routeJob } from '../leg-effects';
import { NewLegs } from '../new-legs';
import { CodeSequenceRepository } from '../repositories/code-sequence.repository';
import { LEG_ENTITY, LEG_STATE_CHANGED } from '../repositories/leg-history.repository';
import { requestView } from '../views';

/**
 * A BCCI request: validated, priced (frozen on the legs), committed with its legs in `routing`, their history rows, the
 * request's audit row and, through the outbox, each leg's routing job and overdue timer (one Redis round trip after the
 * commit; the request is written whatever Redis says, and the relay's poller or the reconciler arms what it missed).
 * Nothing is re-read: the answer is built from what was written.
 */
@Injectable()
export class CreateBcciRequest {
  constructor(
    private readonly kit: DispatchKit,
    private readonly newLegs: NewLegs,
    private readonly citizens: CitizensService,
    private readonly codes: CodeSequenceRepository,
  ) {}

  async execute(dto: CreateBcciRequestDto, actor: AuthUser): Promise<BcciRequestView> {
    const { uow, clock, records } = this.kit;
    const now = clock.now();
    const phone = requirePhone(dto.phone, 'phone');
    const legs = await this.newLegs.build(dto, now);
    // The code first, on its own statement and awaited: the counter row is locked for one statement, not for the whole
    // creation, and the request never holds two pool connections at once. A rolled-back creation leaves a gap in the
    // sequence, which is fine: codes are unique, not gapless.
    const code = await this.nextCode(now);
    const request = await uow.run(async (tx) => {
      const citizenId = await this.citizens.idForPhone(phone, { fullName: dto.contactName ?? null }, actor.id);
      const row = requestRow({ dto, id: legs[0].requestId, code, citizenId, phone, legs, actor, now });
      await records.requests.insert(row);
      await records.legs.insertMany(legs);
      await tx.history(historyRows(row, legs, now));
      const ref = { requestCode: code, createdById: actor.id };
      for (const leg of legs) {
        enqueue(tx, routeJob(leg, ref));
        enqueue(tx, overdueJob(leg));
      }
      return row;
    });
    return requestView(request, { legs, now });
  }

  /** BC-YYMMDD-NNNNNN: the Vietnam local date and the day's counter. */
  private async nextCode(now: Date): Promise<string> {
    const day = vnLocalDate(now).slice(2).replace(/-/g, '');
    return `BC-${day}-${String(await this.codes.next(day)).padStart(6, '0')}`;
  }
}

interface RequestRowInput {
  dto: CreateBcciRequestDto;
  id: string;
  code: string;
  citizenId: string;
  phone: string;
  legs: BcciLeg[];
  actor: AuthUser;
  now: Date;
}

function requestRow({ dto, id, code, citizenId, phone, legs, actor, now }: RequestRowInput): BcciRequest {
  const remote = legs.some((l) => l.remoteArea);
  return {
    id,
    code,
    option: dto.option,
    dossierCode: dto.dossierCode,
    procedureName: dto.procedureName,
    field: dto.field,
    agency: dto.agency,
    serviceLevel: dto.serviceLevel,
    citizenId,
    citizenPhone: phone,
    contactName: dto.contactName ?? null,
    callId: dto.callId ?? null,
    feeOnBehalf: dto.feeOnBehalf ?? 0,
    notes: dto.notes ?? null,
    priority: remote ? 'high' : 'normal',
    remoteArea: remote,
    createdById: actor.id,
    createdAt: now,
  };
}

/** Each leg's first history row and the request's audit row: one multi-row INSERT into audit_log. */
function historyRows(r: BcciRequest, legs: BcciLeg[], at: Date): AuditInput[] {
  return [
    ...legs.map((l) => ({
      actorId: r.createdById,
      entityType: LEG_ENTITY,
      entityId: l.id,
      action: LEG_STATE_CHANGED,
      from: null,
      to: 'routing',
      reason: 'request created',
      at,
    })),
    {
      actorId: r.createdById,
      entityType: 'bcci_request',
      entityId: r.id,
      action: 'created',
      to: 'routing',
      data: { code: r.code, option: r.option },
      at,
    },
  ];
}
