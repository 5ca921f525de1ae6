import { randomInt } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import type {
  PublicTicketView,
  TicketDetailView,
  TicketHistoryEntry,
  TicketStatus,
  TicketView,
} from '@hotline/contracts';
import { CitizensService } from '@hotline/calls';
import {
  AuditLogEntry,
  AuthUser,
  Clock,
  ConflictError,
  dbManager,
  ForbiddenError,
  NotFoundError,
  RealtimeEmitter,
  uuidv7,
  ValidationError,
  writeAudit,
  stripUndefined,
} from '@hotline/core';
import { AdministrativeUnitsService } from '@hotline/geo';
import { UsersService } from '@hotline/identity';
import { CalendarsService } from '@hotline/calendar';
import type { WorkingCalendar } from '@hotline/calendar';
import { pauseClock } from '../sla/sla-clock';
import type { SlaPolicyRecomputeJob } from '../feedback.jobs';
import type {
  AgencyAnswerDto,
  ApologySlipDto,
  AssignDto,
  CreateTicketDto,
  CsatDto,
  ForwardDto,
  ListTicketsQuery,
  MessageDto,
  ReplyDto,
  TransitionDto,
  UpdateTicketDto,
} from '../dto/feedback.dto';
import { OverdueDossier } from '../entities/overdue-dossier.entity';
import { SlaPolicy } from '../entities/reference.entities';
import { TicketForward } from '../entities/ticket-forward.entity';
import { TicketMessage } from '../entities/ticket-message.entity';
import { Ticket, TicketClocks } from '../entities/ticket.entity';
import { choosePolicy } from '../policy-match';
import { clockColumns, initialClocks, minutesToMs, retargetClocks, syncClocks, timersMoved } from '../ticket-sla';
import { assertTransition, raisePriority } from '../ticket-transitions';
import { FeedbackReferenceService } from './reference.service';
import { SlaTimersService } from './sla-timers.service';
import { MailOutboxService } from './mail-outbox.service';
import { MailOutbox } from '../entities/mail-outbox.entity';
import { apologyMail, forwardMail } from '../mail-templates';
import { overdueView, toTicketView } from './ticket-view';

/** Tickets per page of a policy recompute. */
const RECOMPUTE_PAGE = 200;
const SETTLED_STATUSES: TicketStatus[] = ['resolved', 'closed'];
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface Change {
  action: string;
  from?: string | null;
  to?: string | null;
  reason?: string | null;
  data?: Record<string, unknown> | null;
}

/**
 * Feedback tickets: intake, the status machine, replies and notes, assignment, forwarding to agencies, overdue dossiers, CSAT and
 * the citizens' lookup. Every change runs in one transaction with the ticket row locked, recomputes the SLA clocks, writes history
 * rows, and — after the commit — re-arms the timers and tells the screens.
 */
@Injectable()
export class TicketsService {
  private readonly logger = new Logger(TicketsService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly citizens: CitizensService,
    private readonly units: AdministrativeUnitsService,
    private readonly users: UsersService,
    private readonly refs: FeedbackReferenceService,
    private readonly calendars: CalendarsService,
    private readonly timers: SlaTimersService,
    private readonly realtime: RealtimeEmitter,
    private readonly outbox: MailOutboxService,
  ) {}

