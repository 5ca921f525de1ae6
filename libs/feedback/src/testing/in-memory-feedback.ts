import type { AuditInput } from '@hotline/core';
import { TICKET_MACHINE } from '@hotline/contracts';
import type { MailOutbox } from '../entities/mail-outbox.entity';
import type { OverdueDossier } from '../entities/overdue-dossier.entity';
import type { Agency, FeedbackCategory, SlaPolicy } from '../entities/reference.entities';
import type { TicketForward } from '../entities/ticket-forward.entity';
import type { TicketMessage } from '../entities/ticket-message.entity';
import type { Ticket } from '../entities/ticket.entity';
import type { MailGuard } from '../repositories/mail-outbox.repository';
import type { NewDueDate } from '../repositories/ticket-details.repository';
import type { TicketListFilter } from '../repositories/tickets.repository';

const clone = <T>(row: T): T => structuredClone(row);
const copy = <T>(rows: T[]): T[] => rows.map(clone);
const byReceivedDesc = (a: Ticket, b: Ticket) =>
  b.receivedAt.getTime() - a.receivedAt.getTime() || (b.id < a.id ? -1 : b.id > a.id ? 1 : 0);

/**
 * The feedback tables in memory, with fake repositories that answer what the use cases ask of the real ones (same
 * method names and semantics: a locked read is a copy, conditional updates report whether they won). The e2e suite
 * proves the SQL; these prove the rules.
 */
export class InMemoryFeedback {
  ticketRows: Ticket[] = [];
  messageRows: TicketMessage[] = [];
  forwardRows: TicketForward[] = [];
  overdueRows: OverdueDossier[] = [];
  mailRows: MailOutbox[] = [];
  categoryRows: FeedbackCategory[] = [];
  agencyRows: Agency[] = [];
  policyRows: SlaPolicy[] = [];
  /** History rows as committed (the fake unit of work's). */
  historyRows: AuditInput[] = [];

  /** For the fake unit of work: a copy of the tables now, and how to go back to it (a rollback). */
  snapshot = (): (() => void) => {
    const saved = {
      ticketRows: copy(this.ticketRows),
      messageRows: copy(this.messageRows),
      forwardRows: copy(this.forwardRows),
      overdueRows: copy(this.overdueRows),
      mailRows: copy(this.mailRows),
    };
    return () => Object.assign(this, saved);
  };

  readonly tickets = {
    find: async (id: string) => this.one(this.ticketRows.find((t) => t.id === id)),
    findByCode: async (code: string) => this.one(this.ticketRows.find((t) => t.code === code)),
    lock: async (id: string) => this.one(this.ticketRows.find((t) => t.id === id)),
    insert: async (t: Ticket) => void this.ticketRows.push(clone(t)),
    update: async (t: Ticket) => {
      const i = this.ticketRows.findIndex((r) => r.id === t.id);
      if (i < 0) throw new Error(`no ticket ${t.id}`);
      t.version += 1;
      this.ticketRows[i] = clone(t);
    },
    list: async (f: TicketListFilter) =>
      copy(
        this.ticketRows
          .filter((t) => !f.status || t.status === f.status)
          .filter((t) => !f.assigneeId || t.assigneeId === f.assigneeId)
          .filter((t) => !(f.open || f.atRisk) || TICKET_MACHINE.is('open', t.status))
          .sort(byReceivedDesc)
          .slice(0, f.take),
      ),
    idsOfPolicy: async (policyId: string, afterId: string, limit: number) =>
      this.ticketRows
        .filter((t) => t.policyId === policyId && !TICKET_MACHINE.is('frozen', t.status) && t.id > afterId)
        .map((t) => t.id)
        .sort()
        .slice(0, limit),
    countNotClosedOfPolicy: async (policyId: string) =>
      this.ticketRows.filter((t) => t.policyId === policyId && !TICKET_MACHINE.is('frozen', t.status)).length,
    codes: async (ids: string[]) =>
      new Map(this.ticketRows.filter((t) => ids.includes(t.id)).map((t) => [t.id, t.code])),
  };

  readonly details = {
    insertMessage: async (m: TicketMessage) => void this.messageRows.push(clone(m)),
    messages: async (ticketId: string, kind?: TicketMessage['kind']) =>
      copy(this.messageRows.filter((m) => m.ticketId === ticketId && (!kind || m.kind === kind))),
    insertForward: async (f: TicketForward) => void this.forwardRows.push(clone(f)),
    forwards: async (ticketId: string) => copy(this.forwardRows.filter((f) => f.ticketId === ticketId)),
    forward: async (id: string, ticketId: string) =>
      this.one(this.forwardRows.find((f) => f.id === id && f.ticketId === ticketId)),
    answerForward: async (
      id: string,
      ticketId: string,
      answer: Pick<TicketForward, 'answer' | 'answeredAt' | 'answerRecordedBy'>,
    ) => {
      const row = this.forwardRows.find((f) => f.id === id && f.ticketId === ticketId && !f.answeredAt);
      if (row) Object.assign(row, answer);
      return !!row;
    },
    insertOverdue: async (o: OverdueDossier) => void this.overdueRows.push(clone(o)),
    overdue: async (ticketId: string) => this.one(this.overdueRows.find((o) => o.ticketId === ticketId)),
    overdueOf: async (ids: string[]) => copy(this.overdueRows.filter((o) => ids.includes(o.ticketId))),
    setNewDueDate: async (ticketId: string, d: NewDueDate) => {
      const row = this.overdueRows.find((o) => o.ticketId === ticketId && !o.newDueDate);
      if (row) Object.assign(row, d);
      return !!row;
    },
  };

  readonly reference = {
    activePolicies: async () => copy(this.policyRows.filter((p) => p.active)),
    // Every row's content: a test that edits a row in place is seen at the next check, as a version bump would be.
    policiesVersion: async () => JSON.stringify(this.policyRows),
    find: async (entity: { name: string }, id: string) => this.one(this.table(entity).find((r) => r.id === id)),
    policyVersion: async (id: string) => this.policyRows.find((p) => p.id === id)?.version ?? null,
  };

  readonly mail = {
    insert: async (row: MailOutbox) => void this.mailRows.push(clone(row)),
    find: async (id: string) => this.one(this.mailRows.find((m) => m.id === id)),
    updateIf: async (g: MailGuard, changes: Partial<MailOutbox>) => {
      const row = this.mailRows.find(
        (m) => m.id === g.id && m.state === g.state && m.round === g.round && m.attempts === g.attempts,
      );
      if (row) Object.assign(row, changes);
      return !!row;
    },
  };

  private table(entity: { name: string }): Array<{ id: string }> {
    if (entity.name === 'SlaPolicy') return this.policyRows;
    if (entity.name === 'Agency') return this.agencyRows;
    return this.categoryRows;
  }

  private one<T>(row: T | undefined): T | null {
    return row ? clone(row) : null;
  }
}
