import { Injectable } from '@nestjs/common';
import type { TicketView } from '@hotline/contracts';
import { Clock, NotFoundError, type Tx, UnitOfWork, ValidationError } from '@hotline/core';
import { CalendarsService } from '@hotline/calendar';
import type { Ticket, TicketClocks } from '../entities/ticket.entity';
import { TicketViews } from '../queries/ticket-views';
import { TicketsRepository } from '../repositories/tickets.repository';
import { clockColumns, syncClocks, timersMoved } from '../ticket-sla';
import { clockData, type TicketHistoryInput, UUID } from '../ticket-rules';
import { emitTicketChanged, recordTimers } from './ticket-effects';

export interface TicketChangeContext {
  tx: Tx;
  now: Date;
}

/** What a change did: its history rows (the first names the change for the screens unless `action` says otherwise). */
export interface TicketChange {
  history: TicketHistoryInput[];
  action?: string;
  /**
   * The timer path: the fired timer advanced its clock itself — no re-sync, and the other timers keep their jobs (the SLA
   * version does not move).
   */
  fired?: boolean;
}

export interface ChangeTicketInput {
  ticketId: string;
  /** Null: the system (a worker job). */
  actorId: string | null;
  /** Called with the locked row (mutate it); null when there is nothing to do (nothing is written, nothing emitted). */
  apply: (t: Ticket, ctx: TicketChangeContext) => Promise<TicketChange | null>;
  /** A missing ticket is a 404, or — for a job about a ticket that is gone — a null result. */
  missing?: 'throw' | 'null';
}

export interface ChangeTicketResult {
  ticket: Ticket;
  changed: boolean;
  /** The due instants moved: the SLA version was bumped and the timers re-armed. */
  timersMoved: boolean;
  /** The ticket as the screens were told (null when nothing changed). */
  view: TicketView | null;
}

/**
 * The one change path of a ticket, for the api's use cases and the worker's timers and policy recompute alike: in one unit of
 * work the row locked, the change applied, the SLA clocks synced with the new facts (version bumped when timers move), the
 * row updated, the history written, and — recorded on the unit of work, carried out after the commit — the timers re-armed
 * and `ticket:changed` sent to the screens.
 */
@Injectable()
export class ChangeTicket {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly tickets: TicketsRepository,
    private readonly calendars: CalendarsService,
    private readonly views: TicketViews,
  ) {}

  execute(input: ChangeTicketInput & { missing: 'null' }): Promise<ChangeTicketResult | null>;
  execute(input: ChangeTicketInput): Promise<ChangeTicketResult>;
  async execute(input: ChangeTicketInput): Promise<ChangeTicketResult | null> {
    const { ticketId, actorId } = input;
    if (!UUID.test(ticketId)) throw new ValidationError('id must be a UUID', { field: 'id', constraint: 'isUuid' });
    return this.uow.run(async (tx) => {
      const now = this.clock.now();
      const t = await this.tickets.lock(ticketId);
      if (!t) {
        if (input.missing === 'null') return null;
        throw new NotFoundError('Ticket', ticketId);
      }
      const previous = { version: t.slaVersion, clocks: t.slaClocks };
      const change = await input.apply(t, { tx, now });
      if (!change) return { ticket: t, changed: false, timersMoved: false, view: null };
      const moved = change.fired ? false : await this.syncSla(t, previous.clocks, now);
      Object.assign(t, clockColumns(t.slaClocks));
      t.updatedAt = now;
      await this.tickets.update(t);
      const rows = change.history.map((c) => ({ actorId, entityType: 'ticket', entityId: t.id, at: now, ...c }));
      if (moved)
        rows.push({
          actorId,
          entityType: 'ticket',
          entityId: t.id,
          at: now,
          action: 'sla_recomputed',
          to: `v${t.slaVersion}`,
          data: clockData(t),
        });
      await tx.history(rows);
      if (moved) recordTimers(tx, t, previous);
      const view = await this.views.one(t);
      emitTicketChanged(tx, view, change.action ?? change.history[0]?.action ?? 'updated');
      return { ticket: t, changed: true, timersMoved: moved, view };
    });
  }

  /** The clocks in line with the ticket's facts at `now`; true (and the SLA version bumped) when the timers moved. */
  private async syncSla(t: Ticket, before: TicketClocks, now: Date): Promise<boolean> {
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
    const moved = timersMoved(before, t.slaClocks);
    if (moved) t.slaVersion += 1;
    return moved;
  }
}