  // ---- intake ---------------------------------------------------------------------------------------------------------------
  async create(dto: CreateTicketDto, actor: AuthUser): Promise<TicketView> {
    // Everything that can be refused is checked before the first write.
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
    if (dto.assigneeId) await this.assignable(dto.assigneeId);
    const now = this.clock.now();
    const ticket = await this.db.transaction(async (m) => {
      const citizen = await this.citizens.findOrCreateByPhone(
        dto.phone,
        { fullName: dto.citizenName ?? null },
        actor.id,
        m,
      );
      const communeCode = dto.communeCode ?? citizen.communeCode ?? null;
      const remote = communeCode ? !!(await this.units.find(communeCode))?.remoteArea : false;
      const requested = dto.priority ?? 'normal';
      const raise = remote && dto.raiseForRemoteArea !== false;
      const t = m.create(Ticket, {
        id: uuidv7(),
        code: ticketCode(now),
        kind: dto.kind,
        channel: dto.channel,
        status: dto.assigneeId ? 'open' : 'new',
        priority: raise ? raisePriority(requested) : requested,
        priorityRaisedForRemoteArea: raise && raisePriority(requested) !== requested,
        queue: 'operators',
        citizenId: citizen.id,
        callId: dto.callId ?? null,
        subject: dto.subject,
        content: dto.content,
        categoryId: dto.categoryId ?? null,
        communeCode,
        dossierCode: dto.overdue?.dossierCode ?? dto.dossierCode ?? null,
        bcciRequestId: dto.bcciRequestId ?? null,
        assigneeId: dto.assigneeId ?? null,
        attachments: (dto.attachments ?? []).map((a) => ({ ...a })),
        policyId: null,
        calendarId: null,
        warnPercent: 75,
        pauseWhenForwarded: false,
        escalation: 'none',
        slaClocks: { firstResponse: null, resolution: null, forward: null },
        slaVersion: 1,
        receivedAt: now,
        firstResponseAt: null,
        firstForwardedAt: null,
        resolvedAt: null,
        closedAt: null,
        csatScore: null,
        csatComment: null,
        csatAt: null,
        createdBy: actor.id,
        createdAt: now,
        updatedAt: now,
      });
      const policy = choosePolicy(await this.refs.activePolicies(), t);
      if (policy) {
        this.applyPolicy(t, policy);
        const cal = await this.calendars.calendar(policy.calendarId);
        t.slaClocks = initialClocks(cal, targetsOf(policy), now, t.warnPercent);
      }
      Object.assign(t, clockColumns(t.slaClocks));
      await m.insert(Ticket, t);
      if (dto.overdue) {
        await m.insert(OverdueDossier, {
          ticketId: t.id,
          agencyId: dto.overdue.agencyId,
          dossierCode: dto.overdue.dossierCode,
          originalDueDate: dto.overdue.originalDueDate,
          apologyReason: null,
          apologySlipDate: null,
          newDueDate: null,
          newDateSetAt: null,
          newDateSetBy: null,
        });
      }
      await writeAudit(m, {
        actorId: actor.id,
        entityType: 'ticket',
        entityId: t.id,
        action: 'created',
        to: t.status,
        data: {
          kind: t.kind,
          channel: t.channel,
          priority: t.priority,
          remoteArea: remote,
          policyId: t.policyId,
          ...clockData(t),
        },
        at: now,
      });
      return t;
    });
    await this.afterCommit(ticket, 'created');
    return this.view(ticket);
  }

  // ---- reads ----------------------------------------------------------------------------------------------------------------
  async list(q: ListTicketsQuery, actor: AuthUser): Promise<TicketView[]> {
    const qb = dbManager(this.db).getRepository(Ticket).createQueryBuilder('t');
    if (q.status) qb.andWhere('t.status = :status', { status: q.status });
    if (q.kind) qb.andWhere('t.kind = :kind', { kind: q.kind });
    if (q.queue) qb.andWhere('t.queue = :queue', { queue: q.queue });
    if (q.assigneeId) qb.andWhere('t.assignee_id = :assigneeId', { assigneeId: q.assigneeId });
    if (q.atRisk) {
      // Only tickets still being worked on: a resolved or closed ticket keeps its recorded breach but is no longer at risk.
      qb.andWhere('t.status NOT IN (:...settled)', { settled: SETTLED_STATUSES });
      qb.andWhere(
        "(t.first_response_state IN ('warning','breached') OR t.resolution_state IN ('warning','breached') OR t.forward_state IN ('warning','breached'))",
      );
    }
    void actor;
    const rows = await qb
      .orderBy('t.received_at', 'DESC')
      .addOrderBy('t.id', 'DESC')
      .take(q.limit ?? 50)
      .getMany();
    const overdue = rows.length
      ? await dbManager(this.db)
          .getRepository(OverdueDossier)
          .findBy({ ticketId: In(rows.map((r) => r.id)) })
      : [];
    const citizens = await this.citizens.getMany(rows.map((r) => r.citizenId));
    return rows.map((r) =>
      toTicketView(
        r,
        overdue.find((o) => o.ticketId === r.id) ?? null,
        citizens.find((c) => c.id === r.citizenId) ?? null,
      ),
    );
  }

