import { Injectable } from '@nestjs/common';
import { JobHandler, JobOf, RealtimeEmitter } from '@hotline/core';

@Injectable()
export class AnnounceHandler {
  constructor(private readonly realtime: RealtimeEmitter) {}

  @JobHandler('announce')
  async handle(event: JobOf<'announce'>): Promise<void> {
    if (event.audience === 'all') this.realtime.toAll('announcement', event);
    else this.realtime.to(event.audience, 'announcement', event);
  }
}
