import { Injectable } from '@nestjs/common';
import type { TicketView } from '@hotline/contracts';
import { type AuthUser, ConflictError, NotFoundError, ValidationError } from '@hotline/core';
import type { AgencyAnswerDto } from '../dto/feedback.dto';
import { TicketDetailsRepository } from '../repositories/ticket-details.repository';
import { UUID } from '../ticket-rules';
import { ChangeTicket } from './change-ticket';

/** The agency's answer to a forward, recorded once (a second one is a 409). */
@Injectable()
export class RecordAgencyAnswer {
  constructor(
    private readonly change: ChangeTicket,
    private readonly details: TicketDetailsRepository,
  ) {}

  async execute(input: { id: string; forwardId: string; dto: AgencyAnswerDto; actor: AuthUser }): Promise<TicketView> {
    const { id, forwardId, dto, actor } = input;
    if (!UUID.test(forwardId))
      throw new ValidationError('forwardId must be a UUID', { field: 'forwardId', constraint: 'isUuid' });
    const { view } = await this.change.execute({
      ticketId: id,
      actorId: actor.id,
      apply: async (t, { now }) => {
        const answered = await this.details.answerForward(forwardId, t.id, {
          answer: dto.answer,
          answeredAt: now,
          answerRecordedBy: actor.id,
        });
        if (!answered) {
          if (!(await this.details.forward(forwardId, t.id))) throw new NotFoundError('Forward', forwardId);
          throw new ConflictError('The agency answer of this forward is already recorded');
        }
        return { history: [{ action: 'agency_answered', data: { forwardId } }] };
      },
    });
    return view!;
  }
}
