import { Injectable } from '@nestjs/common';
import { JobHandler } from '@hotline/core';
import { PurgeExpiredSessionsUseCase } from '@hotline/identity';

@Injectable()
export class PurgeRefreshTokensHandler {
  constructor(private readonly purge: PurgeExpiredSessionsUseCase) {}

  @JobHandler('purge-expired-refresh-tokens')
  async handle(): Promise<{ deleted: number }> {
    return { deleted: await this.purge.execute() };
  }
}