  async detail(id: string): Promise<TicketDetailView> {
    const t = await this.find(id);
    const [messages, forwards, agencies] = await Promise.all([
      dbManager(this.db)
        .getRepository(TicketMessage)
        .find({ where: { ticketId: id }, order: { createdAt: 'ASC', id: 'ASC' } }),
      dbManager(this.db)
        .getRepository(TicketForward)
        .find({ where: { ticketId: id }, order: { forwardedAt: 'ASC' } }),
      this.refs.agencies(),
    ]);
    return {
      ...(await this.view(t)),
      messages: messages.map((x) => ({
        id: x.id,
        kind: x.kind,
        body: x.body,
        authorId: x.authorId,
        createdAt: x.createdAt.toISOString(),
      })),
      forwards: forwards.map((f) => ({
        id: f.id,
        agencyId: f.agencyId,
        agencyName: agencies.find((a) => a.id === f.agencyId)?.name ?? '',
        forwardedAt: f.forwardedAt.toISOString(),
        forwardedBy: f.forwardedBy,
        note: f.note,
        answer: f.answer,
        answeredAt: f.answeredAt?.toISOString() ?? null,
      })),
    };
  }

  async history(id: string): Promise<TicketHistoryEntry[]> {
    await this.find(id);
    const rows = await dbManager(this.db)
      .getRepository(AuditLogEntry)
      .find({ where: { entityType: 'ticket', entityId: id }, order: { at: 'ASC', id: 'ASC' } });
    return rows.map((r) => ({
      at: r.at.toISOString(),
      actorId: r.actorId,
      action: r.action,
      from: r.fromState,
      to: r.toState,
      reason: r.reason,
      data: r.data,
    }));
  }

  /** The citizen's lookup: code + any of the citizen's phone numbers. A wrong phone and an unknown code answer the same 404. */
  async publicLookup(code: string, phone: string): Promise<PublicTicketView> {
    if (!/^[A-Z0-9-]{4,20}$/i.test(code)) throw new NotFoundError('Ticket', code);
    const citizen = await this.citizens.findByPhone(phone);
    const t = await dbManager(this.db).getRepository(Ticket).findOneBy({ code: code.toUpperCase() });
    if (!t || !citizen || citizen.id !== t.citizenId) throw new NotFoundError('Ticket', code);
    const replies = await dbManager(this.db)
      .getRepository(TicketMessage)
      .find({ where: { ticketId: t.id, kind: 'public_reply' }, order: { createdAt: 'ASC', id: 'ASC' } });
    return {
      code: t.code,
      status: t.status,
      receivedAt: t.receivedAt.toISOString(),
      resolutionDueAt: t.resolutionDueAt?.toISOString() ?? null,
      resolvedAt: t.resolvedAt?.toISOString() ?? null,
      closedAt: t.closedAt?.toISOString() ?? null,
      replies: replies.map((r) => ({ at: r.createdAt.toISOString(), body: r.body })),
    };
  }

  // ---- changes --------------------------------------------------------------------------------------------------------------
  async update(id: string, dto: UpdateTicketDto, actor: AuthUser): Promise<TicketView> {
    if (dto.categoryId) await this.refs.categoryOrBadRequest(dto.categoryId);
    const policies =
      dto.categoryId !== undefined || dto.priority !== undefined ? await this.refs.activePolicies() : null;
    return this.mutate(id, actor.id, async (t) => {
      this.assertActive(t);
      const sent = stripUndefined(dto);
      const fields = Object.keys(sent);
      const before = { categoryId: t.categoryId, priority: t.priority };
      Object.assign(t, sent);
      const changes: Change[] = [{ action: 'updated', data: { fields } }];
      if (dto.priority && dto.priority !== before.priority)
        changes.push({ action: 'priority_changed', from: before.priority, to: dto.priority });
      if (policies && (t.categoryId !== before.categoryId || t.priority !== before.priority)) {
        const policy = choosePolicy(policies, t);
        if (policy && policy.id !== t.policyId) {
          changes.push({ action: 'policy_changed', from: t.policyId, to: policy.id });
          this.applyPolicy(t, policy);
          const cal = await this.calendars.calendar(policy.calendarId);
          t.slaClocks = retargetClocks(cal, t.slaClocks, targetsOf(policy), t.receivedAt, t.warnPercent);
        }
      }
      return changes;
    });
  }

