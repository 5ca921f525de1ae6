import { Injectable, Logger } from '@nestjs/common';
import { TICKET_MACHINE } from '@hotline/contracts';
import { CalendarsService } from '@hotline/calendar';
import type { SlaPolicyRecomputeJob } from '../feedback.jobs';
import { SlaPolicy } from '../entities/reference.entities';
import type { Ticket } from '../entities/ticket.entity';
import { ReferenceRepository } from '../repositories/reference.repository';
import { TicketsRepository } from '../repositories/tickets.repository';
import { retargetClocks } from '../ticket-sla';
import { applyPolicy, followsPolicy, pauseAll, targetsOf } from '../ticket-rules';
import { ChangeTicket, type TicketChange } from './change-ticket';

/** Tickets per page of a policy recompute. */
const RECOMPUTE_PAGE = 200;

export type RecomputeOutcome = { recomputed: number; moved: number } | 'stale';

/**
 * The worker's job after an SLA policy was edited: every not-closed ticket the policy governs gets its new targets, warning
 * threshold, pause rule and escalation. Paged by id (bounded memory), one change per ticket through the one change path: the
 * consumed business time is kept, due instants move, `sla_version` is bumped so the old timers do nothing and the new ones are
 * armed. A newer edit of the policy supersedes this job (it stops; the newer job redoes every ticket with the newer terms).
 */
@Injectable()
export class RecomputePolicyTickets {
  private readonly logger = new Logger(RecomputePolicyTickets.name);

  constructor(
    private readonly change: ChangeTicket,
    private readonly tickets: TicketsRepository,
    private readonly reference: ReferenceRepository,
    private readonly calendars: CalendarsService,
  ) {}

  async execute(job: SlaPolicyRecomputeJob): Promise<RecomputeOutcome> {
    let after = '';
    let recomputed = 0;
    let moved = 0;
    for (;;) {
      const policy = await this.reference.find(SlaPolicy, job.policyId);
      if (!policy || policy.version !== job.version) return 'stale';
      const ids = await this.tickets.idsOfPolicy(policy.id, after, RECOMPUTE_PAGE);
      for (const id of ids) {
        const outcome = await this.reapply(id, policy);
        if (outcome !== 'skipped') recomputed++;
        if (outcome === 'moved') moved++;
      }
      if (ids.length < RECOMPUTE_PAGE) break;
      after = ids[ids.length - 1];
    }
    this.logger.log(
      `SLA policy ${job.policyId} v${job.version}: ${recomputed} ticket(s) recomputed, ${moved} with moved timers`,
    );
    return { recomputed, moved };
  }

  /** One ticket: skipped (nothing written) when it no longer follows this policy or already has its terms. */
  private async reapply(id: string, policy: SlaPolicy): Promise<'skipped' | 'same' | 'moved'> {
    const result = await this.change.execute({
      ticketId: id,
      actorId: null,
      missing: 'null',
      apply: (t, { now }) => this.retarget(t, policy, now),
    });
    if (!result?.changed) return 'skipped';
    return result.timersMoved ? 'moved' : 'same';
  }

  private async retarget(t: Ticket, policy: SlaPolicy, now: Date): Promise<TicketChange | null> {
    if (t.policyId !== policy.id || TICKET_MACHINE.is('frozen', t.status)) return null;
    // Edited again meanwhile: the newer job applies the newer terms (an older job must not overwrite them on this ticket).
    if ((await this.reference.policyVersion(policy.id)) !== policy.version) return null;
    if (followsPolicy(t, policy)) return null;
    if (t.calendarId && t.calendarId !== policy.calendarId) {
      // The running segments are counted on the old calendar up to now; the clocks resume on the new one (syncClocks).
      t.slaClocks = pauseAll(await this.calendars.calendar(t.calendarId), t.slaClocks, now);
    }
    applyPolicy(t, policy);
    const targets = targetsOf(policy);
    const cal = await this.calendars.calendar(policy.calendarId);
    t.slaClocks = retargetClocks(cal, t.slaClocks, { targets, receivedAt: t.receivedAt, warnPercent: t.warnPercent });
    const reason = `SLA policy "${policy.name}" edited`;
    const data = { policyVersion: policy.version, ...targets };
    return { history: [{ action: 'policy_updated', to: policy.id, reason, data }] };
  }
}
