import { Injectable } from '@nestjs/common';
import type { AnnouncementEvent } from '@hotline/contracts';
import { Clock, jobId, UnitOfWork, uuidv7 } from '@hotline/core';
import type { AnnouncementDto } from './announcement.dto';

/** Queues an announcement for the worker (through the outbox: it is delivered even if Redis blinks right now). */
@Injectable()
export class AnnouncementsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async send(dto: AnnouncementDto, from: AnnouncementEvent['from']): Promise<AnnouncementEvent> {
    const event: AnnouncementEvent = {
      id: uuidv7(),
      message: dto.message,
      audience: dto.audience,
      from,
      sentAt: this.clock.now().toISOString(),
    };
    await this.uow.run(async (tx) => tx.enqueue('announce', event, { jobId: jobId('announce', event.id) }));
    return event;
  }
}