  async transition(id: string, dto: TransitionDto, actor: AuthUser): Promise<TicketView> {
    if (dto.to === 'forwarded')
      throw new ValidationError('to: forward with POST /tickets/:id/forwards (it needs the agency)', { field: 'to' });
    return this.mutate(id, actor.id, async (t) => {
      const from = t.status;
      assertTransition(from, dto.to);
      this.setStatus(t, dto.to);
      return [
        { action: dto.to === 'reopened' ? 'reopened' : 'status_changed', from, to: dto.to, reason: dto.reason ?? null },
      ];
    });
  }

  async reply(id: string, dto: ReplyDto, actor: AuthUser): Promise<TicketView> {
    return this.mutate(id, actor.id, async (t, m, now) => {
      this.assertActive(t);
      await m.insert(TicketMessage, {
        id: uuidv7(),
        ticketId: t.id,
        kind: 'public_reply',
        body: dto.body,
        authorId: actor.id,
        createdAt: now,
      });
      const changes: Change[] = [{ action: dto.callBack ? 'call_back' : 'public_reply' }];
      if (!t.firstResponseAt) {
        t.firstResponseAt = now;
        changes.push({ action: 'first_response', to: now.toISOString() });
      }
      changes.push(...this.autoOpen(t));
      return changes;
    });
  }

  async note(id: string, dto: MessageDto, actor: AuthUser): Promise<TicketView> {
    return this.mutate(id, actor.id, async (t, m, now) => {
      await m.insert(TicketMessage, {
        id: uuidv7(),
        ticketId: t.id,
        kind: 'internal_note',
        body: dto.body,
        authorId: actor.id,
        createdAt: now,
      });
      return [{ action: 'internal_note' }];
    });
  }

  /** Operators assign unassigned tickets or hand over their own; reassigning someone else's ticket is for supervisors/admins. */
  async assign(id: string, dto: AssignDto, actor: AuthUser): Promise<TicketView> {
    await this.find(id);
    await this.assignable(dto.assigneeId);
    return this.mutate(id, actor.id, async (t) => {
      this.assertActive(t);
      if (actor.role === 'operator' && t.assigneeId && t.assigneeId !== actor.id)
        throw new ForbiddenError('Only a supervisor can reassign a ticket assigned to someone else');
      const from = t.assigneeId;
      t.assigneeId = dto.assigneeId;
      t.queue = 'operators';
      return [{ action: from ? 'reassigned' : 'assigned', from, to: dto.assigneeId }, ...this.autoOpen(t)];
    });
  }

  async takeOver(id: string, actor: AuthUser): Promise<TicketView> {
    return this.mutate(id, actor.id, async (t) => {
      this.assertActive(t);
      const from = t.assigneeId;
      t.assigneeId = actor.id;
      return [{ action: 'taken_over', from, to: actor.id }, ...this.autoOpen(t)];
    });
  }

