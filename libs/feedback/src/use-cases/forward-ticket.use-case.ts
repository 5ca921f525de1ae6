import { Injectable } from '@nestjs/common';
import type { TicketView } from '@hotline/contracts';
import { CitizensService } from '@hotline/calls';
import { type AuthUser, type Tx, uuidv7 } from '@hotline/core';
import type { ForwardDto } from '../dto/feedback.dto';
import type { Agency } from '../entities/reference.entities';
import type { TicketForward } from '../entities/ticket-forward.entity';
import type { Ticket } from '../entities/ticket.entity';
import { forwardMail } from '../mail-templates';
import { TicketDetailsRepository } from '../repositories/ticket-details.repository';
import { TicketsRepository } from '../repositories/tickets.repository';
import { MailOutboxService } from '../services/mail-outbox.service';
import { FeedbackReferenceService } from '../services/reference.service';
import { assertTicketMove, setStatus } from '../ticket-rules';
import { ChangeTicket } from './change-ticket';
import { ticketOr404 } from './ticket-guards';

/**
 * Forward to the competent agency (meets the forward deadline): the forward row, the agency's mail in the mail outbox and its
 * send job, in the unit of work of the change — a committed forward always has its mail, a refused one never has.
 */
@Injectable()
export class ForwardTicket {
  constructor(
    private readonly change: ChangeTicket,
    private readonly tickets: TicketsRepository,
    private readonly details: TicketDetailsRepository,
    private readonly refs: FeedbackReferenceService,
    private readonly citizens: CitizensService,
    private readonly mail: MailOutboxService,
  ) {}

  async execute(id: string, dto: ForwardDto, actor: AuthUser): Promise<TicketView> {
    await ticketOr404(this.tickets, id);
    const agency = await this.refs.agencyOrBadRequest(dto.agencyId);
    const { view } = await this.change.execute({
      ticketId: id,
      actorId: actor.id,
      apply: async (t, { tx, now }) => {
        const from = t.status;
        assertTicketMove(from, 'forwarded');
        const fwd: TicketForward = {
          id: uuidv7(),
          ticketId: t.id,
          agencyId: agency.id,
          forwardedAt: now,
          forwardedBy: actor.id,
          note: dto.note ?? null,
          answer: null,
          answeredAt: null,
          answerRecordedBy: null,
        };
        await this.details.insertForward(fwd);
        const mailId = await this.mailAgency(tx, { t, fwd, agency });
        t.firstForwardedAt ??= now;
        setStatus(t, 'forwarded', now);
        const data = { forwardId: fwd.id, agencyId: agency.id, agencyEmail: agency.email, mailId };
        return { history: [{ action: 'forwarded', from, to: 'forwarded', data }] };
      },
    });
    return view!;
  }

  /** The agency's mail: the deadline is the resolution due instant when it is forwarded. */
  private async mailAgency(tx: Tx, o: { t: Ticket; fwd: TicketForward; agency: Agency }): Promise<string> {
    const { t, fwd, agency } = o;
    const citizen = await this.citizens.get(t.citizenId);
    const mail = forwardMail({
      agencyName: agency.name,
      code: t.code,
      kind: t.kind,
      subject: t.subject,
      content: t.content,
      note: fwd.note,
      receivedAt: t.receivedAt,
      forwardedAt: fwd.forwardedAt,
      deadline: t.resolutionDueAt,
      dossierCode: t.dossierCode,
      citizenName: citizen.fullName,
      citizenPhone: citizen.phones.find((p) => p.isPrimary)?.phone ?? citizen.phones[0]?.phone ?? null,
    });
    const row = await this.mail.add(tx, { kind: 'agency_forward', ticketId: t.id, to: agency.email, ...mail });
    return row.id;
  }
}
