import { Injectable } from '@nestjs/common';
import { vnLocalDate, type TicketView } from '@hotline/contracts';
import { CitizensService } from '@hotline/calls';
import { type AuthUser, ConflictError, type Tx, ValidationError } from '@hotline/core';
import type { ApologySlipDto } from '../dto/feedback.dto';
import type { OverdueDossier } from '../entities/overdue-dossier.entity';
import type { Ticket } from '../entities/ticket.entity';
import { apologyMail } from '../mail-templates';
import { TicketDetailsRepository } from '../repositories/ticket-details.repository';
import { MailOutboxService } from '../services/mail-outbox.service';
import { FeedbackReferenceService } from '../services/reference.service';
import { isRealDate } from '../ticket-rules';
import { ChangeTicket } from './change-ticket';

const ONCE = 'NEW_DATE_ALREADY_SET';

/** Mẫu 04 apology slip with the new due date: set once (Decree 61/2018 art. 19(9)); a second attempt is a 409. */
@Injectable()
export class RecordApologySlip {
  constructor(
    private readonly change: ChangeTicket,
    private readonly details: TicketDetailsRepository,
    private readonly refs: FeedbackReferenceService,
    private readonly citizens: CitizensService,
    private readonly mail: MailOutboxService,
  ) {}

  async execute(id: string, dto: ApologySlipDto, actor: AuthUser): Promise<TicketView> {
    for (const [field, value] of [
      ['newDueDate', dto.newDueDate],
      ['slipDate', dto.slipDate],
    ] as const) {
      if (value && !isRealDate(value))
        throw new ValidationError(`${field}: not a calendar date`, { field, constraint: 'isDate' });
    }
    const { view } = await this.change.execute({
      ticketId: id,
      actorId: actor.id,
      apply: async (t, { tx, now }) => {
        const od = await this.overdueToDate(t.id, dto);
        const set = await this.details.setNewDueDate(t.id, {
          apologyReason: dto.reason,
          apologySlipDate: dto.slipDate ?? null,
          newDueDate: dto.newDueDate,
          newDateSetAt: now,
          newDateSetBy: actor.id,
        });
        if (!set) throw new ConflictError('The new due date was already set; it can be set only once', ONCE);
        const mailId = await this.mailCitizen(tx, { t, od, dto, now });
        const data = { mailId, citizenEmailed: !!mailId };
        return {
          history: [{ action: 'apology_slip', from: od.originalDueDate, to: dto.newDueDate, reason: dto.reason, data }],
        };
      },
    });
    return view!;
  }

  /** The dossier facts, when the new date may still be set to this one. */
  private async overdueToDate(ticketId: string, dto: ApologySlipDto): Promise<OverdueDossier> {
    const od = await this.details.overdue(ticketId);
    if (!od) throw new ConflictError('This ticket is not about an overdue dossier', 'NOT_OVERDUE_DOSSIER');
    if (od.newDueDate)
      throw new ConflictError(`The new due date was already set (${od.newDueDate}); it can be set only once`, ONCE);
    if (dto.newDueDate <= od.originalDueDate)
      throw new ValidationError(`newDueDate: must be after the original due date ${od.originalDueDate}`, {
        field: 'newDueDate',
        constraint: 'dateOrder',
      });
    return od;
  }

  /** The citizen is told by email when we have an address (Decree 61/2018 art. 19(9): email/SMS/phone). */
  private async mailCitizen(
    tx: Tx,
    o: { t: Ticket; od: OverdueDossier; dto: ApologySlipDto; now: Date },
  ): Promise<string | null> {
    const { t, od, dto } = o;
    const citizen = await this.citizens.get(t.citizenId);
    if (!citizen.email) return null;
    const agency = await this.refs.agency(od.agencyId);
    const mail = apologyMail({
      citizenName: citizen.fullName,
      code: t.code,
      agencyName: agency.name,
      dossierCode: od.dossierCode,
      originalDueDate: od.originalDueDate,
      newDueDate: dto.newDueDate,
      reason: dto.reason,
      slipDate: dto.slipDate ?? vnLocalDate(o.now),
    });
    const row = await this.mail.add(tx, { kind: 'citizen_new_date', ticketId: t.id, to: citizen.email, ...mail });
    return row.id;
  }
}
