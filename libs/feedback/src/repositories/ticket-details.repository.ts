import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull } from 'typeorm';
import { AuditLogEntry, BaseRepository, type Keyset } from '@hotline/core';
import { OverdueDossier } from '../entities/overdue-dossier.entity';
import { TicketForward } from '../entities/ticket-forward.entity';
import { TicketMessage } from '../entities/ticket-message.entity';

/** The new date of an overdue dossier (Mẫu 04). */
export interface NewDueDate {
  apologyReason: string;
  apologySlipDate: string | null;
  newDueDate: string;
  newDateSetAt: Date;
  newDateSetBy: string;
}

/** What hangs off a ticket: its messages, its forwards to agencies, its overdue-dossier facts, its history rows. */
@Injectable()
export class TicketDetailsRepository extends BaseRepository {
  constructor(@InjectDataSource() ds: DataSource) {
    super(ds);
  }

  async insertMessage(m: TicketMessage): Promise<void> {
    await this.repo(TicketMessage).insert(m);
  }

  messages(ticketId: string, kind?: TicketMessage['kind']): Promise<TicketMessage[]> {
    return this.repo(TicketMessage).find({
      where: kind ? { ticketId, kind } : { ticketId },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  async insertForward(f: TicketForward): Promise<void> {
    await this.repo(TicketForward).insert(f);
  }

  forwards(ticketId: string): Promise<TicketForward[]> {
    return this.repo(TicketForward).find({ where: { ticketId }, order: { forwardedAt: 'ASC' } });
  }

  forward(id: string, ticketId: string): Promise<TicketForward | null> {
    return this.repo(TicketForward).findOneBy({ id, ticketId });
  }

  /** Records the agency's answer once: false when the forward has one already (or is not this ticket's). */
  async answerForward(
    id: string,
    ticketId: string,
    answer: Pick<TicketForward, 'answer' | 'answeredAt' | 'answerRecordedBy'>,
  ): Promise<boolean> {
    const res = await this.repo(TicketForward).update({ id, ticketId, answeredAt: IsNull() }, answer);
    return !!res.affected;
  }

  async insertOverdue(o: OverdueDossier): Promise<void> {
    await this.repo(OverdueDossier).insert(o);
  }

  overdue(ticketId: string): Promise<OverdueDossier | null> {
    return this.repo(OverdueDossier).findOneBy({ ticketId });
  }

  overdueOf(ticketIds: string[]): Promise<OverdueDossier[]> {
    return ticketIds.length ? this.repo(OverdueDossier).findBy({ ticketId: In(ticketIds) }) : Promise.resolve([]);
  }

  /** Sets the new due date once (conditional on none yet): false when another request set it first. */
  async setNewDueDate(ticketId: string, d: NewDueDate): Promise<boolean> {
    const res = await this.manager
      .createQueryBuilder()
      .update(OverdueDossier)
      .set(d)
      .where('ticket_id = :id AND new_due_date IS NULL', { id: ticketId })
      .execute();
    return !!res.affected;
  }

  /** The ticket's history rows (audit_log, entity_type = 'ticket'), oldest first: keyset (at, id) after `after` (ix_audit_entity). */
  history(ticketId: string, after: Keyset | null, take: number): Promise<AuditLogEntry[]> {
    const qb = this.repo(AuditLogEntry)
      .createQueryBuilder('a')
      .where('a.entity_type = :type AND a.entity_id = :id', { type: 'ticket', id: ticketId })
      .orderBy('a.at', 'ASC')
      .addOrderBy('a.id', 'ASC')
      .limit(take);
    if (after) qb.andWhere('(a.at > :at OR (a.at = :at AND a.id > :after))', { at: after.at, after: after.id });
    return qb.getMany();
  }
}
