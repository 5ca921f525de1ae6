/** Shapes and socket events of the feedback context (tickets, SLA, working calendar), shared by server and dashboard. */
import type { Role } from './roles';
import type { Page } from './pagination';
import { defineMachine } from './state-machine';

// ---- working calendar ----------------------------------------------------------------------------------------------------------
export type CalendarExceptionKindDto = 'day_off' | 'working_day';
export interface WorkPeriodDto {
  start: string;
  end: string;
}
export interface CalendarExceptionView {
  id: string;
  calendarId: string;
  date: string;
  kind: CalendarExceptionKindDto;
  periods: WorkPeriodDto[] | null;
  name: string | null;
  createdAt: string;
}
export interface CalendarView {
  id: string;
  code: string;
  name: string;
  timeZone: string;
  timeZoneOffsetMinutes: number;
  weekly: Partial<Record<0 | 1 | 2 | 3 | 4 | 5 | 6, WorkPeriodDto[]>>;
  holidayRules: Record<string, unknown> | null;
  isDefault: boolean;
  version: number;
  updatedAt: string;
}
export interface CalendarDayView {
  date: string;
  weekday: number;
  working: boolean;
  periods: WorkPeriodDto[];
  source: 'exception' | 'holiday' | 'weekly';
  name?: string;
}

// ---- tickets ---------------------------------------------------------------------------------------------------------------------
export const TICKET_KINDS = ['feedback', 'petition', 'question', 'overdue_dossier', 'postal_complaint'] as const;
export type TicketKind = (typeof TICKET_KINDS)[number];
export const TICKET_CHANNELS = ['phone', 'email', 'sms', 'zalo', 'web', 'walk_in'] as const;
export type TicketChannel = (typeof TICKET_CHANNELS)[number];
export const TICKET_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type TicketPriority = (typeof TICKET_PRIORITIES)[number];
export const TICKET_STATUSES = [
  'new',
  'open',
  'waiting_citizen',
  'forwarded',
  'resolved',
  'closed',
  'reopened',
] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];
/**
 * The ticket state machine, used by the server (409 ILLEGAL_TRANSITION) and by the dashboard (the moves it offers).
 * `forwarded` is reached through POST /tickets/:id/forwards only (it needs the agency): `ticketStatusMoves` leaves it out.
 */
export const TICKET_MACHINE = defineMachine({
  name: 'ticket',
  transitions: {
    new: ['open', 'waiting_citizen', 'forwarded', 'resolved'],
    open: ['waiting_citizen', 'forwarded', 'resolved'],
    waiting_citizen: ['open', 'forwarded', 'resolved'],
    forwarded: ['open', 'waiting_citizen', 'resolved'],
    resolved: ['closed', 'reopened'],
    reopened: ['open', 'waiting_citizen', 'forwarded', 'resolved'],
    closed: [],
  } satisfies Record<TicketStatus, TicketStatus[]>,
  sets: {
    /** Being worked on: its clocks run unless paused; what the supervisors' at-risk list and the screen-pop count. */
    open: ['new', 'open', 'waiting_citizen', 'forwarded', 'reopened'],
    /** Resolved or closed: no clock runs; a recorded breach stays but is no longer at risk. */
    settled: ['resolved', 'closed'],
    /** Satisfaction (CSAT) may be recorded. */
    rateable: ['resolved', 'closed'],
    /** Nothing may change any more (no reply, note, assignment or edit). */
    frozen: ['closed'],
    /** Work on it (an assignment, a reply) opens it. */
    opensOnWork: ['new'],
    /** Reached only through a forward to an agency, not through POST /tickets/:id/transitions. */
    throughForward: ['forwarded'],
    /** The SLA clocks pause here (and in `forwarded` when the policy says so). */
    pausesClocks: ['waiting_citizen'],
  } satisfies Record<string, TicketStatus[]>,
});

/** The moves a person may ask for with POST /tickets/:id/transitions (the status buttons): `forwarded` goes through a forward. */
export function ticketStatusMoves(status: TicketStatus): TicketStatus[] {
  return TICKET_MACHINE.next(status).filter((s) => !TICKET_MACHINE.is('throughForward', s));
}

/** One priority step up (a remote-area commune raises a new ticket's priority); urgent stays urgent. */
export function raisePriority(p: TicketPriority): TicketPriority {
  const i = TICKET_PRIORITIES.indexOf(p);
  return TICKET_PRIORITIES[Math.min(i + 1, TICKET_PRIORITIES.length - 1)];
}
export const TICKET_QUEUES = ['operators', 'supervisors'] as const;
export type TicketQueue = (typeof TICKET_QUEUES)[number];

export const SLA_TARGET_NAMES = ['firstResponse', 'resolution', 'forward'] as const;
export type SlaTargetName = (typeof SLA_TARGET_NAMES)[number];
export type SlaStateName = 'ok' | 'warning' | 'breached' | 'met' | 'paused';

/** Countdown data: instants, never ticking numbers (the screen computes "time left" itself). */
export interface SlaTargetView {
  state: SlaStateName;
  dueAt: string | null;
  warnAt: string | null;
  metAt: string | null;
  breached: boolean;
  /** Business minutes budgeted and already used (when paused/met; while running the screen counts from `runningSince`). */
  targetMinutes: number;
  consumedMinutes: number;
  runningSince: string | null;
}

export interface AttachmentMeta {
  fileName: string;
  contentType: string;
  sizeBytes: number;
  url?: string;
}

