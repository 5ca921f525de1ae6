import { Inject, Injectable } from '@nestjs/common';
import type Redis from 'ioredis';
import { APP_CONFIG, AppConfig, REDIS, TooManyRequestsError } from '@hotline/core';
import { DISPATCH_CONFIG, DispatchConfig } from './dispatch-config';

/**
 * Fixed-window limiter for the public lookup (no login): N requests per window per client IP, counted in Redis so that
 * every api instance shares the count. Over the limit → 429 with Retry-After (seconds to the end of the window).
 */
@Injectable()
export class PublicLookupLimiter {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly app: AppConfig,
    @Inject(DISPATCH_CONFIG) private readonly config: DispatchConfig,
  ) {}

  async hit(clientKey: string, nowMs = Date.now()): Promise<void> {
    const windowMs = this.config.publicLookupWindowSeconds * 1000;
    const window = Math.floor(nowMs / windowMs);
    const key = `${this.app.redis.prefix}dispatch:lookup:${clientKey}:${window}`;
    const [[, count]] = (await this.redis
      .multi()
      .incr(key)
      .pexpire(key, windowMs + 1000)
      .exec()) as Array<[Error | null, number]>;
    if (count > this.config.publicLookupLimit) {
      const retryAfter = Math.max(1, Math.ceil(((window + 1) * windowMs - nowMs) / 1000));
      throw new TooManyRequestsError(`too many lookups: try again in ${retryAfter} s`, retryAfter);
    }
  }
}
