import { Injectable } from '@nestjs/common';
import { raisePriority, type CitizenView, type TicketView } from '@hotline/contracts';
import { CitizensService } from '@hotline/calls';
import { type AuthUser, Clock, type Tx, UnitOfWork, uuidv7, ValidationError } from '@hotline/core';
import { CalendarsService } from '@hotline/calendar';
import { AdministrativeUnitsService } from '@hotline/geo';
import type { CreateTicketDto } from '../dto/feedback.dto';
import { Ticket } from '../entities/ticket.entity';
import { choosePolicy } from '../policy-match';
import { TicketViews } from '../queries/ticket-views';
import { TicketDetailsRepository } from '../repositories/ticket-details.repository';
import { TicketsRepository } from '../repositories/tickets.repository';
import { FeedbackReferenceService } from '../services/reference.service';
import { clockColumns, initialClocks } from '../ticket-sla';
import { applyPolicy, clockData, isRealDate, targetsOf, ticketCode } from '../ticket-rules';
import { Assignees } from './assignees';
import { emitTicketChanged, recordTimers } from './ticket-effects';

/**
 * Intake: the citizen found or created by phone, the priority raised for a remote-area commune, the SLA policy chosen and
 * its clocks started, the overdue-dossier facts — one unit of work with the history row, the timers and the event.
 */
@Injectable()
export class CreateTicket {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly tickets: TicketsRepository,
    private readonly details: TicketDetailsRepository,
    private readonly refs: FeedbackReferenceService,
    private readonly citizens: CitizensService,
    private readonly units: AdministrativeUnitsService,
    private readonly calendars: CalendarsService,
    private readonly assignees: Assignees,
    private readonly views: TicketViews,
  ) {}

  async execute(dto: CreateTicketDto, actor: AuthUser): Promise<TicketView> {
    await this.check(dto);
    return this.uow.run(async (tx) => {
      const now = this.clock.now();
      const citizen = await this.citizens.findOrCreateByPhone(
        dto.phone,
        { fullName: dto.citizenName ?? null },
        actor.id,
      );
      const { ticket: t, remote } = await this.build(dto, { citizen, actorId: actor.id, now });
      await this.startSla(t, now);
      await this.tickets.insert(t);
      if (dto.overdue)
        await this.details.insertOverdue({
          ticketId: t.id,
          ...dto.overdue,
          apologyReason: null,
          apologySlipDate: null,
          newDueDate: null,
          newDateSetAt: null,
          newDateSetBy: null,
        });
      await this.record(tx, t, remote, actor.id);
      const view = await this.views.one(t, citizen);
      emitTicketChanged(tx, view, 'created');
      return view;
    });
  }

  /** Everything that can be refused is checked before the first write. */
  private async check(dto: CreateTicketDto): Promise<void> {
    if (dto.kind === 'overdue_dossier' && !dto.overdue)
      throw new ValidationError('overdue: required for kind overdue_dossier (agencyId, dossierCode, originalDueDate)', {
        field: 'overdue',
        constraint: 'isNotEmpty',
      });
    if (dto.kind !== 'overdue_dossier' && dto.overdue)
      throw new ValidationError('overdue: only for kind overdue_dossier', { field: 'overdue' });
    if (dto.categoryId) await this.refs.categoryOrBadRequest(dto.categoryId);
    if (dto.overdue) {
      await this.refs.agencyOrBadRequest(dto.overdue.agencyId, 'overdue.agencyId');
      if (!isRealDate(dto.overdue.originalDueDate))
        throw new ValidationError('overdue.originalDueDate: not a calendar date', {
          field: 'overdue.originalDueDate',
          constraint: 'isDate',
        });
    }
    if (dto.communeCode && !(await this.units.find(dto.communeCode)))
      throw new ValidationError(`communeCode: unknown commune code "${dto.communeCode}"`, {
        field: 'communeCode',
        constraint: 'exists',
      });
    if (dto.assigneeId) await this.assignees.check(dto.assigneeId);
  }

  private async build(
    dto: CreateTicketDto,
    o: { citizen: CitizenView; actorId: string; now: Date },
  ): Promise<{ ticket: Ticket; remote: boolean }> {
    const communeCode = dto.communeCode ?? o.citizen.communeCode ?? null;
    const remote = communeCode ? !!(await this.units.find(communeCode))?.remoteArea : false;
    const requested = dto.priority ?? 'normal';
    const raise = remote && dto.raiseForRemoteArea !== false;
    const ticket = newTicket(dto, { ...o, communeCode });
    ticket.priority = raise ? raisePriority(requested) : requested;
    ticket.priorityRaisedForRemoteArea = raise && raisePriority(requested) !== requested;
    return { ticket, remote };
  }

  /** The most specific active policy, its terms kept on the ticket, its clocks started at receipt. */
  private async startSla(t: Ticket, now: Date): Promise<void> {
    const policy = choosePolicy(await this.refs.activePolicies(), t);
    if (policy) {
      applyPolicy(t, policy);
      const cal = await this.calendars.calendar(policy.calendarId);
      t.slaClocks = initialClocks(cal, targetsOf(policy), now, t.warnPercent);
    }
    Object.assign(t, clockColumns(t.slaClocks));
  }

  private async record(tx: Tx, t: Ticket, remote: boolean, actorId: string): Promise<void> {
    await tx.history({
      actorId,
      entityType: 'ticket',
      entityId: t.id,
      action: 'created',
      to: t.status,
      at: t.receivedAt,
      data: {
        kind: t.kind,
        channel: t.channel,
        priority: t.priority,
        remoteArea: remote,
        policyId: t.policyId,
        ...clockData(t),
      },
    });
    recordTimers(tx, t);
  }
}

function newTicket(
  dto: CreateTicketDto,
  o: { citizen: CitizenView; actorId: string; now: Date; communeCode: string | null },
): Ticket {
  const { now } = o;
  return {
    id: uuidv7(),
    code: ticketCode(now),
    kind: dto.kind,
    channel: dto.channel,
    status: dto.assigneeId ? 'open' : 'new',
    priority: dto.priority ?? 'normal',
    priorityRaisedForRemoteArea: false,
    queue: 'operators',
    citizenId: o.citizen.id,
    callId: dto.callId ?? null,
    subject: dto.subject,
    content: dto.content,
    categoryId: dto.categoryId ?? null,
    communeCode: o.communeCode,
    dossierCode: dto.overdue?.dossierCode ?? dto.dossierCode ?? null,
    bcciRequestId: dto.bcciRequestId ?? null,
    assigneeId: dto.assigneeId ?? null,
    attachments: (dto.attachments ?? []).map((a) => ({ ...a })),
    ...noSla(),
    receivedAt: now,
    firstResponseAt: null,
    firstForwardedAt: null,
    resolvedAt: null,
    closedAt: null,
    csatScore: null,
    csatComment: null,
    csatAt: null,
    createdBy: o.actorId,
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
}

/** A ticket no policy matched: no clocks (kept so that a later edit of kind, category or priority may choose one). */
function noSla(): Pick<
  Ticket,
  | 'policyId'
  | 'calendarId'
  | 'warnPercent'
  | 'pauseWhenForwarded'
  | 'escalation'
  | 'slaClocks'
  | 'slaVersion'
  | keyof ReturnType<typeof clockColumns>
> {
  return {
    policyId: null,
    calendarId: null,
    warnPercent: 75,
    pauseWhenForwarded: false,
    escalation: 'none',
    slaClocks: { firstResponse: null, resolution: null, forward: null },
    slaVersion: 1,
    ...clockColumns({ firstResponse: null, resolution: null, forward: null }),
  };
}