export interface TicketMessageView {
  id: string;
  kind: 'public_reply' | 'internal_note';
  body: string;
  authorId: string | null;
  createdAt: string;
}

export interface TicketForwardView {
  id: string;
  agencyId: string;
  agencyName: string;
  forwardedAt: string;
  forwardedBy: string;
  note: string | null;
  answer: string | null;
  answeredAt: string | null;
}

export interface OverdueDossierView {
  agencyId: string;
  dossierCode: string;
  originalDueDate: string;
  apologyReason: string | null;
  apologySlipDate: string | null;
  newDueDate: string | null;
  newDateSetAt: string | null;
}

export interface TicketView {
  id: string;
  code: string;
  kind: TicketKind;
  channel: TicketChannel;
  status: TicketStatus;
  priority: TicketPriority;
  priorityRaisedForRemoteArea: boolean;
  queue: TicketQueue;
  citizenId: string;
  /** The citizen's name as the calls context knows it (null when never given). */
  citizenName: string | null;
  /** The citizen's primary phone number, E.164 (format it with formatPhone). */
  citizenPhone: string | null;
  callId: string | null;
  subject: string;
  content: string;
  categoryId: string | null;
  communeCode: string | null;
  dossierCode: string | null;
  bcciRequestId: string | null;
  assigneeId: string | null;
  attachments: AttachmentMeta[];
  policyId: string | null;
  sla: Record<SlaTargetName, SlaTargetView | null>;
  slaVersion: number;
  receivedAt: string;
  firstResponseAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  csat: { score: number; comment: string | null; recordedAt: string } | null;
  overdueDossier: OverdueDossierView | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface TicketDetailView extends TicketView {
  messages: TicketMessageView[];
  forwards: TicketForwardView[];
}

export interface TicketHistoryEntry {
  at: string;
  actorId: string | null;
  action: string;
  from: string | null;
  to: string | null;
  reason: string | null;
  data: Record<string, unknown> | null;
}

/** What a citizen sees with code + phone, without login: status, dates and public replies only. */
export interface PublicTicketView {
  code: string;
  status: TicketStatus;
  receivedAt: string;
  resolutionDueAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  replies: Array<{ at: string; body: string }>;
}

export interface FeedbackCategoryView {
  id: string;
  code: string;
  name: string;
  active: boolean;
}
export interface AgencyView {
  id: string;
  code: string;
  name: string;
  email: string;
  active: boolean;
}
export type EscalationRule = 'none' | 'raise_priority' | 'supervisor_queue';
export interface SlaPolicyView {
  id: string;
  name: string;
  kind: TicketKind | null;
  categoryId: string | null;
  priority: TicketPriority | null;
  calendarId: string;
  firstResponseMinutes: number;
  resolutionMinutes: number;
  forwardMinutes: number | null;
  warnPercent: number;
  pauseWhenForwarded: boolean;
  escalation: EscalationRule;
  active: boolean;
  updatedAt: string;
}

/** Outgoing mail of the feedback context (transactional outbox). `disabled`: SMTP is not configured, kept until it is. */
export const MAIL_STATES = ['pending', 'sent', 'failed', 'disabled'] as const;
export type MailState = (typeof MAIL_STATES)[number];
export const MAIL_KINDS = ['agency_forward', 'citizen_new_date'] as const;
export type MailKind = (typeof MAIL_KINDS)[number];
export interface MailOutboxView {
  id: string;
  kind: MailKind;
  ticketId: string | null;
  ticketCode: string | null;
  to: string;
  subject: string;
  body: string;
  state: MailState;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: string | null;
  sentAt: string | null;
  messageId: string | null;
  createdAt: string;
  updatedAt: string;
}

/** `GET /feedback/outbox`: a page of the outbox (the one page shape), newest first, with what the screen needs around it. */
export interface MailOutboxListView extends Page<MailOutboxView> {
  /** False when the api runs without SMTP_URL: mails are kept as `disabled` until it is set (and the worker restarted). */
  mailEnabled: boolean;
  /** Messages per state (within `ticketId` when given), whatever `state` filters. */
  counts: Record<MailState, number>;
  /** The id of the last mail shown: pass it as `before` for the same next page as `cursor` = `nextCursor` gives. */
  nextBefore: string | null;
}

/** Result of editing an SLA policy: the open tickets it governs are recomputed by the worker (paged job). */
export interface SlaPolicyUpdateView extends SlaPolicyView {
  /** Open tickets governed by the policy when it was saved (their due times and timers are recomputed in the background). */
  recomputeQueued: number;
}

export interface TicketChangedEvent {
  ticket: TicketView;
  action: string;
}
export interface SlaAlertEvent {
  ticketId: string;
  code: string;
  target: SlaTargetName;
  kind: 'warning' | 'breach';
  dueAt: string;
  firedAt: string;
  assigneeId: string | null;
  priority: TicketPriority;
  queue: TicketQueue;
  escalated: EscalationRule;
}

export const FEEDBACK_ROLES: Record<'staff' | 'leads' | 'admin', Role[]> = {
  staff: ['operator', 'supervisor', 'admin'],
  leads: ['supervisor', 'admin'],
  admin: ['admin'],
};

export interface FeedbackServerEvents {
  /** A ticket changed (created, status, assignment, reply, due instants moved...): operators and supervisors. */
  'ticket:changed': (payload: TicketChangedEvent) => void;
  /** An SLA warning (75 % of a target used) or breach: supervisors and the assignee. */
  'ticket:sla': (payload: SlaAlertEvent) => void;
}
