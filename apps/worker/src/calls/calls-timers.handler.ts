import { Injectable } from '@nestjs/common';
import { OperatorPresenceService, OperatorStatusService } from '@hotline/calls';
import { JobHandler, JobOf } from '@hotline/core';

/** Operator status timers: end of wrap-up, offline after the presence grace period. Stale timers do nothing. */
@Injectable()
export class CallsTimersHandler {
  constructor(
    private readonly status: OperatorStatusService,
    private readonly presence: OperatorPresenceService,
  ) {}

  @JobHandler('calls-wrap-up-end')
  async wrapUpEnd(data: JobOf<'calls-wrap-up-end'>): Promise<{ changed: boolean }> {
    return { changed: await this.status.endWrapUp(data.userId, data.version) };
  }

  @JobHandler('calls-presence-offline')
  async presenceOffline(data: JobOf<'calls-presence-offline'>): Promise<{ changed: boolean }> {
    return { changed: await this.presence.expired(data.userId, data.lostAtMs) };
  }
}
