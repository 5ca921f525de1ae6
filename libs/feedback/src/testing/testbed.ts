import type { CitizensService } from '@hotline/calls';
import { DEFAULT_GIA_LAI_CALENDAR, type CalendarsService, WorkingCalendar } from '@hotline/calendar';
import type { CitizenView } from '@hotline/contracts';
import { type AuthUser, type Effect, type EmitEffect, FakeClock, FakeUnitOfWork, type JobEffect } from '@hotline/core';
import type { AdministrativeUnitsService } from '@hotline/geo';
import type { UsersService } from '@hotline/identity';
import type { FeedbackConfig } from '../feedback-config';
import type { SlaPolicy } from '../entities/reference.entities';
import type { Ticket } from '../entities/ticket.entity';
import { TicketViews } from '../queries/ticket-views';
import { MailOutboxService } from '../services/mail-outbox.service';
import { FeedbackReferenceService } from '../services/reference.service';
import { initialClocks, clockColumns } from '../ticket-sla';
import { applyPolicy, targetsOf } from '../ticket-rules';
import { Assignees } from '../use-cases/assignees';
import { ChangeTicket } from '../use-cases/change-ticket';
import { CreateTicket } from '../use-cases/create-ticket.use-case';
import { InMemoryFeedback } from './in-memory-feedback';

export const CALENDAR = new WorkingCalendar(DEFAULT_GIA_LAI_CALENDAR);
export const operator = { id: '01a2296b-0000-7000-8000-0000000000a1', role: 'operator' } as AuthUser;
export const supervisor = { id: '01a2296b-0000-7000-8000-0000000000b1', role: 'supervisor' } as AuthUser;

const MAIL: FeedbackConfig = {
  lookupLimit: 20,
  lookupWindowSeconds: 60,
  mail: { smtpUrl: null, from: 'test <t@localhost>', maxAttempts: 3, retryBaseMs: 1000 },
} as unknown as FeedbackConfig;

/** A citizen as the calls context answers it. */
export function aCitizen(over: Partial<CitizenView> = {}): CitizenView {
  return {
    id: '01a2296b-0000-7000-8000-00000000c171',
    fullName: 'Nguyễn Thị Lan',
    kind: 'person',
    idNumber: null,
    addressDetail: null,
    communeCode: null,
    email: null,
    notes: null,
    phones: [{ phone: '+84905111222', isPrimary: true, label: null }],
    ...over,
  } as CitizenView;
}

/**
 * The feedback context wired for unit tests: the real change path, use cases, views and mail outbox over in-memory tables,
 * the Gia Lai working calendar, a fake unit of work that keeps what each command recorded (jobs, cancellations, events,
 * history rows) and a clock that stands still (Monday 23/3/2026 09:00 in Gia Lai).
 */
export function feedbackTestbed() {
  const clock = new FakeClock('2026-03-23T02:00:00.000Z');
  const db = new InMemoryFeedback();
  const uow = new FakeUnitOfWork(clock, {
    snapshot: db.snapshot,
    onCommit: (tx) => db.historyRows.push(...tx.recorded),
  });
  const citizens = { list: [aCitizen()] };
  const citizensService = {
    getMany: async (ids: string[]) => citizens.list.filter((c) => ids.includes(c.id)),
    get: async (id: string) => citizens.list.find((c) => c.id === id)!,
    findOrCreateByPhone: async () => citizens.list[0],
  } as unknown as CitizensService;
  const calendars = { calendar: async () => CALENDAR } as unknown as CalendarsService;
  const units = {
    find: async (code: string) =>
      code === '23575' ? { remoteArea: false } : code === '24000' ? { remoteArea: true } : null,
  } as unknown as AdministrativeUnitsService;
  const users = {
    get: async (id: string) => ({ id, role: 'operator', disabled: false }),
  } as unknown as UsersService;
  const reference = db.reference as never;
  const tickets = db.tickets as never;
  const details = db.details as never;
  const refs = new FeedbackReferenceService(uow.asUnitOfWork, reference, tickets, clock, calendars);
  const views = new TicketViews(details, citizensService);
  const change = new ChangeTicket(uow.asUnitOfWork, clock, tickets, calendars, views);
  const mail = new MailOutboxService(uow.asUnitOfWork, db.mail as never, tickets, {} as never, clock, MAIL);
  const create = new CreateTicket(
    uow.asUnitOfWork,
    clock,
    tickets,
    details,
    refs,
    citizensService,
    units,
    calendars,
    new Assignees(users),
    views,
  );
  return { clock, db, uow, citizens, citizensService, calendars, refs, views, change, mail, create };
}

export type FeedbackTestbed = ReturnType<typeof feedbackTestbed>;

let seq = 0;
const uuid = (n: number) => `01a2296b-0000-7000-8000-${String(n).padStart(12, '0')}`;

export function aPolicy(over: Partial<SlaPolicy> = {}): SlaPolicy {
  return {
    id: uuid(900 + ++seq),
    name: 'Mặc định',
    kind: null,
    categoryId: null,
    priority: null,
    calendarId: 'gia-lai',
    firstResponseMinutes: 240,
    resolutionMinutes: 2400,
    forwardMinutes: 2400,
    warnPercent: 75,
    pauseWhenForwarded: false,
    escalation: 'none',
    active: true,
    updatedAt: new Date('2026-01-01T00:00:00Z'),
    version: 1,
    ...over,
  };
}

/** A stored ticket received at `receivedAt` under `policy` (its clocks started then), in status `new` unless told. */
export function seedTicket(t: FeedbackTestbed, policy: SlaPolicy, over: Partial<Ticket> = {}): Ticket {
  const receivedAt = over.receivedAt ?? t.clock.now();
  const ticket = {
    id: uuid(++seq),
    code: `PA260323-T${String(seq).padStart(4, '0')}`,
    kind: 'feedback',
    channel: 'phone',
    status: 'new',
    priority: 'normal',
    priorityRaisedForRemoteArea: false,
    queue: 'operators',
    citizenId: aCitizen().id,
    callId: null,
    subject: 'Đèn đường hỏng',
    content: 'Đèn đường trước nhà số 12 hỏng một tuần nay',
    categoryId: null,
    communeCode: null,
    dossierCode: null,
    bcciRequestId: null,
    assigneeId: null,
    attachments: [],
    slaVersion: 1,
    receivedAt,
    firstResponseAt: null,
    firstForwardedAt: null,
    resolvedAt: null,
    closedAt: null,
    csatScore: null,
    csatComment: null,
    csatAt: null,
    createdBy: operator.id,
    createdAt: receivedAt,
    updatedAt: receivedAt,
    version: 1,
  } as unknown as Ticket;
  applyPolicy(ticket, policy);
  ticket.slaClocks = initialClocks(CALENDAR, targetsOf(policy), receivedAt, policy.warnPercent);
  Object.assign(ticket, clockColumns(ticket.slaClocks), over);
  t.db.ticketRows.push(structuredClone(ticket));
  return ticket;
}

export const jobsOf = (effects: Effect[]) => effects.filter((e): e is JobEffect => e.kind === 'job');
export const emitsOf = (effects: Effect[]) => effects.filter((e): e is EmitEffect => e.kind === 'emit');
