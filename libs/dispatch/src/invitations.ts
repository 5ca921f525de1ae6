import { Injectable } from '@nestjs/common';
import { type InvitationFacts, invitationFacts } from '@hotline/contracts';
import { DispatchCalendar } from './dispatch-calendar';
import { LegHistoryRepository } from './repositories/leg-history.repository';

/** The failed deliveries (invitations) of legs, from their history rows, with the dates of the working calendar. */
@Injectable()
export class Invitations {
  constructor(
    private readonly history: LegHistoryRepository,
    private readonly calendar: DispatchCalendar,
  ) {}

  async of(legIds: string[]): Promise<Map<string, InvitationFacts>> {
    const attempts = await this.history.failedAttempts(legIds);
    return new Map([...attempts].map(([legId, at]) => [legId, invitationFacts(at, this.calendar)]));
  }

  async ofLeg(legId: string): Promise<InvitationFacts> {
    return (await this.of([legId])).get(legId) ?? invitationFacts([], this.calendar);
  }
}
