import { Injectable } from '@nestjs/common';
import { raisePriority, type EscalationRule, type SlaAlertEvent } from '@hotline/contracts';
import type { Tx } from '@hotline/core';
import type { SlaTimerJob } from '../feedback.jobs';
import type { Ticket } from '../entities/ticket.entity';
import { fireTimer, type TargetClock } from '../sla/sla-clock';
import type { TicketHistoryInput } from '../ticket-rules';
import { ChangeTicket, type TicketChange } from './change-ticket';

/** A fired timer that reached the worker before its instant (clock skew, a deadline that moved later): BullMQ retries it. */
export class TimerNotDueError extends Error {}

export type FireOutcome = 'stale' | 'noop' | 'acted';

/**
 * A timer fired: through the one change path, re-check MySQL (version, clock) and act once — mark the clock, escalate a
 * breach, write history, alert the supervisors and the assignee (`ticket:sla`) and the screens (`ticket:changed`).
 */
@Injectable()
export class FireSlaTimer {
  constructor(private readonly change: ChangeTicket) {}

  async execute(job: SlaTimerJob): Promise<FireOutcome> {
    let outcome: FireOutcome = 'stale';
    await this.change.execute({
      ticketId: job.ticketId,
      actorId: null,
      missing: 'null',
      apply: async (t, { tx, now }) => {
        if (t.slaVersion !== job.version) return null;
        outcome = 'noop';
        const clock = t.slaClocks[job.target];
        if (!clock) return null;
        const next = fireTimer(clock, job.kind, now);
        if (!next) {
          assertNotEarly(t, job, clock, now);
          return null;
        }
        outcome = 'acted';
        return fire(tx, { t, job, clock, next, now });
      },
    });
    return outcome;
  }
}

/** A timer that must not act yet (its instant is ahead and the threshold unreported) throws, so BullMQ retries it later. */
function assertNotEarly(t: Ticket, job: SlaTimerJob, clock: TargetClock, now: Date): void {
  const due = job.kind === 'warning' ? clock.warnAt : clock.dueAt;
  const reported = job.kind === 'warning' ? clock.warned : clock.breached;
  if (clock.runningSince && !clock.metAt && due && Date.parse(due) > now.getTime() && !reported)
    throw new TimerNotDueError(`timer ${job.target}/${job.kind} of ${t.code} fired before ${due}`);
}

interface Firing {
  t: Ticket;
  job: SlaTimerJob;
  /** The clock before and after the timer marked it. */
  clock: TargetClock;
  next: TargetClock;
  now: Date;
}

function fire(tx: Tx, f: Firing): TicketChange {
  const { t, job, clock, next, now } = f;
  const history: TicketHistoryInput[] = [];
  const alerts: SlaAlertEvent[] = [];
  t.slaClocks = { ...t.slaClocks, [job.target]: next };
  // A breach acting before its warning was recorded (both missed while no worker ran, and the breach won the race for the
  // row): the warning is recorded and announced first, so each threshold is reported once whatever the order.
  if (job.kind === 'breach' && !clock.warned && clock.warnAt) {
    history.push(thresholdRow(f, 'warning', clock.warnAt));
    alerts.push(alertOf(t, { target: job.target, kind: 'warning', dueAt: clock.warnAt, now, escalated: 'none' }));
  }
  const previousAssignee = t.assigneeId;
  const escalated: EscalationRule = job.kind === 'breach' && job.target !== 'forward' ? t.escalation : 'none';
  const instant = (job.kind === 'warning' ? clock.warnAt : clock.dueAt) ?? job.at ?? now.toISOString();
  history.push(thresholdRow(f, job.kind, instant));
  if (escalated !== 'none') history.push(escalate(t, escalated, job.target));
  alerts.push(alertOf(t, { target: job.target, kind: job.kind, dueAt: instant, now, escalated }));
  // Supervisors, and the assignee before an escalation unassigned it.
  const rooms = new Set<'role:supervisor' | `user:${string}`>(['role:supervisor']);
  if (previousAssignee) rooms.add(`user:${previousAssignee}`);
  for (const a of alerts) tx.emit([...rooms], 'ticket:sla', a);
  return { history, action: job.kind === 'warning' ? 'sla_warning' : 'sla_breached', fired: true };
}

function thresholdRow(f: Firing, kind: 'warning' | 'breach', instant: string): TicketHistoryInput {
  return {
    action: kind === 'warning' ? 'sla_warning' : 'sla_breached',
    reason: `${f.job.target} ${kind}`,
    data: {
      target: f.job.target,
      dueAt: f.clock.dueAt,
      warnAt: f.clock.warnAt,
      firedAt: f.now.toISOString(),
      lateMs: f.now.getTime() - Date.parse(instant),
    },
  };
}

/** The policy's escalation of a breach of first response or resolution. */
function escalate(t: Ticket, rule: EscalationRule, target: string): TicketHistoryInput {
  if (rule === 'raise_priority') t.priority = raisePriority(t.priority);
  if (rule === 'supervisor_queue') {
    t.queue = 'supervisors';
    t.assigneeId = null;
  }
  return {
    action: 'escalated',
    to: rule === 'raise_priority' ? t.priority : 'supervisors',
    reason: `${target} breached`,
  };
}

function alertOf(
  t: Ticket,
  a: Pick<SlaAlertEvent, 'target' | 'kind' | 'dueAt' | 'escalated'> & { now: Date },
): SlaAlertEvent {
  return {
    ticketId: t.id,
    code: t.code,
    target: a.target,
    kind: a.kind,
    dueAt: a.dueAt,
    firedAt: a.now.toISOString(),
    assigneeId: t.assigneeId,
    priority: t.priority,
    queue: t.queue,
    escalated: a.escalated,
  };
}