  async forward(id: string, dto: ForwardDto, actor: AuthUser): Promise<TicketView> {
    await this.find(id);
    const agency = await this.refs.agencyOrBadRequest(dto.agencyId);
    return this.mutate(id, actor.id, async (t, m, now, out) => {
      const from = t.status;
      assertTransition(from, 'forwarded');
      const fwd = {
        id: uuidv7(),
        ticketId: t.id,
        agencyId: agency.id,
        forwardedAt: now,
        forwardedBy: actor.id,
        note: dto.note ?? null,
        answer: null,
        answeredAt: null,
        answerRecordedBy: null,
      };
      await m.insert(TicketForward, fwd);
      // The agency's mail commits with the forward (outbox): the deadline is the resolution due instant when it is forwarded.
      const citizen = await this.citizens.get(t.citizenId);
      const mail = forwardMail({
        agencyName: agency.name,
        code: t.code,
        kind: t.kind,
        subject: t.subject,
        content: t.content,
        note: fwd.note,
        receivedAt: t.receivedAt,
        forwardedAt: now,
        deadline: t.resolutionDueAt,
        dossierCode: t.dossierCode,
        citizenName: citizen.fullName,
        citizenPhone: citizen.phones.find((p) => p.isPrimary)?.phone ?? citizen.phones[0]?.phone ?? null,
      });
      const row = await this.outbox.add(m, { kind: 'agency_forward', ticketId: t.id, to: agency.email, ...mail }, now);
      out.mails.push(row);
      t.firstForwardedAt ??= now;
      this.setStatus(t, 'forwarded');
      return [
        {
          action: 'forwarded',
          from,
          to: 'forwarded',
          data: { forwardId: fwd.id, agencyId: agency.id, agencyEmail: agency.email, mailId: row.id },
        },
      ];
    });
  }

  async agencyAnswer(id: string, forwardId: string, dto: AgencyAnswerDto, actor: AuthUser): Promise<TicketView> {
    if (!UUID.test(forwardId))
      throw new ValidationError('forwardId must be a UUID', { field: 'forwardId', constraint: 'isUuid' });
    return this.mutate(id, actor.id, async (t, m, now) => {
      const res = await m.update(
        TicketForward,
        { id: forwardId, ticketId: t.id, answeredAt: IsNull() },
        { answer: dto.answer, answeredAt: now, answerRecordedBy: actor.id },
      );
      if (!res.affected) {
        const fwd = await m.findOneBy(TicketForward, { id: forwardId, ticketId: t.id });
        if (!fwd) throw new NotFoundError('Forward', forwardId);
        throw new ConflictError('The agency answer of this forward is already recorded');
      }
      return [{ action: 'agency_answered', data: { forwardId } }];
    });
  }

  /** Mẫu 04 apology slip with the new due date: set once (Decree 61/2018 art. 19(9)); a second attempt is a 409. */
  async apology(id: string, dto: ApologySlipDto, actor: AuthUser): Promise<TicketView> {
    for (const [field, value] of [
      ['newDueDate', dto.newDueDate],
      ['slipDate', dto.slipDate],
    ] as const) {
      if (value && !isRealDate(value))
        throw new ValidationError(`${field}: not a calendar date`, { field, constraint: 'isDate' });
    }
    return this.mutate(id, actor.id, async (t, m, now, out) => {
      const od = await m.findOneBy(OverdueDossier, { ticketId: t.id });
      if (!od) throw new ConflictError('This ticket is not about an overdue dossier', 'NOT_OVERDUE_DOSSIER');
      if (od.newDueDate)
        throw new ConflictError(
          `The new due date was already set (${od.newDueDate}); it can be set only once`,
          'NEW_DATE_ALREADY_SET',
        );
      if (dto.newDueDate <= od.originalDueDate)
        throw new ValidationError(`newDueDate: must be after the original due date ${od.originalDueDate}`, {
          field: 'newDueDate',
          constraint: 'dateOrder',
        });
      const res = await m
        .createQueryBuilder()
        .update(OverdueDossier)
        .set({
          apologyReason: dto.reason,
          apologySlipDate: dto.slipDate ?? null,
          newDueDate: dto.newDueDate,
          newDateSetAt: now,
          newDateSetBy: actor.id,
        })
        .where('ticket_id = :id AND new_due_date IS NULL', { id: t.id })
        .execute();
      if (!res.affected)
        throw new ConflictError('The new due date was already set; it can be set only once', 'NEW_DATE_ALREADY_SET');
      // The citizen is told by email when we have an address (Decree 61/2018 art. 19(9): email/SMS/phone); in the outbox, same transaction.
      const citizen = await this.citizens.get(t.citizenId);
      let mailId: string | null = null;
      if (citizen.email) {
        const agency = await this.refs.agency(od.agencyId);
        const mail = apologyMail({
          citizenName: citizen.fullName,
          code: t.code,
          agencyName: agency.name,
          dossierCode: od.dossierCode,
          originalDueDate: od.originalDueDate,
          newDueDate: dto.newDueDate,
          reason: dto.reason,
          slipDate: dto.slipDate ?? localDate(now),
        });
        const row = await this.outbox.add(
          m,
          { kind: 'citizen_new_date', ticketId: t.id, to: citizen.email, ...mail },
          now,
        );
        out.mails.push(row);
        mailId = row.id;
      }
      return [
        {
          action: 'apology_slip',
          from: od.originalDueDate,
          to: dto.newDueDate,
          reason: dto.reason,
          data: { mailId, citizenEmailed: !!mailId },
        },
      ];
    });
  }

