import { Injectable } from '@nestjs/common';
import { JobHandler } from '@hotline/core';
import { AuthService } from '@hotline/identity';

@Injectable()
export class PurgeRefreshTokensHandler {
  constructor(private readonly auth: AuthService) {}

  @JobHandler('purge-expired-refresh-tokens')
  async handle(): Promise<{ deleted: number }> {
    return { deleted: await this.auth.purgeExpired() };
  }
}
