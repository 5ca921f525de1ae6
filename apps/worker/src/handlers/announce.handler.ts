import { Injectable } from '@nestjs/common';
import { JobHandler, JobOf, UnitOfWork } from '@hotline/core';

@Injectable()
export class AnnounceHandler {
  constructor(private readonly uow: UnitOfWork) {}

  @JobHandler('announce')
  async handle(event: JobOf<'announce'>): Promise<void> {
    await this.uow.run(async (tx) => {
      if (event.audience === 'all') tx.emitAll('announcement', event);
      else tx.emit(event.audience, 'announcement', event);
    });
  }
}
