import { Injectable } from '@nestjs/common';
import type { TicketView } from '@hotline/contracts';
import { type AuthUser, stripUndefined } from '@hotline/core';
import { CalendarsService } from '@hotline/calendar';
import type { UpdateTicketDto } from '../dto/feedback.dto';
import type { SlaPolicy } from '../entities/reference.entities';
import type { Ticket } from '../entities/ticket.entity';
import { choosePolicy } from '../policy-match';
import { FeedbackReferenceService } from '../services/reference.service';
import { retargetClocks } from '../ticket-sla';
import { applyPolicy, assertNotFrozen, targetsOf, type TicketHistoryInput } from '../ticket-rules';
import { ChangeTicket } from './change-ticket';

/** PATCH /tickets/:id: only the fields sent; a new category or priority may choose another policy (consumed time kept). */
@Injectable()
export class UpdateTicket {
  constructor(
    private readonly change: ChangeTicket,
    private readonly refs: FeedbackReferenceService,
    private readonly calendars: CalendarsService,
  ) {}

  async execute(id: string, dto: UpdateTicketDto, actor: AuthUser): Promise<TicketView> {
    if (dto.categoryId) await this.refs.categoryOrBadRequest(dto.categoryId);
    const repolicy = dto.categoryId !== undefined || dto.priority !== undefined;
    const policies = repolicy ? await this.refs.activePolicies() : null;
    const { view } = await this.change.execute({
      ticketId: id,
      actorId: actor.id,
      apply: async (t) => {
        assertNotFrozen(t);
        const sent = stripUndefined(dto);
        const before = { categoryId: t.categoryId, priority: t.priority };
        Object.assign(t, sent);
        const history: TicketHistoryInput[] = [{ action: 'updated', data: { fields: Object.keys(sent) } }];
        if (dto.priority && dto.priority !== before.priority)
          history.push({ action: 'priority_changed', from: before.priority, to: dto.priority });
        if (policies && (t.categoryId !== before.categoryId || t.priority !== before.priority))
          history.push(...(await this.rechoosePolicy(t, policies)));
        return { history };
      },
    });
    return view!;
  }

  private async rechoosePolicy(t: Ticket, policies: readonly SlaPolicy[]): Promise<TicketHistoryInput[]> {
    const policy = choosePolicy(policies, t);
    if (!policy || policy.id === t.policyId) return [];
    const from = t.policyId;
    applyPolicy(t, policy);
    const cal = await this.calendars.calendar(policy.calendarId);
    t.slaClocks = retargetClocks(cal, t.slaClocks, {
      targets: targetsOf(policy),
      receivedAt: t.receivedAt,
      warnPercent: t.warnPercent,
    });
    return [{ action: 'policy_changed', from, to: policy.id }];
  }
}