  async csat(id: string, dto: CsatDto, actor: AuthUser): Promise<TicketView> {
    return this.mutate(id, actor.id, async (t, _m, now) => {
      if (t.status !== 'resolved' && t.status !== 'closed')
        throw new ConflictError(
          `Satisfaction is recorded after resolution (status is ${t.status})`,
          'ILLEGAL_TRANSITION',
        );
      if (t.csatScore) throw new ConflictError('Satisfaction is already recorded for this ticket');
      t.csatScore = dto.score;
      t.csatComment = dto.comment ?? null;
      t.csatAt = now;
      return [{ action: 'csat', to: String(dto.score), reason: dto.comment ?? null }];
    });
  }

  // ---- policy edits ---------------------------------------------------------------------------------------------------------
  /**
   * The worker's job after an SLA policy was edited: every not-closed ticket the policy governs gets its new targets, warning
   * threshold, pause rule and escalation. Paged by id (bounded memory), one transaction per ticket (row locked like any change):
   * the consumed business time is kept, due instants move, `sla_version` is bumped so the old timers do nothing and the new ones are
   * armed. A newer edit of the policy supersedes this job (it stops; the newer job redoes every ticket with the newer targets).
   */
  async recomputeForPolicy(job: SlaPolicyRecomputeJob): Promise<{ recomputed: number; moved: number } | 'stale'> {
    let after = '';
    let recomputed = 0;
    let moved = 0;
    for (;;) {
      const policy = await dbManager(this.db).getRepository(SlaPolicy).findOneBy({ id: job.policyId });
      if (!policy || policy.version !== job.version) return 'stale';
      const rows: Array<{ id: string }> = await dbManager(this.db).query(
        "SELECT id FROM tickets WHERE policy_id = ? AND status <> 'closed' AND id > ? ORDER BY id LIMIT ?",
        [policy.id, after, RECOMPUTE_PAGE],
      );
      for (const { id } of rows) {
        const outcome = await this.reapplyPolicy(id, policy);
        if (outcome !== 'skipped') recomputed++;
        if (outcome === 'moved') moved++;
      }
      if (rows.length < RECOMPUTE_PAGE) break;
      after = rows[rows.length - 1].id;
    }
    this.logger.log(
      `SLA policy ${job.policyId} v${job.version}: ${recomputed} ticket(s) recomputed, ${moved} with moved timers`,
    );
    return { recomputed, moved };
  }

