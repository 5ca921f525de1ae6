import { Injectable } from '@nestjs/common';
import { onePage } from '@hotline/contracts';
import type { CallbackAttemptView, CallbackView, Page } from '@hotline/contracts';
import { Clock, decodeCursor, NotFoundError, toPage } from '@hotline/core';
import type { ListCallbacksQuery } from './calls.dto';
import { CallbacksRepository } from './repositories/callbacks.repository';
import { toCallbackView } from './views';

export interface CallbackBacklog {
  open: number;
  unassigned: number;
  oldestAgeSeconds: number | null;
  byAge: Record<'under15m' | 'from15mTo1h' | 'from1hTo4h' | 'over4h', number>;
}

const MINUTE = 60_000;

/** The reads of callback tasks: the list (oldest first, keyset pages), the supervisor's backlog, a task's attempts. */
@Injectable()
export class CallbacksService {
  constructor(
    private readonly callbacks: CallbacksRepository,
    private readonly clock: Clock,
  ) {}

  async list(q: ListCallbacksQuery): Promise<Page<CallbackView>> {
    const limit = q.limit ?? 100;
    const rows = await this.callbacks.page(
      { state: q.state ?? 'open', assigneeId: q.assigneeId },
      limit,
      q.cursor ? decodeCursor(q.cursor) : null,
    );
    const nowMs = this.clock.nowMs();
    return toPage(
      rows,
      limit,
      (c) => ({ at: c.createdAt, id: c.id }),
      (c) => toCallbackView(c, nowMs),
    );
  }

  /** How many open, how many unassigned, how old (age buckets). */
  async backlog(): Promise<CallbackBacklog> {
    const now = this.clock.nowMs();
    const r = await this.callbacks.backlog([
      new Date(now - 15 * MINUTE),
      new Date(now - 60 * MINUTE),
      new Date(now - 240 * MINUTE),
    ]);
    const [lt15, lt60, lt240] = r.newerThan;
    return {
      open: r.open,
      unassigned: r.unassigned,
      oldestAgeSeconds: r.oldest ? Math.round((now - r.oldest.getTime()) / 1000) : null,
      byAge: { under15m: lt15, from15mTo1h: lt60 - lt15, from1hTo4h: lt240 - lt60, over4h: r.open - lt240 },
    };
  }

  /** A task's attempts, oldest first (a handful: one page). */
  async attempts(id: string): Promise<Page<CallbackAttemptView>> {
    if (!(await this.callbacks.exists(id))) throw new NotFoundError('Callback', id);
    const rows = await this.callbacks.attemptsOf(id);
    return onePage(rows.map((a) => ({ ...a, at: a.at.toISOString() })));
  }
}
