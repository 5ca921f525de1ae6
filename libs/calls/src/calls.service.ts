import { Injectable } from '@nestjs/common';
import { onePage } from '@hotline/contracts';
import type { CallView, Page } from '@hotline/contracts';
import { AuthUser, Clock, decodeCursor, ForbiddenError, NotFoundError, toPage } from '@hotline/core';
import type { ListCallsQuery } from './calls.dto';
import { requirePhone } from './phone-input';
import { CallsRepository } from './repositories/calls.repository';
import { toCallView } from './views';

/** A PBX that never sent the hangup does not pin a call on the live board forever. */
const LIVE_WINDOW_MS = 12 * 3600_000;
const LIVE_LIMIT = 200;

/** The call log's reads: one call, the log (keyset pages), the live board. */
@Injectable()
export class CallsService {
  constructor(
    private readonly calls: CallsRepository,
    private readonly clock: Clock,
  ) {}

  async get(id: string, user: AuthUser): Promise<CallView> {
    const call = await this.calls.findById(id);
    if (!call) throw new NotFoundError('Call', id);
    if (user.role === 'operator' && call.operatorId !== user.id && call.operatorId !== null) {
      // Operators see the calls they handled and unassigned ones (queue); supervisors see all.
      throw new ForbiddenError('This call was handled by another operator');
    }
    return toCallView(call);
  }

  /**
   * Keyset pagination over (started_at desc, id desc). Each equality filter has an index ending in (started_at, id),
   * so the database walks one index range in order and stops after `limit` rows whatever the table size.
   */
  async list(q: ListCallsQuery, user: AuthUser): Promise<Page<CallView>> {
    const limit = q.limit ?? 50;
    let operatorId = q.operatorId;
    if (user.role === 'operator') {
      if (operatorId && operatorId !== user.id) throw new ForbiddenError('Operators list their own calls only');
      operatorId = user.id;
    }
    const filter = {
      operatorId,
      outcome: q.outcome,
      topicId: q.topicId,
      citizenId: q.citizenId,
      phone: q.phone ? requirePhone(q.phone) : undefined,
      direction: q.direction,
      channel: q.channel,
      from: q.from ? new Date(q.from) : undefined,
      to: q.to ? new Date(q.to) : undefined,
    };
    const rows = await this.calls.page(filter, limit, q.cursor ? decodeCursor(q.cursor) : null);
    return toPage(rows, limit, (c) => ({ at: c.startedAt, id: c.id }), toCallView);
  }

  /** Live board: calls ringing or in progress in the last 12 h, newest first, in one page (at most 200). */
  async live(): Promise<Page<CallView>> {
    const rows = await this.calls.live(new Date(this.clock.nowMs() - LIVE_WINDOW_MS), LIVE_LIMIT);
    return onePage(rows.map(toCallView));
  }
}