  /** One ticket: skipped (nothing written) when it no longer follows this policy or already has its terms. */
  private async reapplyPolicy(id: string, policy: SlaPolicy): Promise<'skipped' | 'same' | 'moved'> {
    let applied = false;
    let versionBefore = 0;
    const view = await this.mutate(id, null, async (t, m, now) => {
      versionBefore = t.slaVersion;
      if (t.policyId !== policy.id || t.status === 'closed') return null;
      // Edited again meanwhile: the newer job applies the newer terms (an older job must not overwrite them on this ticket).
      const current = await m.findOne(SlaPolicy, { select: { id: true, version: true }, where: { id: policy.id } });
      if (current?.version !== policy.version) return null;
      const targets = targetsOf(policy);
      const same =
        t.calendarId === policy.calendarId &&
        t.warnPercent === policy.warnPercent &&
        t.pauseWhenForwarded === policy.pauseWhenForwarded &&
        t.escalation === policy.escalation &&
        (t.slaClocks.firstResponse?.targetMs ?? targets.firstResponse) === targets.firstResponse &&
        (t.slaClocks.resolution?.targetMs ?? targets.resolution) === targets.resolution &&
        (t.slaClocks.forward?.targetMs ?? null) === targets.forward;
      if (same) return null;
      if (t.calendarId && t.calendarId !== policy.calendarId) {
        // The running segments are counted on the old calendar up to now; the clocks resume on the new one (syncClocks).
        const old = await this.calendars.calendar(t.calendarId);
        t.slaClocks = pauseAll(old, t.slaClocks, now);
      }
      this.applyPolicy(t, policy);
      const cal = await this.calendars.calendar(policy.calendarId);
      t.slaClocks = retargetClocks(cal, t.slaClocks, targets, t.receivedAt, t.warnPercent);
      applied = true;
      return [
        {
          action: 'policy_updated',
          to: policy.id,
          reason: `SLA policy "${policy.name}" edited`,
          data: { policyVersion: policy.version, ...targets },
        },
      ];
    });
    if (!applied) return 'skipped';
    return view.slaVersion !== versionBefore ? 'moved' : 'same';
  }

  // ---- internals ------------------------------------------------------------------------------------------------------------
  /**
   * One change of one ticket: row locked, the change applied, clocks synced (version bumped when timers move), history written —
   * one transaction; then timers re-armed, outbox mail enqueued and screens told. `actorId` null: the system (a worker job).
   */
  private async mutate(
    id: string,
    actorId: string | null,
    change: (t: Ticket, m: EntityManager, now: Date, out: { mails: MailOutbox[] }) => Promise<Change[] | null>,
  ): Promise<TicketView> {
    if (!UUID.test(id)) throw new ValidationError('id must be a UUID', { field: 'id', constraint: 'isUuid' });
    const now = this.clock.now();
    let previous: { version: number; clocks: TicketClocks } | undefined;
    const action = { name: '' };
    const out = { mails: [] as MailOutbox[] };
    const ticket = await this.db.transaction(async (m) => {
      const t = await m.findOne(Ticket, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!t) throw new NotFoundError('Ticket', id);
      previous = { version: t.slaVersion, clocks: t.slaClocks };
      const changes = await change(t, m, now, out);
      if (changes === null) return null; // nothing to do: nothing written
      action.name = changes[0]?.action ?? 'updated';
      if (t.calendarId) {
        const cal = await this.calendars.calendar(t.calendarId);
        t.slaClocks = syncClocks(
          cal,
          t.slaClocks,
          {
            status: t.status,
            firstResponseAt: t.firstResponseAt,
            forwardedAt: t.firstForwardedAt,
            pauseWhenForwarded: t.pauseWhenForwarded,
            warnPercent: t.warnPercent,
          },
          now,
        );
      }
      const moved = timersMoved(previous.clocks, t.slaClocks);
      if (moved) t.slaVersion += 1;
      Object.assign(t, clockColumns(t.slaClocks));
      t.updatedAt = now;
      await m.save(Ticket, t);
      for (const c of changes) await writeAudit(m, { actorId, entityType: 'ticket', entityId: t.id, at: now, ...c });
      if (moved)
        await writeAudit(m, {
          actorId,
          entityType: 'ticket',
          entityId: t.id,
          at: now,
          action: 'sla_recomputed',
          to: `v${t.slaVersion}`,
          data: clockData(t),
        });
      return t;
    });
    if (!ticket) return this.view(await this.find(id));
    await this.outbox.dispatch(out.mails);
    await this.afterCommit(ticket, action.name, previous);
    return this.view(ticket);
  }

  private async afterCommit(
    t: Ticket,
    action: string,
    previous?: { version: number; clocks: TicketClocks },
  ): Promise<void> {
    try {
      await this.timers.arm(t, previous);
    } catch (err) {
      // The reconciler re-arms from MySQL; the change itself is committed.
      this.logger.warn(`Arming SLA timers of ${t.code} failed: ${(err as Error).message}`);
    }
    this.realtime.to(['role:operator', 'role:supervisor'], 'ticket:changed', { ticket: await this.view(t), action });
  }

  private async view(t: Ticket): Promise<TicketView> {
    const od =
      t.kind === 'overdue_dossier'
        ? await dbManager(this.db).getRepository(OverdueDossier).findOneBy({ ticketId: t.id })
        : null;
    const [citizen] = await this.citizens.getMany([t.citizenId]);
    return toTicketView(t, od, citizen ?? null);
  }

  private async find(id: string): Promise<Ticket> {
    if (!UUID.test(id)) throw new ValidationError('id must be a UUID', { field: 'id', constraint: 'isUuid' });
    const t = await dbManager(this.db).getRepository(Ticket).findOneBy({ id });
    if (!t) throw new NotFoundError('Ticket', id);
    return t;
  }

  private async assignable(userId: string): Promise<void> {
    let user;
    try {
      user = await this.users.get(userId);
    } catch (err) {
      if (err instanceof NotFoundError)
        throw new ValidationError('assigneeId: unknown user', { field: 'assigneeId', constraint: 'exists' });
      throw err;
    }
    if (user.disabled || (user.role !== 'operator' && user.role !== 'supervisor')) {
      throw new ValidationError('assigneeId: must be an active operator or supervisor', { field: 'assigneeId' });
    }
  }

  private applyPolicy(t: Ticket, p: SlaPolicy): void {
    t.policyId = p.id;
    t.calendarId = p.calendarId;
    t.warnPercent = p.warnPercent;
    t.pauseWhenForwarded = p.pauseWhenForwarded;
    t.escalation = p.escalation;
  }

  private setStatus(t: Ticket, to: TicketStatus): void {
    const now = this.clock.now();
    t.status = to;
    if (to === 'resolved') t.resolvedAt = now;
    if (to === 'closed') t.closedAt = now;
    if (to === 'reopened') {
      t.resolvedAt = null;
      t.closedAt = null;
    }
  }

  /** Work started on a new ticket (assignment, a reply) opens it. */
  private autoOpen(t: Ticket): Change[] {
    if (t.status !== 'new') return [];
    this.setStatus(t, 'open');
    return [{ action: 'status_changed', from: 'new', to: 'open', reason: 'work started' }];
  }

  private assertActive(t: Ticket): void {
    if (t.status === 'closed') throw new ConflictError('The ticket is closed', 'ILLEGAL_TRANSITION');
  }
}

function targetsOf(p: SlaPolicy) {
  return {
    firstResponse: minutesToMs(p.firstResponseMinutes),
    resolution: minutesToMs(p.resolutionMinutes),
    forward: p.forwardMinutes === null ? null : minutesToMs(p.forwardMinutes),
  };
}

function pauseAll(cal: WorkingCalendar, clocks: TicketClocks, now: Date): TicketClocks {
  return {
    firstResponse: clocks.firstResponse && pauseClock(cal, clocks.firstResponse, now),
    resolution: clocks.resolution && pauseClock(cal, clocks.resolution, now),
    forward: clocks.forward && pauseClock(cal, clocks.forward, now),
  };
}

function clockData(t: Ticket): Record<string, unknown> {
  return {
    slaVersion: t.slaVersion,
    firstResponseDueAt: t.firstResponseDueAt?.toISOString() ?? null,
    resolutionDueAt: t.resolutionDueAt?.toISOString() ?? null,
    forwardDueAt: t.forwardDueAt?.toISOString() ?? null,
  };
}

/** e.g. PA260301-K7QX2: the Gia Lai local date of receipt + 5 random characters without look-alikes (0/O, 1/I). */
export function ticketCode(now: Date): string {
  const day = new Date(now.getTime() + 7 * 3600_000).toISOString().slice(2, 10).replace(/-/g, '');
  let rand = '';
  for (let i = 0; i < 5; i++) rand += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return `PA${day}-${rand}`;
}

/** The Gia Lai local date (YYYY-MM-DD) of an instant. */
function localDate(d: Date): string {
  return new Date(d.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

function isRealDate(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

export { overdueView };
